"""Worked examples of nesms: Ghori AK et al. Spine J 2015 / Schoenfeld AJ et al. (NESMS); examples
derived in scores.md section 8.

The examples live beside the table in
src/spinemets/knowledge/data/scores/nesms.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("nesms"))
def test_worked_example(name):
    check_example("nesms", name)


def test_every_combination_matches_a_second_reading_with_the_ceiling():
    """Second reading (scores.md section 8): 2 / 1 / 1 points, total capped at 3 by default."""
    from itertools import product

    from spinemets.scores import calculate

    for bauer, walks, albumin in product(("high", "low"), ("independent", "dependent"), ("normal", "low")):
        plain = (2 if bauer == "high" else 0) + (walks == "independent") + (albumin == "normal")
        inputs = {"modified_bauer": bauer, "ambulation": walks, "albumin": albumin}
        assert calculate("nesms", inputs).total == min(plain, 3)
        assert calculate("nesms", inputs, {"nesms_ceiling": "uncapped"}).total == plain
