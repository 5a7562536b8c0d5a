"""Worked examples of tokuhashi_revised: Tokuhashi Y et al. Spine 2005;30(19):2186-91; examples derived
in scores.md section 5.

The examples live beside the table in
src/spinemets/knowledge/data/scores/tokuhashi_revised.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("tokuhashi_revised"))
def test_worked_example(name):
    check_example("tokuhashi_revised", name)


def test_range_0_to_15_and_bands():
    """Tokuhashi 2005: total 0-15; 0-8 < 6 months, 9-11 >= 6 months, 12-15 >= 1 year."""
    from spinemets.scores import calculate

    assert calculate("tokuhashi_revised", {}).range == [0, 15]
    assert calculate("tokuhashi_revised", {}).categories == ["< 6 months", ">= 6 months", ">= 1 year"]
