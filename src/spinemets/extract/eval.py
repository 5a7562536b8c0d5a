"""Scoring an extractor against hand-annotated cases, exactly by the rules of ../shared/cases/SCHEMA.md.

Every non-null scalar and every list element is an item. A predicted scalar is right when the gold value is
not null and equal (numbers within 1 %, strings lower-cased after the canonical mappings, `false` a value like
any other). A predicted list element is right when the gold list holds it (each gold element matched once).
`_accept` widens the gold: for a scalar its values also score right (and, where the gold is null, are neither
right nor wrong); for a list its extra elements are not counted against the extractor.
Precision, recall and F1 are pooled over all cases, per key and over all keys (micro).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..knowledge.markers import canonical_marker
from .assemble import SCHEMA_KEYS

LEVEL_KEYS = {"spinal_levels", "fracture_levels"}
MARKER_KEYS = {"ihc_positive", "ihc_negative"}
_NUMBER_TOLERANCE = 0.01


def _norm(key: str, value: Any) -> Any:
    """The form two values are compared in."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if key in LEVEL_KEYS:
        return text.upper()
    if key in MARKER_KEYS:
        return (canonical_marker(text) or text).lower()
    return text.lower()


def _same(key: str, predicted: Any, gold: Any) -> bool:
    p, g = _norm(key, predicted), _norm(key, gold)
    if isinstance(p, bool) or isinstance(g, bool):
        return isinstance(p, bool) and isinstance(g, bool) and p == g
    if isinstance(p, float) and isinstance(g, float):
        return abs(p - g) <= _NUMBER_TOLERANCE * abs(g) if g else p == g
    return p == g


@dataclass
class Tally:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Tally") -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Error:
    case: str
    key: str
    kind: str  # wrong (a value that is not the gold), missed (a gold item not found), extra (a list element too many)
    predicted: Any
    gold: Any

    def render(self) -> str:
        return f"{self.key}: {self.kind} (predicted {self.predicted!r}, gold {self.gold!r})"


def score_key(key: str, predicted: Any, gold: Any, accept: list[Any] | None = None) -> tuple[Tally, list[tuple[str, Any, Any]]]:
    """The tally of one key of one case, and its errors as (kind, predicted, gold)."""
    accept = accept or []
    tally = Tally()
    errors: list[tuple[str, Any, Any]] = []
    if key in LEVEL_KEYS or key in MARKER_KEYS or isinstance(gold, list) or isinstance(predicted, list):
        gold_items = list(gold or [])
        remaining = list(gold_items)
        tally.gold = len(gold_items)
        for item in predicted or []:
            match = next((g for g in remaining if _same(key, item, g)), None)
            if match is not None:
                remaining.remove(match)
                tally.predicted += 1
                tally.correct += 1
            elif any(_same(key, item, a) for a in accept):
                continue  # an accepted extra: not counted against the extractor
            else:
                tally.predicted += 1
                errors.append(("extra", item, gold))
        errors.extend(("missed", None, g) for g in remaining)
        return tally, errors
    if gold is not None:
        tally.gold = 1
    if predicted is None:
        if gold is not None:
            errors.append(("missed", None, gold))
        return tally, errors
    if gold is None:
        if any(_same(key, predicted, a) for a in accept):
            return tally, errors  # neither right nor wrong
        tally.predicted = 1
        errors.append(("wrong", predicted, None))
        return tally, errors
    tally.predicted = 1
    if _same(key, predicted, gold) or any(_same(key, predicted, a) for a in accept):
        tally.correct = 1
    else:
        errors.append(("wrong", predicted, gold))
    return tally, errors


@dataclass
class Report:
    per_key: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in SCHEMA_KEYS})
    errors: list[Error] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Tally:
        total = Tally()
        for tally in self.per_key.values():
            total.add(tally)
        return total

    def add_case(self, name: str, predicted: dict[str, Any], gold: dict[str, Any]) -> None:
        self.cases.append(name)
        accept = gold.get("_accept") or {}
        for key in SCHEMA_KEYS:
            tally, errors = score_key(key, predicted.get(key), gold.get(key), accept.get(key))
            self.per_key[key].add(tally)
            self.errors.extend(Error(name, key, kind, p, g) for kind, p, g in errors)

    def as_dict(self) -> dict[str, Any]:
        micro = self.micro
        return {"cases": len(self.cases), "micro": micro.as_dict(),
                "per_key": {k: t.as_dict() for k, t in self.per_key.items()},
                "errors": [e.__dict__ for e in self.errors]}


def gold_pairs(folder: Path | str) -> list[tuple[Path, Path]]:
    """Every NAME.txt in the folder that has a NAME.json beside it, sorted by name."""
    folder = Path(folder)
    return [(txt, txt.with_suffix(".json")) for txt in sorted(folder.glob("*.txt")) if txt.with_suffix(".json").is_file()]


def evaluate(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> Report:
    report = Report()
    for name, predicted, gold in pairs:
        report.add_case(name, predicted, gold)
    return report


def evaluate_folder(folder: Path | str) -> Report:
    """Run the extractor over the folder's annotated cases and score it."""
    from ..casefile import read_text_file
    from .assemble import to_schema
    from .pipeline import extract_texts

    pairs = gold_pairs(folder)
    texts = [read_text_file(txt, max_bytes=MAX_FILE_BYTES) for txt, _ in pairs]
    golds = [json.loads(gold.read_text(encoding="utf-8")) for _, gold in pairs]
    extractions = extract_texts(texts, names=[txt.stem for txt, _ in pairs])
    return evaluate((txt.stem, to_schema(e), g) for (txt, _), e, g in zip(pairs, extractions, golds))


MAX_FILE_BYTES = 1_000_000
