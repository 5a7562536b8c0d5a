"""Forms met in held-out sets 38-40 (round 22), each written here in our own words: one behaviour per test. Each
failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_the_end_of_an_age_range_is_no_age() -> None:
    text = ("These tumours occur in patients from 13 to 78 years of age. We present a 25-year-old woman with a T5 "
            "chondrosarcoma.")
    assert schema(text)["age"] == 25


def test_a_teaching_file_header_of_age_and_sex() -> None:
    out = schema("Title : Case 12\nAge / Sex : 67 / F\nDiagnosis: compression fracture of C4 from a metastasis")
    assert (out["age"], out["sex"]) == (67, "female")


def test_where_a_tumour_type_spreads_in_the_present_tense_is_general() -> None:
    text = ("Commonly it metastasizes to liver and peritoneum. A 59-year-old woman had sclerotic metastases of the "
            "whole spine.")
    assert schema(text)["other_metastases"] == []


def test_chemoradiotherapy_is_both() -> None:
    out = schema("The 30-year-old woman's T3 Ewing sarcoma was treated with radio-chemotherapy after debulking.")
    assert (out["radiotherapy"], out["chemotherapy"]) == (True, True)


def test_a_concurrent_combined_course_is_the_primary_s() -> None:  # guard of the primary-course rule
    text = ("A 60-year-old man presented with a shadow on a chest film and was found to have small cell lung cancer. "
            "He received concurrent chemoradiotherapy. He developed paraparesis from a T11 metastasis.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (None, None)


def test_what_is_excepted_from_a_negation_is_there() -> None:
    text = "CT of the 60-year-old man with an L2 deposit revealed no lesion except diffuse osteosclerotic ribs."
    assert schema(text)["lesion_type"] == "blastic"


def test_scc_without_squamous_anywhere_is_cord_compression() -> None:
    text = ("A 46-year-old woman had metastatic spinal cord compression at T12. Conus syndrome is seen in most "
            "patients with SCC from a known cancer.")
    assert schema(text)["primary_tumor"] is None


def test_scc_in_a_text_that_writes_squamous_is_the_carcinoma() -> None:  # guard
    text = "A 66-year-old man with squamous cell lung cancer had a T9 metastasis. The SCC was poorly differentiated."
    assert schema(text)["primary_tumor"] == "squamous cell carcinoma"


def test_the_clinical_shorthand_ca_before_an_organ() -> None:
    out = schema("A 70-year-old man, a known case of Ca prostate, had back pain from an L3 lesion.")
    assert (out["primary_tumor"], out["primary_site"]) == ("carcinoma", "prostate")


def test_an_organ_right_after_the_histology() -> None:
    out = schema("A 55-year-old woman with carcinoma breast had a T8 metastasis.")
    assert out["primary_site"] == "breast"


def test_serum_calcium_is_no_carcinoma() -> None:  # guard
    assert schema("Serum Ca 2.4 mmol/L in a 60-year-old man with an L2 lesion.")["primary_tumor"] is None


def test_an_organ_with_metastases_after_the_histology_is_no_primary() -> None:  # guard
    out = schema("The 60-year-old man's CT showed adenocarcinoma liver metastases and an L1 lesion.")
    assert out["primary_site"] is None and out["other_metastases"] == ["liver"]


def test_the_shorthand_names_its_organ_in_a_sentence_with_no_other_tumour_word() -> None:
    assert schema("Patient: 59 years, female\nKnown case of Ca breast. MRI showed a T9 deposit.")["primary_site"] == \
        "breast"
