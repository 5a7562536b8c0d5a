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
