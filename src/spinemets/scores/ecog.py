"""ECOG performance status: recorded, or converted from KPS with a named mapping."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "ecog"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    return [_facts.performance_finding(case, ctx, TABLE, _facts.ALIVE_ECOG)]
