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


def test_bone_lesions_that_compromise_a_named_bone() -> None:
    text = "A 52-year-old woman had a sacral mass. Further bone lesions affected the right humerus."
    assert schema(text)["other_metastases"] == ["bone"]


def test_an_organ_after_a_description_set_off_by_commas() -> None:
    text = "Diagnosis: collapse of C5 in a 70-year-old woman from adenocarcinoma with signet ring cells, from stomach."
    assert schema(text)["primary_site"] == "stomach"


def test_survival_limited_to_a_time() -> None:
    text = ("An 80-year-old man had an intramedullary T2 metastasis removed. His survival was limited to about 7 "
            "months after surgery.")
    assert schema(text)["follow_up_months"] == 7


def test_lingered_before_death() -> None:
    text = "The 66-year-old man did not recover after the T5 decompression and lingered for 3 months before he died."
    assert schema(text)["follow_up_months"] == 3


def test_followed_over_a_period_written_as_an_adjective() -> None:
    text = "A 50-year-old woman with a thyroid cancer metastasis at L1 was followed over a four-year period."
    assert schema(text)["follow_up_months"] == 48


def test_a_treatment_still_going_on_after_years() -> None:
    text = ("A 41-year-old man had ALK-positive lung adenocarcinoma with an L3 metastasis. Since then, crizotinib has "
            "been continued for more than 3 years.")
    assert schema(text)["follow_up_months"] == 36


def test_no_recurrence_found_years_after() -> None:
    text = ("A 64-year-old woman had a T3 chondrosarcoma resected. No evidence of recurrence was found 4 years after "
            "the operation.")
    assert schema(text)["follow_up_months"] == 48


def test_died_in_a_time() -> None:
    text = "A 66-year-old man with a C4 metastasis of esthesioneuroblastoma died in 9 months despite chemotherapy."
    assert schema(text)["follow_up_months"] == 9


def test_androgen_blockade_is_hormonal_therapy() -> None:
    text = "A 74-year-old man's conus metastasis of prostate adenocarcinoma was resected, followed by androgen blockade."
    assert schema(text)["chemotherapy"] is True


def test_a_mass_encasing_or_constricting_the_cord_compresses_it() -> None:
    assert schema("In the 30-year-old man, the T9 tumour extended into the epidural space encasing the spinal "
                  "cord.")["cord_compression"] is True
    assert schema("A 51-year-old woman had a T7 mass constricting the spinal cord.")["cord_compression"] is True


def test_a_mass_obstructing_the_spinal_canal_compresses_it() -> None:
    text = "MRI of the 60-year-old man showed an L5 lesion extending dorsally and obstructing the spinal canal."
    assert schema(text)["cord_compression"] is True
