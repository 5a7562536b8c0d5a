"""Worked examples of escc: Bilsky MH et al. J Neurosurg Spine 2010;13(3):324-8 (ESCC); examples derived
in scores.md section 2.

The examples live beside the table in
src/spinemets/knowledge/data/scores/escc.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("escc"))
def test_worked_example(name):
    check_example("escc", name)
