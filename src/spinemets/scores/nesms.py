"""NESMS: modified Bauer >= 3, independent ambulation, serum albumin."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Ambulation, Case
from ..knowledge.tables import score_table
from . import _facts, bauer_modified
from ._engine import Context, Finding, evaluate

TABLE = "nesms"


def modified_bauer_options(low: float, high: float) -> tuple[str, ...]:
    """The NESMS options a modified Bauer range [low, high] leaves (cut-off from the "high" option)."""
    cut = score_table(TABLE).item("modified_bauer").option("high").extra["bauer_modified_min"]
    if low >= cut:
        return ("high",)
    if high < cut:
        return ("low",)
    return ("high", "low")


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    table = score_table(TABLE)
    bauer = evaluate(score_table(bauer_modified.TABLE), bauer_modified.findings(case, ctx, level), ctx)
    low, high = bauer.range
    shown = f"modified Bauer {bauer.total}" if bauer.total is not None else f"modified Bauer {low}-{high}"
    options = modified_bauer_options(low, high)
    out = [
        Finding(
            "modified_bauer",
            options,
            shown,
            f"{shown} (computed above)",
            missing=[(m.fact, m.question) for m in bauer.missing] or None,
        )
    ]
    amb = case.neurology.ambulation
    out.append(
        Finding(
            "ambulation",
            None if amb is None else (("independent",) if amb is Ambulation.INDEPENDENT else ("dependent",)),
            _facts.ambulation_words(amb),
            _facts.ambulation_words(amb),
        )
    )
    albumin = case.labs.albumin_g_dl
    threshold = table.item("albumin").option("normal").extra["albumin_g_dl_min"]
    notes = []
    if albumin is None and case.labs.reported_normal:
        notes.append("Labs are reported normal without values; a report is not used as an albumin value.")
    out.append(
        Finding(
            "albumin",
            None if albumin is None else (("normal",) if albumin >= threshold else ("low",)),
            f"albumin {albumin:g} g/dL" if albumin is not None else "albumin not recorded",
            f"albumin {'at or above' if albumin is not None and albumin >= threshold else 'below'} "
            f"{threshold:g} g/dL"
            if albumin is not None
            else "no albumin value",
            notes=notes,
        )
    )
    return out
