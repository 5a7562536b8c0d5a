"""Published score tables (data/scores/<key>.yaml), loaded once, checked at load, as typed objects.

The table file is the single source of truth: items, options with points, strata with their meaning,
variants with the default and why, the citation with its locator, and worked examples. Nothing here knows
about a Case; the score modules map a Case onto these options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import UnknownNameError
from ._yaml import load_data_file

# Every score spinemets knows, in the order results are shown. Rades and OSRI are listed as unavailable.
SCORE_KEYS = (
    "sins",
    "escc",
    "frankel",
    "asia",
    "ecog",
    "kps",
    "tokuhashi_revised",
    "tomita",
    "bauer",
    "bauer_modified",
    "nesms",
    "katagiri_new",
    "rades",
    "osri",
)


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    points: float | None = None
    category: str | None = None
    flag: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. the KPS or Frankel span an option covers


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    fact: str
    question: str
    options: tuple[Option, ...]

    @property
    def option_keys(self) -> tuple[str, ...]:
        return tuple(o.key for o in self.options)

    def option(self, key: str) -> Option:
        for option in self.options:
            if option.key == key:
                return option
        raise UnknownNameError(f"{self.key}", key, self.option_keys, what="value")


@dataclass(frozen=True)
class Stratum:
    min: float
    max: float
    category: str
    meaning: str

    def holds(self, total: float) -> bool:
        return self.min <= total <= self.max


@dataclass(frozen=True)
class VariantChoice:
    key: str
    label: str
    source: str
    points: dict[tuple[str, str], float]  # (item, option) -> points replacing the table's
    cap: float | None


@dataclass(frozen=True)
class Variant:
    name: str
    default: str
    why: str
    choices: dict[str, VariantChoice]


@dataclass(frozen=True)
class Example:
    name: str
    source: str
    inputs: dict[str, str]
    total: Any
    category: str | None
    variants: dict[str, str]


@dataclass(frozen=True)
class ScoreTable:
    key: str
    name: str
    kind: str  # "points" or "grade"
    scope: str  # "patient" or "level"
    citation_ref: str
    locator: str
    range: tuple[float, float] | None
    items: tuple[Item, ...]
    strata: tuple[Stratum, ...]
    categories: dict[str, str]
    variants: dict[str, Variant]
    uses_variants: tuple[str, ...]
    examples: tuple[Example, ...]
    notes: tuple[str, ...]
    available: bool
    unavailable_reason: str | None
    thresholds: dict[str, Any]

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise UnknownNameError(f"{self.key} item", key, [i.key for i in self.items], what="item")

    @property
    def is_grade(self) -> bool:
        return self.kind == "grade"


def _option(raw: dict[str, Any]) -> Option:
    known = {"key", "label", "points", "category", "flag"}
    return Option(
        key=str(raw["key"]),
        label=str(raw["label"]),
        points=raw.get("points"),
        category=raw.get("category"),
        flag=raw.get("flag"),
        extra={k: v for k, v in raw.items() if k not in known},
    )


def _variant(name: str, raw: dict[str, Any], items: dict[str, Item]) -> Variant:
    choices = {}
    for key, data in raw["choices"].items():
        points = {}
        for target, value in (data.get("points") or {}).items():
            item_key, option_key = str(target).split(".", 1)
            items[item_key].option(option_key)  # raises if the table has no such option
            points[(item_key, option_key)] = value
        choices[str(key)] = VariantChoice(
            key=str(key), label=data["label"], source=data["source"], points=points, cap=data.get("cap")
        )
    default = str(raw["default"])
    if default not in choices:
        raise ValueError(f"variant {name}: default {default!r} is not a choice")
    return Variant(name=name, default=default, why=raw["why"], choices=choices)


def _achievable(table: ScoreTable) -> set[float]:
    """Every total the items can sum to (sets stay small: at most a few dozen values)."""
    totals = {0.0}
    for item in table.items:
        totals = {t + o.points for t in totals for o in item.options}
    return totals


def _check(table: ScoreTable) -> None:
    """The table agrees with itself: published range = sum of extremes, strata cover it, examples valid."""
    if not table.available:
        return
    for item in table.items:
        if len(set(item.option_keys)) != len(item.option_keys):
            raise ValueError(f"{table.key}: duplicate option in {item.key}")
    if table.is_grade:
        for option in table.items[0].options:
            if option.category not in table.categories:
                raise ValueError(f"{table.key}: grade {option.key} has no category meaning")
    else:
        low = sum(min(o.points for o in i.options) for i in table.items)
        high = sum(max(o.points for o in i.options) for i in table.items)
        caps = [
            c.cap
            for v in table.variants.values()
            for c in v.choices.values()
            if c.cap is not None and c.key == v.default
        ]
        if caps:
            high = min(high, *caps)
        if (low, high) != tuple(table.range):
            raise ValueError(f"{table.key}: items span {low}-{high} but the published range is {table.range}")
        for total in sorted(t for t in _achievable(table) if t <= high):
            if sum(s.holds(total) for s in table.strata) != 1:
                raise ValueError(
                    f"{table.key}: total {total} falls in {sum(s.holds(total) for s in table.strata)} strata"
                )
    for example in table.examples:
        for item_key, option_key in example.inputs.items():
            table.item(item_key).option(option_key)


def _load(key: str) -> ScoreTable:
    raw = load_data_file(f"scores/{key}.yaml")
    if raw.get("key") != key:
        raise ValueError(f"scores/{key}.yaml declares key {raw.get('key')!r}")
    items = tuple(
        Item(
            key=i["key"],
            label=i["label"],
            fact=i["fact"],
            question=i["question"],
            options=tuple(_option(o) for o in i["options"]),
        )
        for i in raw.get("items") or []
    )
    by_key = {i.key: i for i in items}
    variants = {name: _variant(name, data, by_key) for name, data in (raw.get("variants") or {}).items()}
    table = ScoreTable(
        key=key,
        name=raw["name"],
        kind=raw["kind"],
        scope=raw.get("scope", "patient"),
        citation_ref=raw["citation"]["ref"],
        locator=raw["citation"]["locator"],
        range=tuple(raw["range"]) if raw.get("range") else None,
        items=items,
        strata=tuple(Stratum(**s) for s in raw.get("strata") or []),
        categories=dict(raw.get("categories") or {}),
        variants=variants,
        uses_variants=tuple(raw.get("uses_variants") or ()) + tuple(variants),
        examples=tuple(
            Example(
                name=e["name"],
                source=e["source"],
                inputs={k: str(v) for k, v in e["inputs"].items()},
                total=e["total"],
                category=e.get("category"),
                variants={k: str(v) for k, v in (e.get("variants") or {}).items()},
            )
            for e in raw.get("examples") or []
        ),
        notes=tuple(raw.get("notes") or ()),
        available=raw.get("available", True),
        unavailable_reason=raw.get("unavailable_reason"),
        thresholds=dict(raw.get("thresholds") or {}),
    )
    _check(table)
    return table


@lru_cache(maxsize=None)
def score_table(key: str) -> ScoreTable:
    """The published table of one score (loaded and checked on first use)."""
    if key not in SCORE_KEYS:
        raise UnknownNameError("score", key, SCORE_KEYS, what="score")
    return _load(key)


def all_variants() -> dict[str, Variant]:
    """Every named variant declared by a score table, by name (names are global)."""
    found: dict[str, Variant] = {}
    for key in SCORE_KEYS:
        for name, variant in score_table(key).variants.items():
            if name in found:
                raise ValueError(f"variant {name} is declared by two tables")
            found[name] = variant
    return found
