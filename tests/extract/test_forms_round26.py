"""Forms met in held-out set 45 (round 26), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_receptor_status_written_with_signs_and_a_slash() -> None:
    text = "A 58-year-old woman with stage IV HR+/HER2- breast cancer had metastases in the thoracic vertebrae."
    assert schema(text)["ihc_negative"] == ["HER2"]


def test_newer_targeted_agents_are_systemic_therapy() -> None:
    for agent in ("lorlatinib", "brigatinib", "icotinib", "dabrafenib", "olaparib"):
        text = f"The 48-year-old man with leptomeningeal spread along the spine was started on {agent}."
        assert schema(text)["chemotherapy"] is True, agent


def test_gamma_knife_treats_the_head() -> None:
    text = "A 48-year-old man with cerebral metastases had gamma knife radiosurgery. He then developed T10 paraparesis."
    assert schema(text)["radiotherapy"] is None


def test_body_gamma_knife_is_body_radiotherapy() -> None:  # guard
    assert schema("The 36-year-old man's T1 sarcoma was treated with body gamma knife.")["radiotherapy"] is True


def test_a_history_managed_successfully_in_the_pluperfect() -> None:
    text = ("A 48-year-old man presented with weakness from spinal leptomeningeal metastases. His brain metastases "
            "had been successfully managed via whole brain radiation therapy and radiosurgery.")
    assert schema(text)["radiotherapy"] is None


def test_a_state_held_since_a_time_told_as_ago() -> None:
    text = ("A 74-year-old man with HCC metastatic to the vertebrae has shown no signs of progression since starting "
            "sorafenib almost four years ago.")
    assert schema(text)["follow_up_months"] == 48


def test_a_cytoreductive_nephrectomy_is_no_spinal_operation() -> None:
    text = "A 57-year-old woman with renal cell carcinoma and a T12 metastasis had a cytoreductive nephrectomy."
    assert schema(text)["surgery"] is None


def test_a_debulking_laminectomy_is_one() -> None:  # guard
    assert schema("The 57-year-old woman's T12 metastasis was removed by a debulking laminectomy.")["surgery"] is True


def test_an_operation_the_presentation_came_just_after() -> None:
    text = ("A 57-year-old woman had renal cell carcinoma; however, after surgery, the patient developed paraparesis "
            "from a T12 lesion and received radiotherapy.")
    assert schema(text)["surgery"] is None
