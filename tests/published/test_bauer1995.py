"""Worked examples of bauer: Bauer HC, Wedin R. Acta Orthop Scand 1995;66(2):143-6; examples derived in
scores.md section 7.

The examples live beside the table in
src/spinemets/knowledge/data/scores/bauer.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("bauer"))
def test_worked_example(name):
    check_example("bauer", name)


def test_every_combination_counts_favourable_factors_and_bands_them():
    """Second reading (scores.md section 7): one point per favourable factor; 0-1, 2-3, 4-5 bands."""
    from itertools import product

    from spinemets.scores import calculate

    items = [
        "no_visceral",
        "solitary_skeletal",
        "not_lung_cancer",
        "favourable_primary",
        "no_pathological_fracture",
    ]
    for answers in product(["yes", "no"], repeat=5):
        expected = answers.count("yes")
        result = calculate("bauer", dict(zip(items, answers)))
        band = "< 6 months" if expected <= 1 else "> 6 months" if expected <= 3 else "> 12 months"
        assert (result.total, result.category) == (expected, band)
