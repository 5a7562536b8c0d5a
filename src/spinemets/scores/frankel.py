"""Frankel grade from the recorded grade or the motor, sensory and walking findings."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "frankel"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    grade = _facts.frankel(case, ctx)
    return [Finding("grade", grade.grades, grade.words, grade.reason, missing=grade.missing or None)]
