"""Forms met in held-out sets AA, AB and AC (round 17), each written here in our own words: one behaviour per
test. Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_fracture_of_a_named_level_after_a_range_of_masses() -> None:
    text = "CT of the 71-year-old man showed masses from T4 to L1 with a pathological fracture of T9."
    out = schema(text)
    assert out["fracture_levels"] == ["T9"] and len(out["spinal_levels"]) == 10


def test_a_bound_on_age_is_no_age() -> None:
    text = ("The variant occurs in patients younger than 40 years of age. A 66-year-old woman had a T7 lymphoma "
            "deposit.")
    assert schema(text)["age"] == 66


def test_a_median_age_is_no_age() -> None:
    text = "Patients have a median age of 30 at diagnosis. A 58-year-old man had an L3 deposit of lymphoma."
    assert schema(text)["age"] == 58


def test_what_most_cases_do_is_general() -> None:
    text = ("Most cases of this tumour occur in the pelvis and spread to the lung. A 47-year-old man had a T5 "
            "metastasis.")
    assert schema(text)["other_metastases"] == []


def test_treatment_after_a_diagnosis_dated_before_the_presentation() -> None:
    text = ("Neck pain had troubled this 59-year-old woman for a week. Breast cancer had been diagnosed 3 years "
            "before, and she then underwent a mastectomy followed by chemotherapy and radiotherapy. MRI showed a "
            "C6 metastasis.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (None, None)


def test_treatment_after_the_presentation_stays_current() -> None:  # guard
    text = ("Neck pain had troubled this 59-year-old woman, diagnosed with breast cancer 3 years before. MRI showed "
            "a C6 metastasis. She then received radiotherapy to the spine.")
    assert schema(text)["radiotherapy"] is True


def test_a_level_below_which_sensation_or_reflexes_change_is_no_tumour_level() -> None:
    text = ("Back pain had bothered this 62-year-old woman. On examination she had decreased sensation and hyperactive "
            "deep tendon reflexes below the T10 level. An MRI demonstrates a lesion at T7 that compresses the cord.")
    assert schema(text)["spinal_levels"] == ["T7"]


def test_every_level_of_a_list_of_nerve_roots_is_a_root() -> None:
    text = "The 70-year-old man's L5 metastasis reached the left S1, S2 and S3 nerve roots."
    assert schema(text)["spinal_levels"] == ["L5"]


def test_what_a_treatment_may_help_is_general() -> None:
    text = ("A 75-year-old man had an intradural L5 metastasis and underwent laminectomy. Surgery followed by "
            "radiation therapy may help relieve pain in such patients.")
    assert schema(text)["radiotherapy"] is None


def test_destruction_in_the_spinous_process_of_a_level() -> None:
    text = "X-rays of the 61-year-old man showed destruction in the spinous process of the fourth cervical vertebra."
    assert schema(text)["spinal_levels"] == ["C4"]


def test_tenderness_over_the_spinous_process_of_a_level_is_no_tumour_level() -> None:  # guard
    text = "The 61-year-old man had tenderness over the spinous process of C2; MRI showed a C5 metastasis."
    assert schema(text)["spinal_levels"] == ["C5"]


def test_a_medical_history_ends_at_the_next_verb_of_the_story() -> None:
    text = ("A 70-year-old man with a medical history of untreated rectal cancer and emphysema underwent emergency "
            "spine surgery for a C5 epidural metastasis.")
    assert schema(text)["surgery"] is True


def test_unnamed_bone_last_in_a_list_before_the_metastasis_word() -> None:
    text = "We describe a 60-year-old man with a pancreatic tumour with hepatic, splenic and bone metastases at T10."
    assert sorted(schema(text)["other_metastases"]) == ["liver", "spleen"]


def test_a_protein_named_by_p_and_a_number_is_a_marker() -> None:
    text = "A 56-year-old man had a C4 deposit. Immunostaining showed the tumour cells were p16+ and p63+."
    assert schema(text)["ihc_positive"] == ["p16", "p63"]
