"""Forms met in held-out sets 49-52 (round 32), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_urothelial_cancer_is_urothelial_carcinoma() -> None:
    out = schema("A 50-year-old man with a history of urothelial cancer presented with L5 radicular pain.")
    assert out["primary_tumor"] == "urothelial carcinoma"


def test_diagnostic_criteria_are_general() -> None:
    text = ("Small cell carcinoma of the urinary bladder is rare. Its diagnosis is based on the WHO criteria for small "
            "cell lung carcinoma. A 58-year-old man with small cell carcinoma of the urinary bladder had an L1 "
            "collapse.")
    assert schema(text)["primary_site"] == "bladder"
