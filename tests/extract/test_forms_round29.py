"""Forms met in held-out set 47 (round 29), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_the_finding_set_against_a_suspicion() -> None:
    text = ("A 59-year-old woman had an intramedullary T10 lesion. Histology revealed a metastasis from a previously "
            "undiagnosed melanoma, rather than the suspected lung cancer metastasis.")
    assert schema(text)["primary_tumor"] == "melanoma"


def test_a_diagnosis_that_overturned_the_expected_outranks_a_history() -> None:
    text = ("A 59-year-old woman with a history of treated breast cancer had a T10 lesion. Histopathology "
            "unexpectedly revealed a metastasis from a melanoma.")
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == ("melanoma", None)


def test_a_sequence_weighted_written_wt() -> None:
    text = "A 60-year-old woman had back pain.\nAxial T1 and T2 wt images: signal change of the L2 vertebral body."
    assert schema(text)["spinal_levels"] == ["L2"]


def test_metastases_in_general_as_a_bullet_s_subject() -> None:
    text = ("A 60-year-old woman had an L2 metastasis of rectal carcinoma.\n- Some metastases have a mixed pattern of "
            "osteolysis and sclerosis.\n- Other osteoblastic metastases are caused by pancreatic adenocarcinoma.")
    out = schema(text)
    assert (out["lesion_type"], out["primary_site"]) == (None, "rectum")


def test_levels_written_as_ordinals_with_a_slash() -> None:
    text = "A 51-year-old man had bone metastases in the second/fifth thoracic vertebrae and the left femur."
    out = schema(text)
    assert (out["spinal_levels"], out["other_metastases"]) == (["T2", "T5"], ["bone"])


def test_a_metastasis_with_the_spine_before_it_is_still_one() -> None:
    text = "A 61-year-old woman had a leiomyosarcoma of the twelfth thoracic spine with liver metastasis."
    assert schema(text)["other_metastases"] == ["liver"]


def test_abvd_is_chemotherapy() -> None:
    assert schema("The 54-year-old man's T8 Hodgkin lymphoma responded to ABVD after laminectomy.")[
        "chemotherapy"] is True


def test_the_disease_s_state_a_time_after_the_operation() -> None:
    text = ("A 52-year-old woman had a C6 intramedullary metastasis partly resected. The disease was uncontrolled "
            "8 months after neurosurgery.")
    assert schema(text)["follow_up_months"] == 8
