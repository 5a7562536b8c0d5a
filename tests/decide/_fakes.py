"""Small stand-ins for score results, for rules tested apart from the score engine.

They use the real ScoreResult type so the decide layer reads them exactly as it reads real scores.
"""

from __future__ import annotations

from spinemets.scores._result import ScoreResult

GRADES = ("0", "1a", "1b", "1c", "2", "3")


def result(key: str, categories: list[str], total=None, range_=None, name=None) -> ScoreResult:
    return ScoreResult(key=key, name=name or key.upper(), total=total, range=range_,
                       category=categories[0] if len(categories) == 1 else None, categories=categories,
                       meaning=None, items=[], missing=[], citation={})


def escc(*grades: str) -> ScoreResult:
    high = all(g in ("2", "3") for g in grades)
    low = all(g not in ("2", "3") for g in grades)
    categories = ["high grade"] if high else ["low grade"] if low else ["low grade", "high grade"]
    total = grades[0] if len(grades) == 1 else None
    return result("escc", categories, total=total, range_=None if total else [min(grades, key=GRADES.index),
                                                                               max(grades, key=GRADES.index)],
                  name="ESCC")


def sins(*categories: str, total=None, range_=None) -> ScoreResult:
    return result("sins", list(categories), total=total, range_=range_, name="SINS")


def tomita(*categories: str, total=None, range_=None) -> ScoreResult:
    return result("tomita", list(categories), total=total, range_=range_, name="Tomita")


def scores(escc_grades=("2", "3"), sins_categories=("potentially unstable", "unstable"),
           tomita_categories=("short-term palliation", "terminal care")) -> dict[str, ScoreResult]:
    out: dict[str, ScoreResult] = {}
    if escc_grades is not None:
        out["escc"] = escc(*escc_grades)
    if sins_categories is not None:
        out["sins"] = sins(*sins_categories)
    if tomita_categories is not None:
        out["tomita"] = tomita(*tomita_categories)
    return out
