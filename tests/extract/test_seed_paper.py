"""The published seed case report itself (../shared/seed), read as a clinician would paste it: an abstract that
misprints the age, a "Key words" line printed in the middle of the case, the case, a discussion of other
leiomyosarcomas (uterine, primary spinal) and a reference list. The facts must be the patient's, as the case
section tells them."""

from __future__ import annotations

import pytest

from spinemets.extract import extract_text, to_schema


@pytest.fixture(scope="module")
def facts(shared_dir) -> dict:
    text = (shared_dir / "seed" / "leiomyosarcoma-cervical-spine-case-report.md").read_text(encoding="utf-8")
    return to_schema(extract_text(text, kind="markdown"))


def test_the_patient_is_the_one_the_case_section_tells(facts: dict) -> None:
    assert (facts["age"], facts["sex"]) == (45, "male")  # the abstract says 42; the case section, 45


def test_the_primary_is_the_thigh_not_the_uterine_or_spinal_cases_of_the_discussion(facts: dict) -> None:
    assert (facts["primary_tumor"], facts["primary_site"]) == ("leiomyosarcoma", "thigh")


def test_the_stains_after_a_key_words_line_are_read(facts: dict) -> None:
    assert sorted(facts["ihc_positive"]) == ["SMA", "desmin"]
    assert sorted(facts["ihc_negative"]) == ["CD34", "CD56", "S100"]


def test_the_spine(facts: dict) -> None:
    assert facts["spinal_levels"] == ["C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2"]
    assert facts["fracture_levels"] == ["C6"]
    assert facts["cord_compression"] is True


def test_windows_line_ends_read_the_same(shared_dir, facts: dict) -> None:
    # A web form sends its text with CR LF line ends: headers and paragraphs must be found all the same.
    text = (shared_dir / "seed" / "leiomyosarcoma-cervical-spine-case-report.md").read_text(encoding="utf-8")
    assert to_schema(extract_text(text.replace("\n", "\r\n"))) == to_schema(extract_text(text))
