"""Forms met in held-out set 20 (round 13), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_treatment_advised_against_is_not_given() -> None:
    text = "A 60-year-old man had a C2 metastasis. Further radiation to the area was not recommended."
    assert schema(text)["radiotherapy"] is not True


def test_options_exhausted_before_are_history() -> None:
    text = "A 60-year-old man had a C3 metastasis. His chemotherapy options had been exhausted."
    assert schema(text)["chemotherapy"] is not True


def test_the_options_in_general_are_no_treatment_of_the_patient() -> None:
    for text in ("A 68-year-old man had an L2 metastasis. Treatment can include surgery, chemotherapy and radiation.",
                 "A 66-year-old woman had a conus metastasis. In general, chemotherapy and radiotherapy are applied.",
                 "A 40-year-old woman had a T1 lesion. Recurrence is frequent despite surgery and radiotherapy and/or "
                 "chemotherapy."):
        out = schema(text)
        assert (out["radiotherapy"], out["chemotherapy"]) == (None, None), text


def test_what_a_tumour_type_does_at_times_is_general() -> None:
    text = ("A 29-year-old woman had a T1 metastasis. These tumours occasionally metastasize to the lungs, brain and "
            "bone in decreasing order of frequency.")
    assert schema(text)["other_metastases"] == []


def test_compressive_symptoms() -> None:
    assert schema("MRI showed a T1 lesion with neurologic compressive symptoms.")["cord_compression"] is True


def test_the_follow_up_of_the_primary_that_found_the_spinal_lesion_is_no_follow_up() -> None:
    text = ("She had a lacrimal gland tumour excised. After five years of follow-up, spine MRI showed a single lesion "
            "in T1, which was removed.")
    assert schema(text)["follow_up_months"] is None


def test_a_time_point_after_radiosurgery_opening_a_clause() -> None:
    text = "The C5 metastasis was treated. Three years following spinal stereotactic radiosurgery, she remains well."
    assert schema(text)["follow_up_months"] == 36


def test_a_postoperative_scan_months_later() -> None:
    text = "The L2 metastasis was resected. The postoperative MRI 6 months later showed tumour growth."
    assert schema(text)["follow_up_months"] == 6


def test_a_meningioma_began_in_the_head() -> None:
    out = schema("After several resections of an atypical meningioma she had a C5 metastasis.")
    assert (out["primary_tumor"], out["primary_site"]) == ("meningioma", "brain")


def test_a_time_point_that_opens_the_complaint_is_no_follow_up() -> None:  # guard
    text = "Thirty-six months after the initial brain surgery, he suffered from neck pain from a C4 metastasis."
    assert schema(text)["follow_up_months"] is None


def test_a_mixed_number_of_years() -> None:
    text = "After an L5 vertebrectomy she walks and is free of disease, 2 1/2 years following vertebrectomy, radiation and hormones."
    assert schema(text)["follow_up_months"] == 30
