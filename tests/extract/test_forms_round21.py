"""Forms met in held-out sets 35-37 (round 21), each written here in our own words: one behaviour per test. Each
failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_heading_that_opens_its_sentence_switches_the_section() -> None:
    text = ("Abstract\n\nIntroduction: Cord compression is a common complication of cancer. Pain is its first "
            "symptom. Case: The management of a female patient of 73 years with neck pain and a C5 collapse is "
            "analysed.")
    out = schema(text)
    assert (out["age"], out["sex"]) == (73, "female")


def test_an_mri_sequence_with_a_trailing_dash() -> None:
    text = ("The 64-year-old man had L3 metastases. Sagittal FSE (15 echoes) T2- (no fat saturation) and FSE T1- "
            "and post-contrast images were acquired.")
    assert schema(text)["spinal_levels"] == ["L3"]


def test_the_extent_of_a_cord_signal_change_is_no_tumour_level() -> None:
    text = ("MRI of the 60-year-old woman showed an intramedullary T12 lesion. High signal of the spinal cord is "
            "seen extending from the level of T6 down to the conus.")
    assert schema(text)["spinal_levels"] == ["T12"]


def test_a_whole_region_needs_a_tumour_s_involvement() -> None:
    text = ("The 65-year-old woman had gross osteoporosis about the entire cervical spine. There has been "
            "pathological collapse of C5 from myeloma.")
    assert schema(text)["spinal_levels"] == ["C5"]


def test_a_whole_region_involved_is_every_level() -> None:  # guard
    text = "The 65-year-old woman had myeloma deposits throughout the entire cervical spine."
    assert len(schema(text)["spinal_levels"]) == 7


def test_a_contracted_negation() -> None:
    text = ("A 50-year-old man had an L5 melanoma metastasis resected. However, the patient didn't receive any "
            "chemotherapy or radiotherapy.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (False, False)
