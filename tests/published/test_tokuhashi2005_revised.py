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


def test_every_combination_matches_a_second_reading_of_the_table():
    """Second, independent reading of the revised Tokuhashi table (scores.md section 5), every combination."""
    from itertools import product

    from spinemets.scores import calculate

    reading = {
        "general_condition": {"poor": 0, "moderate": 1, "good": 2},
        "extraspinal_bone": {"three_or_more": 0, "one_or_two": 1, "none": 2},
        "vertebral_body": {"three_or_more": 0, "two": 1, "one": 2},
        "internal_organs": {"unremovable": 0, "removable": 1, "none": 2},
        "primary_site": {
            "lung_stomach_bladder_esophagus_pancreas_osteosarcoma": 0,
            "liver_gallbladder_unidentified": 1,
            "others": 2,
            "kidney_uterus": 3,
            "rectum": 4,
            "thyroid_breast_prostate_carcinoid": 5,
        },
        "palsy": {"complete": 0, "incomplete": 1, "none": 2},
    }
    names = list(reading)
    for combo in product(*(reading[n] for n in names)):
        expected = sum(reading[n][c] for n, c in zip(names, combo))
        band = "< 6 months" if expected <= 8 else ">= 6 months" if expected <= 11 else ">= 1 year"
        result = calculate("tokuhashi_revised", dict(zip(names, combo)))
        assert (result.total, result.category) == (expected, band), combo
