"""Worked examples of bauer_modified: Leithner A et al. Eur Spine J 2008;17(11):1488-95; examples derived
in scores.md section 7.

The examples live beside the table in
src/spinemets/knowledge/data/scores/bauer_modified.yaml (with their source).
"""

from __future__ import annotations

import pytest
from tests.published._examples import check_example, example_ids


@pytest.mark.parametrize("name", example_ids("bauer_modified"))
def test_worked_example(name):
    check_example("bauer_modified", name)


def test_original_and_modified_disagree_where_the_reference_says_they_do():
    """scores.md section 7: no fracture plus one other favourable factor is band 2 (original) but band 1
    (modified); fracture plus three favourable factors scores 3 in both, in different bands."""
    from spinemets.scores import calculate

    one = {
        "no_visceral": "yes",
        "solitary_skeletal": "no",
        "not_lung_cancer": "no",
        "favourable_primary": "no",
    }
    original = calculate("bauer", {**one, "no_pathological_fracture": "yes"})
    modified = calculate("bauer_modified", one)
    assert (original.total, original.category) == (2, "> 6 months")
    assert (modified.total, modified.category) == (1, "< 6 months")
    three = {
        "no_visceral": "yes",
        "solitary_skeletal": "yes",
        "not_lung_cancer": "yes",
        "favourable_primary": "no",
    }
    assert calculate("bauer", {**three, "no_pathological_fracture": "no"}).category == "> 6 months"
    assert calculate("bauer_modified", three).category == "> 12 months"
