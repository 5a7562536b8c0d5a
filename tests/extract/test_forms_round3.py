"""Forms met at first sight in the fourteenth unseen set (round 3), each in a sentence of our own."""

from __future__ import annotations

import pytest

from spinemets.extract import extract_text, to_schema


def schema(text: str) -> dict:
    return to_schema(extract_text(text))


# --- levels ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, levels", [
    ("MRI showed an epidural tumour compressing the cord at TH 8.", ["T8"]),
    ("MRI showed an epidural tumour compressing the cord at Th 11 and L1.", ["T11", "L1"]),
])
def test_th_with_a_space_and_in_capitals(text: str, levels: list[str]) -> None:
    assert schema(text)["spinal_levels"] == levels


@pytest.mark.parametrize("text", [
    "Sagittal T1- and T2-weighted images showed a lytic lesion of L3.",
    "Axial T1 and T2 weighted sequences showed a lytic lesion of L3.",
])
def test_paired_sequences_are_not_levels(text: str) -> None:
    assert schema(text)["spinal_levels"] == ["L3"]


# --- histology and site ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, histology, site", [
    ("A 70-year-old man with squamous cell lung cancer had a T5 metastasis.", "squamous cell carcinoma", "lung"),
    ("He had a squamous cell oesophageal carcinoma and a metastasis at C4.", "squamous cell carcinoma", "esophagus"),
])
def test_squamous_cell_with_the_organ_inside_the_name(text: str, histology: str, site: str) -> None:
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == (histology, site)


def test_small_cell_carcinoma_without_an_organ_is_pulmonary() -> None:
    out = schema("A 66-year-old woman had a T9 epidural mass; resection showed metastatic SCLC.")
    assert (out["primary_tumor"], out["primary_site"]) == ("small cell carcinoma", "lung")


def test_small_cell_carcinoma_of_another_organ_keeps_that_organ() -> None:
    out = schema("A 66-year-old woman had a T9 mass from a small cell carcinoma of the bladder.")
    assert out["primary_site"] == "bladder"


# --- neurology and compression ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Two weeks after the diagnosis he developed diplegia from a C3 metastasis.",
    "She was non-ambulatory on arrival because of a T10 metastasis.",
    "He came in after two days of non-ambulation; MRI showed a T10 metastasis.",
])
def test_deficit_words(text: str) -> None:
    assert schema(text)["neuro_deficit"] is True


@pytest.mark.parametrize("text, expected", [
    ("The C4 tumour exerted a mass effect on the spinal cord.", True),
    ("The L4 lesion had a mass effect posteriorly on the cauda equina.", True),
    ("The C3 mass had a mass effect anteriorly on the oesophagus and posteriorly on the cord.", True),
    ("The T4 lesion had no mass effect on the spinal cord.", False),
    ("The T4 lesion caused a mass effect on the adjacent psoas muscle.", None),
])
def test_mass_effect_on_the_cord_is_compression(text: str, expected: bool | None) -> None:
    assert schema(text)["cord_compression"] is expected


# --- follow-up -------------------------------------------------------------------------------------------
def test_death_a_number_of_months_following_the_operation() -> None:
    assert schema("After L2 corpectomy she passed away from liver failure 14 months following the "
                  "operation.")["follow_up_months"] == 14


# --- treatment -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A 58-year-old man with an L2 metastasis also had brain metastases treated with whole-brain irradiation.",
    "A 58-year-old man with an L2 metastasis received prophylactic cranial irradiation.",
])
def test_irradiation_of_another_organ_is_not_spinal_radiotherapy(text: str) -> None:
    assert schema(text)["radiotherapy"] is None


def test_treatment_set_months_ago_is_history_even_after_the_presentation_word() -> None:
    out = schema("A 70-year-old man presenting with a C3 metastasis had chemotherapy for bladder cancer four "
                 "months ago. The C3 lesion was resected.")
    assert out["chemotherapy"] is None
    assert out["surgery"] is True


def test_months_after_irradiation_before_the_presentation_is_history() -> None:
    out = schema("A 70-year-old man had lung cancer. Five months after irradiation he was admitted with leg "
                 "weakness from a T10 metastasis, which was decompressed.")
    assert out["radiotherapy"] is None
    assert out["surgery"] is True


# --- case series: the index patient is the first one introduced -------------------------------------------
def test_a_second_patient_is_not_the_index_patient() -> None:
    out = schema("We report two cases. A 52-year-old woman with myeloma had a C7 epidural mass and received "
                 "chemotherapy. A 61-year-old man with myeloma had an L1 mass and underwent laminectomy. "
                 "Both patients are alive.")
    assert out["age"] == 52 and out["sex"] == "female"
    assert out["spinal_levels"] == ["C7"]
    assert out["surgery"] is None
    assert out["chemotherapy"] is True


def test_case_two_heading_starts_another_patient() -> None:
    out = schema("Case 1\nA 52-year-old woman had a C7 metastasis from breast cancer.\nCase 2\nA 61-year-old man "
                 "had an L1 metastasis from renal cell carcinoma and underwent laminectomy.")
    assert out["spinal_levels"] == ["C7"]
    assert out["primary_site"] == "breast"
    assert out["surgery"] is None


def test_the_same_patient_told_again_is_still_the_index_patient() -> None:
    out = schema("A 52-year-old woman had a C7 metastasis. The 52-year-old patient underwent laminectomy.")
    assert out["surgery"] is True
