"""Forms met in held-out sets H and I (round 9), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_case_announced_in_the_conclusions_is_read() -> None:
    text = ("Case presentation\nA 60-year-old man had neck pain.\n\nConclusions\nThe prognosis is poor. "
            "We present a case of renal cell carcinoma with cervical spine (C3–C4) metastases confirmed by MRI.")
    assert schema(text)["spinal_levels"] == ["C3", "C4"]


def test_liver_segments_are_not_sacral_levels() -> None:
    text = "CT revealed lesions in the S4 and S8 segments of the liver and a mass at the T10 vertebra."
    assert schema(text)["spinal_levels"] == ["T10"]


def test_what_a_treatment_is_done_to_avoid_is_not_there() -> None:
    out = schema("The T10 tumour was removed to avoid spinal cord compression.")
    assert out["cord_compression"] is None and out["surgery"] is True


def test_a_dose_in_gray_spelled_out() -> None:
    out = schema("He received radiation to his T7-T10 metastases (30 Gray (Gy) in 10 fractions).")
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (30.0, 10)


def test_a_primary_of_the_upper_thigh() -> None:
    out = schema("A man with a history of melanoma of the upper thigh presented with a T8 metastasis.")
    assert out["primary_site"] == "thigh"


def test_lesions_of_an_organ_yield_to_the_organ_of_the_tumour() -> None:
    text = ("CT showed lesions of the lung, liver and vertebrae, and a T8 metastasis, in a man with a history of "
            "melanoma of the left thigh.")
    assert schema(text)["primary_site"] == "thigh"


def test_the_histologys_own_organ_wins_over_an_old_cancer_of_another() -> None:
    text = "A woman with previously treated breast cancer had a T12 biopsy showing medullary thyroid carcinoma."
    assert schema(text)["primary_site"] == "thyroid"


def test_new_lesions_within_organs_are_metastases() -> None:
    text = "A PET scan of the woman with a T12 metastasis identified new lesions within the lungs and adrenal glands."
    assert sorted(schema(text)["other_metastases"]) == ["adrenal", "lung"]


def test_citation_brackets_after_a_full_stop_end_the_sentence() -> None:
    text = ("Introduction\nThyroid cancer metastasizes to the lungs in most cases.[1] [2] We report a case of thyroid "
            "carcinoma at L2.\n\nCase description\nA 48-year-old woman had back pain from an L2 lesion.")
    out = schema(text)
    assert out["spinal_levels"] == ["L2"] and out["other_metastases"] == []


def test_an_organ_list_with_sides_and_two_word_organs() -> None:
    text = ("A man with a primary tumour in his left kidney had multiple metastases to the mediastinal lymph nodes, "
            "liver, and adrenal gland; MRI showed a C2 mass.")
    assert sorted(schema(text)["other_metastases"]) == ["adrenal", "liver", "lymph node"]


def test_lymphadenopathy_of_a_patient_with_cancer() -> None:
    text = "In this man with renal cancer, CT showed an L1 metastasis and retroperitoneal lymphadenopathy."
    assert schema(text)["other_metastases"] == ["lymph node"]


def test_multiple_pulmonary_nodules_are_lung_metastases() -> None:
    text = "Staging of the woman with a T9 metastasis from thyroid cancer showed multiple solid pulmonary nodules."
    assert schema(text)["other_metastases"] == ["lung"]


def test_lesions_in_a_list_of_organs_and_the_spine() -> None:
    text = ("A man with melanoma of the thigh presented with new metastatic disease: imaging found lesions of the "
            "lung, liver, vertebrae and brain, and a T8 mass.")
    assert sorted(schema(text)["other_metastases"]) == ["brain", "liver", "lung"]


def test_the_axial_and_appendicular_skeleton() -> None:
    text = "PET showed diffuse metastatic disease in the axial and appendicular skeleton of the man with an L2 mass."
    assert schema(text)["other_metastases"] == ["bone"]


def test_a_lytic_bone_lesion_of_the_cranial_bone() -> None:
    assert schema("He had an L4 fracture and a bone lytic lesion on the cranial bone.")["other_metastases"] == ["bone"]


def test_an_ordinal_range_with_the() -> None:
    out = schema("MRI revealed a lytic lesion extending from the 5th to the 7th cervical vertebral bodies.")
    assert out["spinal_levels"] == ["C5", "C6", "C7"]


def test_an_end_plate_written_in_two_words_is_no_plate() -> None:
    out = schema("Radiographs showed destruction of the pedicle of T11 and of the inferior end plate of T10.")
    assert out["spinal_levels"] == ["T10", "T11"]


def test_hodgkins_disease_is_a_lymphoma() -> None:
    assert schema("A node biopsy showed Hodgkin's disease; the T11 vertebra was sclerotic.")["primary_tumor"] == "lymphoma"


def test_a_thymoma_keeps_its_name_and_its_organ() -> None:
    out = schema("She had a delayed metastasis of a type B2 thymoma to L5.")
    assert (out["primary_tumor"], out["primary_site"]) == ("thymoma", "thymus")


def test_a_lacrimal_gland_primary() -> None:
    text = "A woman with adenoid cystic carcinoma of the lacrimal gland had a T10 collapse."
    assert schema(text)["primary_site"] == "lacrimal gland"


def test_superscript_citation_numbers_end_a_line_of_background() -> None:
    text = ("1. INTRODUCTION\nBone metastases are more frequent in lung cancers.1 They are rarer in others.6, 9\n"
            "In this study, we describe a case of bone metastasis.\n2. CASE PRESENTATION\n"
            "A 64-year-old man had a T11 fracture from a pancreatic adenocarcinoma.")
    assert schema(text)["primary_site"] == "pancreas"
