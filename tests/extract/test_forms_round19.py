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
