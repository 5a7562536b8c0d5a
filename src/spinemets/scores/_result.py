"""What a score gives back: every item with its reason, the range still possible, the facts still missing.

Plain dataclasses; `to_json()` gives JSON-ready dicts (the `scores` object of `spinemets analyze --json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

Number = int | float


def _plain(value: Any) -> Any:
    """A JSON-ready copy of a field value (lists and dicts copied, so callers cannot change the result)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _as_dict(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    # Hand-rolled rather than dataclasses.asdict, whose deep copy was most of the time of a whole analysis.
    return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj) if f.name not in skip}


@dataclass
class ItemResult:
    item: str
    label: str
    fact: str | None  # the fact used, in words ("pain at C6: present, character not stated")
    option: str | None  # the table option when one is determined
    points: Number | None  # its points (None while several options remain)
    possible: list[Any]  # points (or grades) still possible
    reason: str  # why, in a clinician's words
    conversion: str | None = None  # e.g. "KPS 80-90 from ECOG 1 by the Ma et al. 2010 empirical mapping"
    options: list[str] = field(default_factory=list)  # option keys still possible

    def to_json(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass
class MissingFact:
    fact: str  # case field path, e.g. "lesions[C6].pain"
    question: str  # the question that settles it
    item: str  # "<score>.<item>"
    scores: list[str] = field(default_factory=list)  # every score it would settle (filled by score_all)

    def to_json(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass
class ScoreResult:
    key: str
    name: str
    total: Number | str | None
    range: list[Any] | None
    category: str | None
    categories: list[str]
    meaning: str | None
    items: list[ItemResult]
    missing: list[MissingFact]
    citation: dict[str, Any]
    conversions: list[str] = field(default_factory=list)
    level: str | None = None
    variant: str | None = None
    available: bool = True
    unavailable_reason: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def determined(self) -> bool:
        return self.total is not None

    def to_json(self) -> dict[str, Any]:
        out = _as_dict(self, skip=("items", "missing"))
        out["items"] = [item.to_json() for item in self.items]
        out["missing"] = [fact.to_json() for fact in self.missing]
        return out
