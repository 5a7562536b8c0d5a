"""Forms met in two fresh held-out sets of real case reports (round 7, sets D and E), each written here in our
own words: one behaviour per test. Each failed before the rule that reads it, or guards a new rule against
reaching too far."""

from __future__ import annotations

import pytest

from tests.extract._forms import schema


def test_region_word_then_numbers() -> None:
    text = "MRI showed destruction of thoracic vertebra 7, 8 and of lumbar vertebrae 2-3 by the myeloma."
    assert schema(text)["spinal_levels"] == ["T7", "T8", "L2", "L3"]


def test_region_word_then_a_duration_is_not_a_level() -> None:
    text = "A deposit was seen at L4; the thoracic level 3 months later was clear."
    assert schema(text)["spinal_levels"] == ["L4"]


def test_a_crushed_vertebra_is_a_fracture() -> None:
    out = schema("CT showed a crushed second lumbar vertebra from the lymphoma.")
    assert out["fracture_levels"] == ["L2"]


def test_cord_oedema_reaching_other_levels_does_not_make_them_tumour_levels() -> None:
    text = "MRI showed the T2 metastasis with cord oedema extending up to C5-C6."
    assert schema(text)["spinal_levels"] == ["T2"]


@pytest.mark.parametrize(("text", "total", "fractions"), [
    ("She had SBRT to T10, 24 Gy in 8 Gy/fraction.", 24.0, 3),
    ("Radiotherapy to L1 was given in daily fractions of 2.5 Gy up to a cumulative dose of 35 Gy.", 35.0, 14),
    ("Radiotherapy to L1 was given in fractions of 2 Gy to a total dose of 40 Gy.", 40.0, 20),
])
def test_fractions_are_the_quotient_of_total_and_fraction_dose(text: str, total: float, fractions: int) -> None:
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (total, fractions)


def test_a_dose_per_fraction_alone_is_not_the_total() -> None:
    out = schema("He received radiotherapy to T8 at 3 Gy per fraction.")
    assert out["radiotherapy"] is True and out["rt_total_dose_gy"] is None


def test_the_spinal_course_wins_over_whole_brain_radiotherapy() -> None:
    text = ("He first received whole brain radiotherapy to 30 Gy in 10 fractions for cerebral deposits. "
            "Then palliative radiation (20 Gy in 5 fractions) was given for the L2 metastasis.")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (20.0, 5)


def test_a_whole_prescription_wins_over_a_point_dose_to_the_cord() -> None:
    text = ("Radiosurgery to the C4 lesion delivered 16 Gy in one fraction. "
            "The maximum dose to the spinal cord was 11.2 Gy.")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (16.0, 1)


def test_a_standard_schedule_in_general_is_not_the_patients() -> None:
    text = ("A single fraction of 8 Gy remains a standard treatment of painful bone metastases. "
            "A 60-year-old woman with breast cancer received 30 Gy in 10 fractions to T5.")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (30.0, 10)


def test_negative_expression_of_a_list_of_markers() -> None:
    out = schema("The tumour cells showed negative expression of the usual T cell markers including CD3 and CD5, "
                 "and were positive for CD30.")
    assert out["ihc_negative"] == ["CD3", "CD5"]
    assert out["ihc_positive"] == ["CD30"]


def test_a_marker_followed_by_with_and_more_words() -> None:
    out = schema("Immunohistochemistry was positive for CD138 and MUM1 with kappa light chain restriction.")
    assert out["ihc_positive"] == ["CD138", "MUM1"]


def test_hormone_receptors_reported_as_a_share_of_nuclei() -> None:
    # ASCO/CAP 2020: positive from 1% of stained nuclei
    out = schema("Core biopsy showed ductal carcinoma, ER 95%, PR 0%, with 20% Ki-67 labelling index.")
    assert sorted(out["ihc_positive"]) == ["ER", "Ki-67"]
    assert out["ihc_negative"] == ["PR"]


@pytest.mark.parametrize("text", [
    "Her poor general condition precluded chemotherapy after the L3 fixation.",
    "He did not want to receive chemotherapy after the L3 fixation.",
])
def test_treatment_precluded_or_not_wanted_is_not_given(text: str) -> None:
    assert schema(text)["chemotherapy"] is False


@pytest.mark.parametrize(("text", "organs"), [
    ("A 30-year-old man with synovial sarcoma disseminated to the lungs and liver had a T10 metastasis.",
     ["liver", "lung"]),
    ("CT showed bone destruction in the right iliac bone and at L3 from the lymphoma.", ["bone"]),
])
def test_organs_reached_by_dissemination_or_bone_destruction(text: str, organs: list[str]) -> None:
    assert sorted(schema(text)["other_metastases"]) == organs


@pytest.mark.parametrize(("text", "site"), [
    ("A woman had a spinal metastasis at L2 from an adrenocortical carcinoma.", "adrenal"),
    ("A man with a cholangiocarcinoma had an intramedullary metastasis at C4.", "bile duct"),
    ("He had a T7 deposit of a Merkel cell carcinoma.", "skin"),
    ("He had been treated for squamous cell carcinoma of the buccal mucosa; MRI showed an L5 lesion.",
     "buccal mucosa"),
])
def test_sites_named_by_their_organ_word_or_by_the_histology(text: str, site: str) -> None:
    assert schema(text)["primary_site"] == site


def test_merkel_cell_carcinoma_is_neuroendocrine() -> None:
    assert schema("He had a T7 deposit of a Merkel cell carcinoma.")["primary_tumor"] == "neuroendocrine tumor"


def test_nodules_of_another_organ_do_not_outrank_the_organ_the_histology_names() -> None:
    text = "A man with hepatocellular carcinoma had a T4 metastasis; CT showed bilateral adrenal nodules."
    assert schema(text)["primary_site"] == "liver"


def test_thecal_sac_compression() -> None:
    assert schema("MRI showed T2 and T3 metastases with thecal sac compression.")["cord_compression"] is True


def test_anti_pd1_therapy_is_systemic_therapy() -> None:
    text = "After cement augmentation of L1 she received adjuvant programmed cell death 1 (PD-1) therapy."
    assert schema(text)["chemotherapy"] is True


def test_neurologic_abnormalities_are_a_deficit() -> None:
    text = "A woman presented with chest pain and neurologic abnormalities in the legs from a T12 mass."
    assert schema(text)["neuro_deficit"] is True


def test_a_presentation_after_treatment_makes_that_treatment_history() -> None:
    text = "A woman with sarcoma presented with leg weakness after radiation and chemotherapy; MRI showed a T3 mass."
    out = schema(text)
    assert out["radiotherapy"] is None and out["chemotherapy"] is None


def test_treatment_dated_before_the_dated_presentation_is_history() -> None:
    text = ("A 60-year-old woman presented with back pain in June 2017. MRI showed an L3 metastasis. "
            "She was diagnosed with breast cancer in 2012 and received chemotherapy until May 2013.")
    assert schema(text)["chemotherapy"] is None


def test_treatment_dated_after_the_presentation_is_current() -> None:
    text = ("A 60-year-old woman presented with back pain in June 2017. MRI showed an L3 metastasis. "
            "In July 2017 she received chemotherapy.")
    assert schema(text)["chemotherapy"] is True


def test_a_conclusion_sentence_about_this_patient_is_read() -> None:
    text = ("Case presentation\nA 62-year-old man presented with shoulder pain from a C4 metastasis.\n\n"
            "Conclusion\nThis patient was treated with radiotherapy and chemotherapy.")
    out = schema(text)
    assert out["radiotherapy"] is True and out["chemotherapy"] is True


@pytest.mark.parametrize("text", [
    "MRI revealed a solitary hypointense T2 lesion on the lamina of S1.",
    "MRI revealed a hypointense T1 and T2 lesion on the lamina of S1.",
])
def test_a_signal_word_makes_t1_t2_a_sequence_before_a_lesion_word(text: str) -> None:
    assert schema(text)["spinal_levels"] == ["S1"]


def test_levels_bounding_a_cage_are_not_tumour_levels() -> None:
    text = "He underwent L2 corpectomy and L1-L3 expandable cage insertion for the metastasis."
    assert schema(text)["spinal_levels"] == ["L2"]


def test_negative_for_a_marker_followed_by_how_it_was_tested() -> None:
    out = schema("The cells were positive for PAX8, but negative for thyroglobulin on immunohistochemical testing.")
    assert out["ihc_negative"] == ["thyroglobulin"]


def test_positive_marker_staining() -> None:
    assert schema("Immunohistochemistry demonstrated positive TFE3 staining.")["ihc_positive"] == ["TFE3"]


def test_what_has_been_shown_in_general_is_not_the_patients() -> None:
    text = ("Treatment with chemotherapy has been shown to give little benefit in this tumour. "
            "A man presented with an L2 metastasis and underwent decompression.")
    assert schema(text)["chemotherapy"] is None
