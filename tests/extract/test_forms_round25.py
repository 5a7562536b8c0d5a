"""Forms met in held-out set 42 (round 25), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_keywords_line_is_no_fact_even_without_a_case_section() -> None:
    text = ("Abstract\nA 40-year-old man had a C5 sarcoma resected.\n\nKey Words: Sarcoma, Cervical spine, "
            "Chemotherapy\n\nIntroduction\nSarcomas are rare.")
    assert schema(text)["chemotherapy"] is None


def test_radiochemical_management_is_both() -> None:
    out = schema("The 40-year-old man's C5 sarcoma was resected, with adjuvant radiochemical management.")
    assert (out["radiotherapy"], out["chemotherapy"]) == (True, True)


def test_bone_unnamed_among_other_organs_is_bone() -> None:
    text = "A 55-year-old man with a T6 metastasis had CT showing multiple metastases to the bones, liver, and lungs."
    assert schema(text)["other_metastases"] == ["liver", "lung", "bone"]


def test_bone_unnamed_alone_is_the_spine() -> None:  # guard of the listed-bone rule
    assert schema("A 55-year-old man had bone metastases at T6 and T8.")["other_metastases"] == []


def test_the_options_a_treatment_includes_are_general() -> None:
    text = ("Treatments for cancer pain include analgesics, radiation therapy and chemotherapy. A 58-year-old man "
            "with colon cancer had T12 and L1 metastases treated with oxycodone.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (None, None)


def test_no_recurrence_found_years_after_in_the_perfect() -> None:
    text = ("A 47-year-old man had a T8 intramedullary metastasis resected. Imaging has not found evidence of "
            "recurrence 4 years after the resection.")
    assert schema(text)["follow_up_months"] == 48


def test_radiotherapy_to_the_spine_before_this_presentation_is_the_spine_s() -> None:
    text = ("A 58-year-old man with colon cancer presented with flank pain 2 months after receiving palliative "
            "radiation therapy to the spine. MRI showed T12 and L1 metastases.")
    assert schema(text)["radiotherapy"] is True


def test_treatment_aimed_at_another_organ_s_metastases() -> None:
    text = ("A 65-year-old man developed epidural metastases at T9 despite treating the abdominal metastases with "
            "surgical dissection and external radiotherapy.")
    out = schema(text)
    assert (out["surgery"], out["radiotherapy"]) == (None, None)


def test_a_psoas_metastasis_is_muscle() -> None:
    text = "In the 45-year-old man, renal cell carcinoma had metastasised to his left psoas muscle and compressed L2."
    assert schema(text)["other_metastases"] == ["muscle"]
