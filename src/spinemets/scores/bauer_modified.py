"""Modified Bauer score (Leithner 2008): the Bauer factors without pathological fracture."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from ._bauer_items import shared
from ._engine import Context, Finding

TABLE = "bauer_modified"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    return shared(case, ctx)
