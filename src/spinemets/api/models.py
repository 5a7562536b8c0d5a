"""Request bodies. A case is the case model itself, so the OpenAPI page documents every field, schemathesis
generates real cases, and a problem reads as on the command line (field, value, allowed)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..case import Case

# A clinical note is a few pages; 100,000 characters leaves room for a long discharge summary.
MAX_NOTE_CHARS = 100_000

CASE_DOC = "a case as in `spinemets schema` (the same fields as a YAML case file)"
NOTE_DOC = "a clinical note or case report as plain text"


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NoteOrCase(Body):
    text: str | None = Field(None, min_length=1, max_length=MAX_NOTE_CHARS, description=NOTE_DOC)
    case: Case | None = Field(None, description=CASE_DOC)

    @model_validator(mode="after")
    def _one_input(self) -> "NoteOrCase":
        if (self.text is None) == (self.case is None):
            raise ValueError("give exactly one of 'text' (a note) or 'case' (a structured case)")
        return self


class AnalyzeRequest(NoteOrCase):
    name: str | None = Field(None, max_length=200, description="a label for a note (shown in the analysis)")


class TextRequest(Body):
    text: str = Field(min_length=1, max_length=MAX_NOTE_CHARS, description=NOTE_DOC)
    name: str | None = Field(None, max_length=200)


class StoreCaseRequest(NoteOrCase):
    """A note is kept with the case it gave, so the page can show where each fact came from."""

    title: str | None = Field(None, max_length=300, description="defaults to the case's own title")


class UpdateCaseRequest(Body):
    case: Case = Field(description=CASE_DOC)
    title: str | None = Field(None, max_length=300)


class IhcRequest(Body):
    positive: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=60,
                                                                 examples=[["desmin", "SMA"]])
    negative: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=60,
                                                                 examples=[["S100", "CD34"]])
    focal: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=60)
    morphology: str | None = Field(None, max_length=500, examples=["spindle cell"])
    priors: dict[str, Annotated[float, Field(ge=0, allow_inf_nan=False)]] | None = Field(
        None, description="prior weight per diagnosis key (default: equal)")
    top_candidates: int = Field(3, ge=2, le=20, description="how many leading diagnoses the next markers separate")
    next_count: int = Field(5, ge=0, le=50, description="how many next markers to suggest")


Finite = Annotated[float, Field(allow_inf_nan=False)]


class ScoreRequest(Body):
    """Either a case (the score is computed from its facts) or the table's items as a calculator."""

    case: Case | None = Field(None, description=CASE_DOC)
    level: str | None = Field(None, max_length=10, description="for SINS/ESCC: score this involved level")
    inputs: dict[str, Annotated[str, Field(max_length=200)]] | None = Field(
        None, description="calculator input: item -> option key ('a|b' when only that much is known)",
        examples=[{"location": "mobile", "pain": "mechanical|occasional", "bone": "lytic"}])
    variants: dict[str, Annotated[str, Field(max_length=100)]] | None = Field(
        None, description="named variants of the published tables (see the score's 'variant')")

    @model_validator(mode="after")
    def _one_input(self) -> "ScoreRequest":
        if (self.case is None) == (self.inputs is None):
            raise ValueError("give exactly one of 'case' or 'inputs'")
        if self.level is not None and self.case is None:
            raise ValueError("'level' goes with 'case'")
        return self


class PriorCourseBody(Body):
    total_dose_gy: Finite
    fractions: int
    months_before: Finite | None = Field(None, description="months from the end of that course to this one")
    cord_max_dose_gy: Finite | None = None


class RtPlanRequest(Body):
    total_dose_gy: Finite = Field(examples=[30])
    fractions: int = Field(examples=[10])
    alpha_beta_gy: Finite | None = Field(None, description="tumour alpha/beta; default from the data")
    levels: list[Annotated[str, Field(max_length=10)]] = Field(default_factory=list, max_length=30,
                                                                 examples=[["C6"]])
    technique: str | None = Field(None, max_length=30, examples=["conventional"])
    start: dt.date | None = None
    prior_courses: list[PriorCourseBody] = Field(default_factory=list, max_length=10)


class ChemoPlanRequest(Body):
    regimen: str = Field(max_length=100, examples=["doxorubicin-25x3-q28"])
    cycles: int = Field(examples=[6])
    height_cm: Finite | None = None
    weight_kg: Finite | None = None
    bsa_formula: str | None = Field(None, max_length=40, description="default: Mosteller")
    bsa_policy: str | None = Field(None, max_length=40, description="BSA cap policy; default: actual BSA")
    start: dt.date | None = None
    bilirubin_mg_dl: Finite | None = None
    hepatic_reading: str | None = Field(None, max_length=40)
    prior_anthracycline_mg_per_m2: Finite | None = None
    cardiac_exposure: bool | None = None
