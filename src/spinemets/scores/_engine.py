"""The arithmetic of every score, once: points from options, bounds over the options still possible,
the stratum (or grade category), and the missing facts with the questions that settle them.

A score module says, for each item of its table, which options the case still allows (a `Finding`); the
engine does the rest. An item whose options are not narrowed to one stays open: its points become a set,
the total a range, and the item's fact is listed as missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import InputError, Problem, UnknownNameError
from ..knowledge.references import citation
from ..knowledge.tables import ScoreTable, Variant, VariantChoice, all_variants
from ._result import ItemResult, MissingFact, ScoreResult


@dataclass
class Finding:
    """Which options of one item the facts allow, and why."""

    item: str
    options: tuple[str, ...] | None  # None: nothing known, every option is possible
    fact: str | None = None  # the fact used, in words
    reason: str = ""
    missing: list[tuple[str, str]] | None = None  # (fact path, question); None: the item's own; []: none
    conversion: str | None = None
    notes: list[str] = field(default_factory=list)  # interpretive choices, flagged as such


def _performance_variant() -> Variant:
    from ..knowledge.performance import performance_mappings

    mappings = performance_mappings()
    choices = {
        key: VariantChoice(key=key, label=m.label, source=m.source, points={}, cap=None)
        for key, m in mappings.mappings.items()
    }
    return Variant(name=mappings.variant, default=mappings.default, why=mappings.why, choices=choices)


def known_variants() -> dict[str, Variant]:
    found = dict(all_variants())
    performance = _performance_variant()
    found[performance.name] = performance
    return found


class Context:
    """Variant choices for one scoring run; records which variants each score actually read."""

    def __init__(self, variants: dict[str, str] | None = None) -> None:
        known = known_variants()
        self.choices: dict[str, str] = {}
        for name, choice in (variants or {}).items():
            if name not in known:
                raise UnknownNameError("variant", name, known, what="variant")
            if str(choice) not in known[name].choices:
                raise UnknownNameError(f"variant {name}", str(choice), known[name].choices, what="choice")
            self.choices[name] = str(choice)
        self._known = known
        self.used: dict[str, str] = {}

    def variant(self, name: str) -> str:
        choice = self.choices.get(name, self._known[name].default)
        self.used[name] = choice
        return choice

    def describe_used(self) -> str | None:
        if not self.used:
            return None
        return ", ".join(
            f"{name}={choice}" + ("" if name in self.choices else " (default)")
            for name, choice in self.used.items()
        )

    def start(self) -> None:
        self.used = {}


def variant_rules(table: ScoreTable, ctx: Context) -> tuple[dict[tuple[str, str], float], float | None]:
    """The points that the chosen variants change, (item, option) -> points, and the total's cap if any."""
    overrides: dict[tuple[str, str], float] = {}
    cap = None
    for name, variant in table.variants.items():
        choice = variant.choices[ctx.variant(name)]
        overrides.update(choice.points)
        cap = choice.cap if choice.cap is not None else cap
    return overrides, cap


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _open_result(table: ScoreTable, **fields: Any) -> ScoreResult:
    """A result for this table with nothing determined yet (total, range and category filled in later)."""
    defaults: dict[str, Any] = dict(key=table.key, name=table.name, total=None, range=None, category=None,
                                    categories=[], meaning=None, items=[], missing=[],
                                    citation=citation(table.citation_ref, table.locator))
    defaults.update(fields)
    return ScoreResult(**defaults)


def unavailable(table: ScoreTable) -> ScoreResult:
    return _open_result(table, available=False, unavailable_reason=table.unavailable_reason)


def evaluate(
    table: ScoreTable,
    findings: Iterable[Finding],
    ctx: Context,
    *,
    level: str | None = None,
    conversions: Iterable[str] = (),
    notes: Iterable[str] = (),
    calculator: bool = False,
) -> ScoreResult:
    """Combine one Finding per item of the table into a ScoreResult."""
    by_item = {f.item: f for f in findings}
    unknown_items = set(by_item) - {i.key for i in table.items}
    if unknown_items:  # a programming error in a score module, not a user error
        raise RuntimeError(f"{table.key}: findings for unknown items {sorted(unknown_items)}")
    overrides, cap = variant_rules(table, ctx)
    items: list[ItemResult] = []
    missing: list[MissingFact] = []
    all_notes: list[str] = list(notes)
    all_conversions: list[str] = list(conversions)
    lows: list[float] = []
    highs: list[float] = []
    grade_options: list[str] = []
    where = level or "the index level"
    for item in table.items:
        finding = by_item.get(item.key) or Finding(item=item.key, options=None, reason="not known")
        keys = (
            item.option_keys
            if finding.options is None
            else tuple(k for k in item.option_keys if k in finding.options)
        )
        if not keys:
            raise InputError(
                [
                    Problem(
                        field=f"{table.key}.{item.key}",
                        value=finding.fact,
                        allowed=", ".join(item.option_keys),
                        message="the facts given contradict each other: no option fits",
                    )
                ]
            )
        points = [overrides.get((item.key, k), item.option(k).points) for k in keys]
        single = len(keys) == 1
        if table.is_grade:
            grade_options = list(keys)
            possible: list[Any] = list(keys)
        else:
            possible = sorted({_number(p) for p in points})
            lows.append(min(points))
            highs.append(max(points))
        items.append(
            ItemResult(
                item=item.key,
                label=item.label,
                fact=finding.fact,
                option=keys[0] if single else None,
                points=(_number(points[0]) if single and not table.is_grade else None),
                possible=possible,
                reason=finding.reason,
                conversion=finding.conversion,
                options=list(keys),
            )
        )
        if finding.conversion:
            all_conversions.append(finding.conversion)
        all_notes.extend(n for n in finding.notes if n not in all_notes)
        if not single:
            if calculator:  # no case: the missing fact is the item itself
                asks = [(item.key, item.question.format(level="the lesion"))]
            else:
                asks = finding.missing
                if asks is None:  # the item's own fact and question
                    asks = [(item.fact.format(level=where), item.question.format(level=where))]
            missing.extend(MissingFact(fact=f, question=q, item=f"{table.key}.{item.key}") for f, q in asks)
    result = _open_result(table, items=items, missing=missing, conversions=all_conversions, level=level,
                          variant=ctx.describe_used(), notes=all_notes)
    if table.is_grade:
        _grade(table, grade_options, result)
    else:
        _points(table, lows, highs, cap, result)
    return result


def _grade(table: ScoreTable, possible: list[str], result: ScoreResult) -> None:
    item = table.items[0]
    result.range = [possible[0], possible[-1]]
    result.total = possible[0] if len(possible) == 1 else None
    categories = list(dict.fromkeys(item.option(k).category for k in possible))
    result.categories = [c for c in categories if c]
    if len(result.categories) == 1:
        result.category = result.categories[0]
        result.meaning = table.categories.get(result.category)
    for key in possible:
        option = item.option(key)
        if option.flag:
            result.notes.append(
                f"{table.name} {key} is flagged {option.flag}: sources disagree on whether it "
                "counts as low or high grade."
            )


def _points(
    table: ScoreTable, lows: list[float], highs: list[float], cap: float | None, result: ScoreResult
) -> None:
    low, high = sum(lows), sum(highs)
    if cap is not None:
        low, high = min(low, cap), min(high, cap)
    result.range = [_number(low), _number(high)]
    result.total = _number(low) if low == high else None
    spanned = [s for s in table.strata if s.max >= low and s.min <= high]
    result.categories = [s.category for s in spanned]
    if len(spanned) == 1:
        result.category = spanned[0].category
        result.meaning = spanned[0].meaning
