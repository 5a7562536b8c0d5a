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
