"""ECOG performance status: recorded, or converted from KPS with a named mapping."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "ecog"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    perf = _facts.ecog(case, ctx)
    if perf.values is None:
        return [Finding("ecog", tuple(str(v) for v in _facts.ALIVE_ECOG), perf.words,
                        "not recorded; ECOG 5 (dead) excluded for a patient being assessed")]
    return [Finding("ecog", tuple(str(v) for v in perf.values), perf.words,
                    "recorded" if perf.conversion is None else "converted from KPS", conversion=perf.conversion)]
