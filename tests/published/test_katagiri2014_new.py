"""Worked examples of katagiri_new: Katagiri H et al. Cancer Med 2014;3(5):1359-67; examples derived in
scores.md section 9.

The examples live beside the table in
src/spinemets/knowledge/data/scores/katagiri_new.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("katagiri_new"))
def test_worked_example(name):
    check_example("katagiri_new", name)


def test_published_group_bounds_0_3_4_6_7_10():
    """Katagiri 2014 abstract: low 0-3, intermediate 4-6, high 7-10 (maximum 3+2+2+1+1+1 = 10)."""
    from spinemets.scores import calculate

    worst = {
        "primary_lesion": "rapid",
        "visceral": "disseminated",
        "laboratory": "critical",
        "ecog_3_4": "yes",
        "previous_chemotherapy": "yes",
        "multiple_skeletal": "yes",
    }
    assert calculate("katagiri_new", worst).total == 10
    assert calculate("katagiri_new", {}).range == [0, 10]
    assert calculate("katagiri_new", {**worst, "primary_lesion": "slow", "visceral": "none"}).total == 5


def test_every_combination_matches_a_second_reading_of_the_table():
    """Second, independent reading of the new Katagiri table (scores.md section 9), all 216 combinations."""
    from itertools import product

    from spinemets.scores import calculate

    reading = {
        "primary_lesion": {"slow": 0, "moderate": 2, "rapid": 3},
        "visceral": {"none": 0, "nodular": 1, "disseminated": 2},
        "laboratory": {"normal": 0, "abnormal": 1, "critical": 2},
        "ecog_3_4": {"no": 0, "yes": 1},
        "previous_chemotherapy": {"no": 0, "yes": 1},
        "multiple_skeletal": {"no": 0, "yes": 1},
    }
    names = list(reading)
    for combo in product(*(reading[n] for n in names)):
        expected = sum(reading[n][c] for n, c in zip(names, combo))
        band = "low risk" if expected <= 3 else "intermediate risk" if expected <= 6 else "high risk"
        result = calculate("katagiri_new", dict(zip(names, combo)))
        assert (result.total, result.category) == (expected, band), combo
