"""Worked examples of tomita: Tomita K et al. Spine 2001;26(3):298-306; examples derived in scores.md
section 6.

The examples live beside the table in
src/spinemets/knowledge/data/scores/tomita.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("tomita"))
def test_worked_example(name):
    check_example("tomita", name)


# A second, independent reading of Tomita 2001 (scores.md section 6), enumerated exhaustively.
_GROWTH = {"slow": 1, "moderate": 2, "rapid": 4}
_VISCERAL = {"none": 0, "treatable": 2, "untreatable": 4}
_BONE = {"solitary": 1, "multiple": 2}


def _goal(total):
    return (
        "long-term local control"
        if total <= 3
        else "middle-term local control"
        if total <= 5
        else "short-term palliation"
        if total <= 7
        else "terminal care"
    )


def test_every_combination_matches_the_second_reading():
    from itertools import product

    from spinemets.scores import calculate

    for growth, visceral, bone in product(_GROWTH, _VISCERAL, _BONE):
        expected = _GROWTH[growth] + _VISCERAL[visceral] + _BONE[bone]
        result = calculate("tomita", {"primary_growth": growth, "visceral": visceral, "bone": bone})
        assert (result.total, result.category) == (expected, _goal(expected))
