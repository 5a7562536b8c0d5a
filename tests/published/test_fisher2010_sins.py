"""Worked examples of sins: Fisher CG et al. Spine 2010;35(22):E1221-9 (SINS); the examples are derived
in ../shared/reference/scores.md section 1.

The examples live beside the table in
src/spinemets/knowledge/data/scores/sins.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("sins"))
def test_worked_example(name):
    check_example("sins", name)


def test_every_combination_matches_a_second_reading_of_the_table():
    """Second, independent reading of Fisher 2010 (scores.md section 1), all 1296 combinations."""
    from itertools import product

    from spinemets.scores import calculate

    reading = {
        "location": {"junctional": 3, "mobile": 2, "semirigid": 1, "rigid": 0},
        "pain": {"mechanical": 3, "occasional": 1, "pain_free": 0},
        "bone": {"lytic": 2, "mixed": 1, "blastic": 0},
        "alignment": {"subluxation": 4, "deformity": 2, "normal": 0},
        "collapse": {"more_than_50": 3, "less_than_50": 2, "none_but_over_50_involved": 1, "none": 0},
        "posterolateral": {"bilateral": 3, "unilateral": 1, "none": 0},
    }
    names = list(reading)
    for combo in product(*(reading[n] for n in names)):
        expected = sum(reading[n][c] for n, c in zip(names, combo))
        band = "stable" if expected <= 6 else "potentially unstable" if expected <= 12 else "unstable"
        result = calculate("sins", dict(zip(names, combo)))
        assert (result.total, result.category) == (expected, band), combo
