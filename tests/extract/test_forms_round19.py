"""Forms met in held-out sets 32-34 (round 19), each written here in our own words: one behaviour per test. Each
failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_the_likely_causes_weighed_are_no_diagnosis() -> None:
    text = ("A 60-year-old man had back pain from a dense T6 vertebra. The most likely causes for this appearance are "
            "metastatic prostate cancer and lymphoma.")
    assert schema(text)["primary_tumor"] is None


def test_the_items_of_a_differential_list_are_no_diagnosis() -> None:
    text = ("A 52-year-old man had back pain from an L2 lesion.\n\nDifferential diagnosis of a solitary lytic "
            "vertebral lesion in adults:\n\n  • renal cell carcinoma\n  • myeloma\n  • thyroid carcinoma\n")
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == (None, None)


def test_a_list_the_patient_s_own_findings_open_stays_his() -> None:  # guard
    text = ("A 52-year-old man had an L2 lesion. The biopsy showed:\n\n  • renal cell carcinoma\n  • clear cells\n")
    assert schema(text)["primary_tumor"] == "renal cell carcinoma"


def test_a_vertebra_made_dense_is_blastic() -> None:
    assert schema("X-rays of the 57-year-old man showed sclerosis of the T5 vertebral body.")["lesion_type"] == "blastic"
    assert schema("The 57-year-old man's radiograph showed an ivory vertebra at L2.")["lesion_type"] == "blastic"


def test_a_run_of_vertebrae_counted_from_one_end_of_a_region() -> None:
    assert schema("In this 64-year-old man the lower six thoracic vertebrae were infiltrated by myeloma.")[
        "spinal_levels"] == ["T7", "T8", "T9", "T10", "T11", "T12"]
    assert schema("In this 64-year-old man the first two lumbar vertebrae held metastases.")["spinal_levels"] == \
        ["L1", "L2"]


def test_myelomatosis_is_multiple_myeloma() -> None:
    assert schema("A 64-year-old man had myelomatosis of the T9 vertebra.")["primary_tumor"] == "multiple myeloma"


def test_an_age_header_with_the_age_first() -> None:
    assert schema("Patient: 59 years, female\n\nClinical History\nBone metastases at T10.")["age"] == 59
    assert schema("Patient:\n59 years, female\n\nClinical History\nBone metastases at T10.")["age"] == 59


def test_rare_tumours_named_whole() -> None:
    assert schema("A 33-year-old man with a sclerosing epithelioid fibrosarcoma had a T11 mass.")["primary_tumor"] \
        == "sclerosing epithelioid fibrosarcoma"
    assert schema("A 52-year-old man had a T4 metastasis of a Leydig cell tumour.")["primary_tumor"] == \
        "leydig cell tumor"


def test_the_title_s_histology_before_the_background_s_lists() -> None:
    text = ("Source: Spinal metastasis from a Leydig cell tumour: a case report\n\nBackground\nTumours that spread to "
            "the spine "
            "are breast carcinoma, prostatic adenocarcinoma and renal cell carcinoma.\n\nCase presentation\nA 52-year-"
            "old man had pain from a T4 lesion; it was resected.")
    assert schema(text)["primary_tumor"] == "leydig cell tumor"


def test_the_title_s_vague_name_refined_by_the_text() -> None:  # guard of the title's refinement
    text = ("Source: Metastatic prostate cancer with an L1 fracture (a case report)\n\nCase report\nA 72-year-old man "
            "had an L1 fracture.\n\n"
            "Discussion\nThese tumours are usually prostatic adenocarcinomas.")
    assert schema(text)["primary_tumor"] == "adenocarcinoma"
