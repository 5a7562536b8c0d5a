"""Revised Tokuhashi (2005): general condition, bone and organ metastases, primary site, palsy."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from ..knowledge.tables import score_table
from . import _facts
from ._counts import bucket_options
from ._engine import Context, Finding

TABLE = "tokuhashi_revised"
# Our reading of "major internal organs" (not enumerated by the 2005 table; one calculator lists these).
MAJOR_INTERNAL_ORGANS = frozenset({"lung", "liver", "kidney", "brain"})


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    table = score_table(TABLE)
    out = [_general_condition(case, ctx, table)]
    burden = _facts.bone_burden(case)
    extra = bucket_options(
        burden.extraspinal_min,
        burden.extraspinal_exact,
        _buckets(table, "extraspinal_bone"),
    )
    out.append(
        Finding(
            "extraspinal_bone",
            extra,
            burden.words.split("; ", 1)[-1],
            "counted from the case's bone metastases"
            if len(extra) == 1
            else "extraspinal bone metastases not fully known: only more foci than recorded are possible",
            missing=burden.missing or None,
        )
    )
    if burden.spinal == 0:
        out.append(
            Finding("vertebral_body", None, "no involved vertebra recorded", "no spinal lesion recorded")
        )
    else:
        vertebral = bucket_options(burden.spinal, burden.spinal_exact, _buckets(table, "vertebral_body"))
        out.append(
            Finding(
                "vertebral_body",
                vertebral,
                burden.words.split("; ", 1)[0],
                f"{burden.spinal} involved vertebrae"
                + ("" if len(vertebral) == 1 else "; the whole spine is not stated imaged"),
            )
        )
    out.append(_organs(case))
    out.append(
        _facts.primary_finding(
            case, "primary_site", "tokuhashi", "the primary's Tokuhashi row is not determined"
        )
    )
    grade = _facts.frankel(case, ctx)
    palsy = tuple(o.key for o in table.item("palsy").options if set(o.extra["frankel"]) & set(grade.grades))
    out.append(Finding("palsy", palsy, grade.words, grade.reason, missing=grade.missing or None))
    return out


def _buckets(table, item: str) -> list[tuple[str, int, int | None]]:
    """(option, lowest count, highest count or None) from the table's `count` spans."""
    return [(o.key, o.extra["count"][0], o.extra["count"][1]) for o in table.item(item).options]


def _general_condition(case: Case, ctx: Context, table) -> Finding:
    perf = _facts.kps(case, ctx)
    if perf.values is None:
        return Finding("general_condition", None, perf.words, "performance status not recorded")
    item = table.item("general_condition")
    options = tuple(
        o.key for o in item.options if any(o.extra["kps"][0] <= v <= o.extra["kps"][1] for v in perf.values)
    )
    if not options:  # KPS 0 (dead) lies outside the table's 10-100
        return Finding("general_condition", None, perf.words, "KPS 0 is outside the table (KPS 10-100)")
    return Finding(
        "general_condition",
        options,
        perf.words,
        "KPS placed in the table's bands" if perf.conversion is None else "KPS converted from ECOG",
        conversion=perf.conversion,
    )


def _organs(case: Case) -> Finding:
    found = _facts.visceral(case, organs=MAJOR_INTERNAL_ORGANS)
    return _facts.organ_finding(
        "internal_organs",
        found,
        yes="removable",
        no="unremovable",
        word="removable",
        notes=["Interpretive: 'major internal organs' read as lung, liver, kidney and brain."],
    )
