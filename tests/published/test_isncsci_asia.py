"""Worked examples of asia: ISNCSCI AIS grades (PMC4303793 Table 1); example derived in scores.md section 3.

The examples live beside the table in
src/spinemets/knowledge/data/scores/asia.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("asia"))
def test_worked_example(name):
    check_example("asia", name)
