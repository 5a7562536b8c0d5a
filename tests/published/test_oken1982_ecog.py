"""Worked examples of ecog: Oken MM et al. Am J Clin Oncol 1982 (ECOG grades).

The examples live beside the table in
src/spinemets/knowledge/data/scores/ecog.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("ecog"))
def test_worked_example(name):
    check_example("ecog", name)
