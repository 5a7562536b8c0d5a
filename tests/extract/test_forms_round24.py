"""Forms from the errors still left on held-out sets 26-40 (round 24), each written here in our own words: one
behaviour per test. Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_advice_in_the_present_tense_is_general() -> None:
    text = ("A 70-year-old man had cord compression at T8 from prostate cancer. Early radiation oncology consultation "
            "is crucial in such cases.")
    assert schema(text)["radiotherapy"] is None


def test_a_series_average_survival_is_general() -> None:
    text = ("A 69-year-old man had an intramedullary T12 metastasis of renal cell carcinoma and was operated on. The "
            "median survival was 4 months with irradiation alone.")
    assert schema(text)["radiotherapy"] is None


def test_radiotherapy_to_the_neck_is_another_field() -> None:
    text = ("A 35-year-old woman with medullary thyroid carcinoma underwent thyroidectomy and radiation therapy to "
            "the neck. Years later a sclerotic T10 metastasis was found.")
    assert schema(text)["radiotherapy"] is None


def test_treatment_of_the_primary_years_before_the_metastasis_arose() -> None:
    text = ("We report a 49-year-old woman with a spinal metastasis occurring 12 years after resection and "
            "radiotherapy of an ovarian tumour. MRI showed a T7 lesion.")
    out = schema(text)
    assert (out["surgery"], out["radiotherapy"]) == (None, None)


def test_free_of_disease_years_after_the_spinal_treatment_is_no_history() -> None:  # guard
    text = ("A 60-year-old woman with endometrial cancer had an L5 metastasis. She remains free of metastatic disease "
            "3 years following vertebrectomy and radiation therapy.")
    out = schema(text)
    assert (out["surgery"], out["radiotherapy"]) == (True, True)


def test_radiosurgeries_in_the_plural() -> None:
    text = "The 45-year-old man's L2 metastasis of a haemangiopericytoma was managed by repeated radiosurgeries."
    assert schema(text)["radiotherapy"] is True
