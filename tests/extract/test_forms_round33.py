"""Forms met in held-out sets 53-55 (round 33, session 8), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_boost_after_a_course_adds_to_it() -> None:
    text = ("A 70-year-old man had a C5 metastasis. Radiotherapy was given, 20 Gy in 5 fractions followed by a boost of "
            "9 Gy in 3 fractions to the vertebra.")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (29.0, 8)


def test_a_course_alone_keeps_its_dose() -> None:
    """Guard: no boost, no sum."""
    text = "A 70-year-old man had a C5 metastasis. Radiotherapy was given, 20 Gy in 5 fractions, with good relief."
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (20.0, 5)


def test_a_site_after_a_bracketed_aside() -> None:
    text = ("A 62-year-old woman had a hysterectomy. Pathology showed a mixed carcinoma (small cell carcinoma and "
            "serous adenocarcinoma) of the endometrium. Two months later a T11 metastasis compressed the cord.")
    assert schema(text)["primary_site"] == "uterus"


def test_pedicular_screw_fixation_levels_are_not_tumour_levels() -> None:
    text = ("A 58-year-old woman had a metastatic solitary fibrous tumour. She underwent excision of the T7 tumour with "
            "T6-8 pedicular screw fixation.")
    assert schema(text)["spinal_levels"] == ["T7"]


def test_treatments_to_consider_in_a_long_list_are_not_given() -> None:
    text = ("A 66-year-old man had a C4 paraganglioma metastasis and underwent anterior decompression. We discuss the "
            "adjuvant treatments to consider for distant metastases, such as I-131 MIBG, conventional external "
            "radiotherapy, and chemotherapy.")
    out = schema(text)
    assert out["chemotherapy"] is None
    assert out["radiotherapy"] is None


def test_after_years_the_patient_remains_well() -> None:
    text = ("A 59-year-old woman had a T10 metastasis of a paraganglioma treated by kyphoplasty. After 6 years, she "
            "remains clinically stable.")
    assert schema(text)["follow_up_months"] == 72


def test_a_neurological_recovery_tells_of_a_deficit() -> None:
    text = ("A 40-year-old man with a testicular seminoma presented with acute cord compression at T8 and back pain. "
            "After decompressive laminectomy he made a full neurological recovery.")
    assert schema(text)["neuro_deficit"] is True


def test_a_lesion_deemed_inoperable_had_no_surgery() -> None:
    text = ("A 71-year-old woman had follicular thyroid carcinoma invading C5-C7. Because of the extent of the invasion "
            "the mass was deemed inoperable, and she was referred for palliation.")
    assert schema(text)["surgery"] is False


def test_multiple_masses_told_by_their_places() -> None:
    text = ("A 41-year-old woman with myxoid liposarcoma had arm tingling. Imaging revealed multiple masses in her "
            "cervical spine, abdominal wall, liver and heart.")
    assert schema(text)["other_metastases"] == ["abdominal wall", "liver", "heart"]


def test_multiple_nodules_in_the_primary_organ_are_not_metastases() -> None:
    """Guard: the primary's organ is dropped."""
    text = ("A 60-year-old woman had follicular thyroid carcinoma with a T4 metastasis. Ultrasound showed multiple "
            "nodules in the thyroid.")
    assert schema(text)["other_metastases"] == []


def test_stains_suggestive_of_a_primary_name_its_organ() -> None:
    text = ("A 57-year-old woman had a T7 mass. Histology revealed a metastatic adenocarcinoma with immunostains "
            "positive for CK7 and napsin A, suggestive of lung primary.")
    assert schema(text)["primary_site"] == "lung"


def test_a_hedged_primary_yields_to_the_histology_s_own_organ() -> None:
    """Guard: hepatocellular carcinoma names the liver, whatever else was suspected."""
    text = ("A 57-year-old man had a T7 mass, suggestive of a lung primary at first. Biopsy showed hepatocellular "
            "carcinoma.")
    assert schema(text)["primary_site"] == "liver"


def test_small_cell_neuroendocrine_cancer_of_an_organ() -> None:
    text = ("A 38-year-old woman had belt-line numbness and T6 cord compression. Work-up revealed small cell "
            "neuroendocrine cervical cancer with metastases to the brain.")
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == ("small cell carcinoma", "cervix")


def test_we_present_here_a_case_of_tells_of_the_patient() -> None:
    text = ("Background\nColorectal cancer in young adults is increasing. We present here an atypical case of metastatic "
            "colorectal cancer with fever and paraplegia.\n\nCase presentation\nA 46-year-old man had an epidural mass "
            "at T11. A bone biopsy confirmed metastatic adenocarcinoma.")
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == ("adenocarcinoma", "colon")


def test_a_biopsy_of_another_bone_that_found_the_metastasis() -> None:
    text = ("A 46-year-old man had an epidural mass at T11 and osteolytic lesions. A CT-guided biopsy obtained from the "
            "left iliac bone confirmed metastatic adenocarcinoma.")
    assert schema(text)["other_metastases"] == ["bone"]


def test_a_biopsy_of_the_primary_is_no_metastatic_site() -> None:
    """Guard: a biopsy of the primary's organ that found the tumour names no metastasis."""
    text = ("A 60-year-old man had an L2 metastasis. A biopsy of the lung showed adenocarcinoma of the lung.")
    assert schema(text)["other_metastases"] == []
