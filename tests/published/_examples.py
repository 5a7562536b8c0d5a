"""Run the worked examples a score table carries (data/scores/<key>.yaml) through the calculator."""

from __future__ import annotations

from spinemets.knowledge.tables import score_table
from spinemets.scores import calculate


def example_ids(key: str) -> list[str]:
    return [example.name for example in score_table(key).examples]


def check_example(key: str, name: str) -> None:
    example = next(e for e in score_table(key).examples if e.name == name)
    result = calculate(key, example.inputs, example.variants or None)
    assert result.total == example.total, (key, name, result.total)
    assert result.range == [example.total, example.total]
    assert result.category == example.category
    assert result.missing == []
