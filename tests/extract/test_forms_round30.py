"""Forms met in held-out set 48 (round 30), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_basal_cell_carcinoma_is_the_skin_s() -> None:
    out = schema("A 69-year-old woman with an extensive basal cell carcinoma had metastases in the thoracic spine.")
    assert (out["primary_tumor"], out["primary_site"]) == ("basal cell carcinoma", "skin")


def test_its_old_names() -> None:
    text = "A 55-year-old man with a neglected ulcus terebrans of the skin had cord compression at T7."
    assert schema(text)["primary_tumor"] == "basal cell carcinoma"


def test_extramammary_paget_disease_is_an_adenocarcinoma_of_the_skin() -> None:
    out = schema("A 57-year-old man with extramammary Paget's disease had a T8 pathological fracture.")
    assert (out["primary_tumor"], out["primary_site"]) == ("extramammary paget disease", "skin")


def test_antiandrogen_therapy_is_hormonal_therapy() -> None:
    text = "An elderly man with sclerotic lumbar metastases of prostate cancer responded to antiandrogen therapy."
    assert schema(text)["chemotherapy"] is True
