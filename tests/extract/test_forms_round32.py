"""Forms met in held-out sets 49-52 (round 32), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_urothelial_cancer_is_urothelial_carcinoma() -> None:
    out = schema("A 50-year-old man with a history of urothelial cancer presented with L5 radicular pain.")
    assert out["primary_tumor"] == "urothelial carcinoma"


def test_diagnostic_criteria_are_general() -> None:
    text = ("Small cell carcinoma of the urinary bladder is rare. Its diagnosis is based on the WHO criteria for small "
            "cell lung carcinoma. A 58-year-old man with small cell carcinoma of the urinary bladder had an L1 "
            "collapse.")
    assert schema(text)["primary_site"] == "bladder"


def test_levels_bounding_a_posterior_instrumented_fusion() -> None:
    text = ("A 55-year-old man had pathological fractures at T10-T12 from hepatocellular carcinoma. He received T8-L2 "
            "posterior instrumented fusion.")
    assert schema(text)["spinal_levels"] == ["T10", "T11", "T12"]


def test_a_slashed_pair_before_a_corpectomy_names_two_vertebrae() -> None:
    text = ("A 70-year-old man had follicular thyroid carcinoma compressing the cord. We performed a C6/7 partial "
            "corpectomy.")
    assert schema(text)["spinal_levels"] == ["C6", "C7"]


def test_a_slashed_pair_alone_is_a_disc_space() -> None:
    """Guard: a disc space is no vertebra."""
    text = "A 70-year-old man had a T9 metastasis of thyroid carcinoma and a C6/7 disc bulge."
    assert schema(text)["spinal_levels"] == ["T9"]


def test_a_dose_with_total_before_its_fractions() -> None:
    text = ("A 70-year-old man had a C6 metastasis and stereotactic radiotherapy to the tumor bed (2700 cGy total, 3 "
            "fractions).")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (27.0, 3)


def test_compressed_the_cervical_spinal_cord() -> None:
    text = "A 33-year-old man had a clear cell sarcoma at C1 that compressed the cervical spinal cord."
    assert schema(text)["cord_compression"] is True
