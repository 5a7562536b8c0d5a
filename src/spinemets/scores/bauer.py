"""Original Bauer score (1995): four shared favourable factors plus 'no pathological fracture'."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from ._bauer_items import fracture, shared
from ._engine import Context, Finding

TABLE = "bauer"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    return [*shared(case, ctx), fracture(case)]
