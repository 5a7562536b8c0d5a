"""Karnofsky performance status: recorded, or converted from ECOG with a named mapping."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "kps"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    perf = _facts.kps(case, ctx)
    if perf.values is None:
        return [Finding("kps", tuple(str(v) for v in _facts.ALIVE_KPS), perf.words,
                        "not recorded; KPS 0 (dead) excluded for a patient being assessed")]
    return [Finding("kps", tuple(str(v) for v in perf.values), perf.words,
                    "recorded" if perf.conversion is None else "converted from ECOG", conversion=perf.conversion)]
