"""Worked examples of frankel: Frankel HL et al. Paraplegia 1969 (grades); examples derived in scores.md
section 3.

The examples live beside the table in
src/spinemets/knowledge/data/scores/frankel.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("frankel"))
def test_worked_example(name):
    check_example("frankel", name)
