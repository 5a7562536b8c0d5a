"""The published scores, computed from a Case (or from item=value input, as a calculator).

    score_all(case)                 -> {"sins": ScoreResult, "escc": ..., ...}
    score_level(case, "sins", "C5") -> ScoreResult for one involved level
    calculate("sins", {"location": "mobile", ...}) -> ScoreResult with missing items as ranges

Each score module maps the case onto its table's options; the engine (_engine.py) does the arithmetic.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ..anatomy import Vertebra, format_levels, parse_level
from ..case import Case
from ..errors import InputError, Problem, UnknownNameError
from ..knowledge.tables import SCORE_KEYS, ScoreTable, score_table
from ._engine import Context, Finding, evaluate, known_variants, unavailable
from ._result import ItemResult, MissingFact, ScoreResult

__all__ = [
    "ItemResult",
    "MissingFact",
    "ScoreResult",
    "SCORE_KEYS",
    "score_all",
    "score_level",
    "score_case",
    "calculate",
    "score_catalogue",
]


def _module(key: str) -> ModuleType | None:
    """The module mapping a Case onto a score's table (None for scores listed as unavailable)."""
    from . import (
        asia,
        bauer,
        bauer_modified,
        ecog,
        escc,
        frankel,
        katagiri_new,
        kps,
        nesms,
        sins,
        tokuhashi_revised,
        tomita,
    )

    modules = {
        m.TABLE: m
        for m in (
            sins,
            escc,
            frankel,
            asia,
            ecog,
            kps,
            tokuhashi_revised,
            tomita,
            bauer,
            bauer_modified,
            nesms,
            katagiri_new,
        )
    }
    return modules.get(key)


def _score(
    table: ScoreTable, case: Case, ctx: Context, level: Vertebra | None, notes: list[str]
) -> ScoreResult:
    module = _module(table.key)
    if not table.available or module is None:
        return unavailable(table)
    ctx.start()
    return evaluate(
        table, module.findings(case, ctx, level), ctx, level=str(level) if level else None, notes=notes
    )


def _severity(result: ScoreResult, table: ScoreTable) -> tuple[int, int]:
    """How bad a level is known to be: the least still possible first, then the most. (Ranking by the most
    still possible would let a level about which nothing is recorded outrank a known compression.)"""
    low, high = result.range
    if table.is_grade:
        order = table.items[0].option_keys
        return order.index(low), order.index(high)
    return int(low), int(high)


# The worst level is judged on compression first (ESCC), then on instability (SINS); both scores use it,
# so a case without an index level has one level scored, not one per score.
_INDEX_ORDER = ("escc", "sins")


def _index(case: Case, table: ScoreTable, ctx: Context) -> tuple[Vertebra | None, list[str]]:
    if case.index_level is not None:
        return case.index_level, [f"Scored at the index level {case.index_level}, as the case states."]
    if not case.lesions:
        return None, []
    if len(case.lesions) == 1:
        return case.lesions[0].level, []
    tables = [score_table(key) for key in _INDEX_ORDER]

    def severity(level: Vertebra) -> tuple[tuple[int, int], ...]:
        return tuple(_severity(_score(t, case, ctx, level, []), t) for t in tables)

    worst = max(sorted(lesion.level for lesion in case.lesions), key=severity)
    return worst, [
        f"Scored at {worst}, the worst of the involved levels {format_levels(case.levels)}: the highest ESCC "
        "grade known, then the highest SINS known (the least still possible first); other levels can be "
        "scored on request."
    ]


def score_case(case: Case, key: str, ctx: Context | None = None) -> ScoreResult:
    """One score for a case (SINS and ESCC at the index level, by default the worst)."""
    table = score_table(key)
    ctx = ctx or Context()
    level, notes = _index(case, table, ctx) if table.scope == "level" and table.available else (None, [])
    return _score(table, case, ctx, level, notes)


def score_level(case: Case, key: str, level: Vertebra | str) -> ScoreResult:
    """A level-scoped score (SINS, ESCC) at one involved level; a level not involved is an InputError."""
    table = score_table(key)
    if table.scope != "level":
        raise InputError(
            [
                Problem(
                    field="score",
                    value=key,
                    allowed=", ".join(k for k in SCORE_KEYS if score_table(k).scope == "level"),
                    message="this score is not scored per level",
                )
            ]
        )
    vertebra = parse_level(level) if isinstance(level, str) else level
    if case.lesion_at(vertebra) is None:
        raise InputError(
            [
                Problem(
                    field="level",
                    value=str(level),
                    allowed=format_levels(case.levels) or "no level is involved in this case",
                    message="not an involved level of this case",
                )
            ]
        )
    return _score(table, case, Context(), vertebra, [])


def score_all(
    case: Case, *, all_levels: bool = False, variants: dict[str, str] | None = None
) -> dict[str, ScoreResult]:
    """Every score for a case, keyed as in SCORE_KEYS; with all_levels also 'sins[C5]', 'escc[C5]', ...

    Each missing fact lists every score it would settle (MissingFact.scores).
    """
    ctx = Context(variants)
    results: dict[str, ScoreResult] = {}
    for key in SCORE_KEYS:
        results[key] = score_case(case, key, ctx)
        table = score_table(key)
        if all_levels and table.scope == "level" and table.available:
            for lesion in sorted(case.lesions, key=lambda lesion: lesion.level):
                results[f"{key}[{lesion.level}]"] = _score(table, case, ctx, lesion.level, [])
    settles: dict[str, list[str]] = {}
    for key, result in results.items():
        for fact in result.missing:
            if key not in settles.setdefault(fact.fact, []):
                settles[fact.fact].append(key)
    for result in results.values():
        for fact in result.missing:
            fact.scores = list(settles[fact.fact])
    return results


def calculate(key: str, inputs: dict[str, str], variants: dict[str, str] | None = None) -> ScoreResult:
    """A score from item=value input (the calculator); items not given stay open and give a range.

    A value may name several options separated by '|' (e.g. pain=mechanical|occasional) when only that much
    is known.
    """
    table = score_table(key)
    ctx = Context(variants)
    if not table.available:
        return unavailable(table)
    findings = []
    for item_key, value in inputs.items():
        item = table.item(item_key)
        chosen = tuple(dict.fromkeys(v.strip() for v in str(value).split("|") if v.strip()))
        if not chosen:
            raise InputError(
                [
                    Problem(
                        field=item_key,
                        value=value,
                        allowed=", ".join(item.option_keys),
                        message="no value given",
                    )
                ]
            )
        for option in chosen:
            if option not in item.option_keys:
                raise UnknownNameError(
                    item_key, option, item.option_keys, what=f"value for {table.key} {item_key}"
                )
        label = " or ".join(item.option(o).label for o in chosen)
        findings.append(Finding(item=item_key, options=chosen, fact=f"{item_key}={value}", reason=label))
    ctx.start()
    return evaluate(table, findings, ctx, calculator=True)


def score_catalogue() -> list[dict[str, Any]]:
    """Every score with its items, allowed values and points, variants and citation (for --list and docs)."""
    from ..knowledge.references import citation

    variants = known_variants()
    out = []
    for key in SCORE_KEYS:
        table = score_table(key)
        out.append(
            {
                "key": key,
                "name": table.name,
                "kind": table.kind,
                "available": table.available,
                "unavailable_reason": table.unavailable_reason,
                "range": list(table.range) if table.range else None,
                "citation": citation(table.citation_ref, table.locator),
                "items": [
                    {
                        "key": i.key,
                        "label": i.label,
                        "options": [
                            {"key": o.key, "label": o.label, "points": o.points, "category": o.category}
                            for o in i.options
                        ],
                    }
                    for i in table.items
                ],
                "strata": [
                    {"min": s.min, "max": s.max, "category": s.category, "meaning": s.meaning}
                    for s in table.strata
                ],
                "variants": {
                    name: {
                        "default": variants[name].default,
                        "why": variants[name].why,
                        "choices": {c: v.label for c, v in variants[name].choices.items()},
                    }
                    for name in table.uses_variants
                },
                "notes": list(table.notes),
            }
        )
    return out
