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
