"""Forms met in held-out set 46 (round 28), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_what_a_treatment_does_in_general_told_in_the_present_tense() -> None:
    text = ("Conventional external beam radiation is used to treat radiosensitive tumours. Instrumentation through a "
            "posterior approach stabilizes an unstable spine. We present a patient with a C5 metastasis.")
    out = schema(text)
    assert (out["radiotherapy"], out["surgery"]) == (None, None)


def test_a_plan_for_the_patient_in_the_present_tense_is_no_general_statement() -> None:  # guard
    assert schema("A 60-year-old man had a T4 metastasis. Radiotherapy is planned after the wound heals.")[
        "radiotherapy"] is True


def test_a_metastasis_named_by_its_kind_and_organ_of_origin() -> None:
    out = schema("We present a patient with a C6 vertebra follicular thyroid metastasis managed at our unit.")
    assert (out["primary_tumor"], out["primary_site"], out["other_metastases"]) == (
        "follicular thyroid carcinoma", "thyroid", [])


def test_a_dose_with_a_thousands_separator() -> None:
    text = "The 39-year-old woman's T9 metastasis was irradiated to a total dose of 3,000 cGy in 10 fractions."
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (30, 10)


def test_another_field_s_dose_is_not_the_spine_s() -> None:
    text = ("A 39-year-old woman with a T9 intramedullary metastasis had earlier received whole-brain radiotherapy with "
            "a total dose of 30 Gy in 10 fractions.")
    assert schema(text)["rt_total_dose_gy"] is None


def test_refused_adjuvant_therapy() -> None:
    text = "After excision of her sacral sarcoma the 28-year-old woman refused adjuvant therapy."
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (False, False)


def test_a_list_of_functions_impaired() -> None:
    assert schema("A 28-year-old woman had a sacral mass with bowel, bladder and gait impairment.")[
        "neuro_deficit"] is True


def test_a_sclerotic_margin_is_no_sclerotic_bone() -> None:
    assert schema("A 70-year-old man had a C2 metastasis outlined by a smooth, sclerotic margin.")["lesion_type"] is None


def test_generally_before_a_description_is_not_general() -> None:
    text = "In this man with breast cancer, one can see a lucent C2 lesion with a generally well-defined margin."
    assert schema(text)["lesion_type"] == "lytic"


def test_treatments_proposed_in_the_literature_are_general() -> None:
    text = ("Radiotherapy and posterior fixation have been proposed for these fractures. A 74-year-old man had a "
            "pathological C2 fracture.")
    out = schema(text)
    assert (out["radiotherapy"], out["surgery"]) == (None, None)


def test_a_group_s_sex_and_mean_age_are_no_patient_s() -> None:
    text = "The patients were predominantly male (58%), with a mean age of 59 years, and had cervical metastases."
    out = schema(text)
    assert (out["sex"], out["age"]) == (None, None)


def test_a_risk_named_is_no_finding() -> None:
    text = ("The 74-year-old man had no neurological deficit. Because of instability and risk for neurological "
            "impairment, his C2 fracture was fixed.")
    assert schema(text)["neuro_deficit"] is False
