"""Worked examples of kps: Karnofsky DA, Burchenal JH 1949 (KPS).

The examples live beside the table in
src/spinemets/knowledge/data/scores/kps.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("kps"))
def test_worked_example(name):
    check_example("kps", name)
