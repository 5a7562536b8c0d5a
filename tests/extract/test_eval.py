"""The scoring rules of ../shared/cases/SCHEMA.md, each on a small hand-made case."""

from __future__ import annotations

import pytest

from spinemets.extract.eval import evaluate, score_key

EMPTY = {"age": None, "sex": None, "primary_tumor": None, "primary_site": None, "spinal_levels": [],
         "fracture_levels": [], "cord_compression": None, "lesion_type": None, "neuro_deficit": None,
         "other_metastases": [], "ihc_positive": [], "ihc_negative": [], "surgery": None, "radiotherapy": None,
         "chemotherapy": None, "rt_total_dose_gy": None, "rt_fractions": None, "follow_up_months": None}


def tally(key, predicted, gold, accept=None):
    t, _ = score_key(key, predicted, gold, accept)
    return t.correct, t.predicted, t.gold


def test_a_right_scalar_is_one_correct_one_predicted_one_gold() -> None:
    assert tally("age", 45, 45) == (1, 1, 1)


def test_false_is_a_value_like_any_other() -> None:
    assert tally("neuro_deficit", False, False) == (1, 1, 1)
    assert tally("neuro_deficit", False, True) == (0, 1, 1)
    assert tally("neuro_deficit", False, None) == (0, 1, 0)


def test_a_missing_prediction_costs_recall_only() -> None:
    assert tally("surgery", None, True) == (0, 0, 1)


def test_numbers_match_within_one_percent() -> None:
    assert tally("follow_up_months", 2.07, 2.075) == (1, 1, 1)
    assert tally("follow_up_months", 2.2, 2.0) == (0, 1, 1)


def test_booleans_never_equal_numbers() -> None:
    assert tally("rt_fractions", True, 1) == (0, 1, 1)


def test_strings_compare_lower_cased() -> None:
    assert tally("primary_tumor", "Leiomyosarcoma", "leiomyosarcoma") == (1, 1, 1)


def test_marker_synonyms_map_to_one_name() -> None:
    assert tally("ihc_negative", ["S-100 protein", "cluster of differentiation 34"], ["S100", "CD34"]) == (2, 2, 2)


def test_levels_compare_upper_cased_and_each_gold_element_matches_once() -> None:
    assert tally("spinal_levels", ["c6", "C6"], ["C6"]) == (1, 2, 1)


def test_accepted_scalar_scores_right() -> None:
    assert tally("primary_site", "toe", "skin", ["toe"]) == (1, 1, 1)


def test_accepted_scalar_where_gold_is_null_is_neither_right_nor_wrong() -> None:
    assert tally("radiotherapy", True, None, [True]) == (0, 0, 0)


def test_accepted_list_extra_is_not_counted_against() -> None:
    assert tally("spinal_levels", ["S1"], [], ["S1"]) == (0, 0, 0)
    assert tally("spinal_levels", ["S1", "S2"], [], ["S1"]) == (0, 1, 0)


def test_micro_scores_pool_every_key_and_case() -> None:
    gold = dict(EMPTY, age=45, sex="male", spinal_levels=["C6", "C7"])
    predicted = dict(EMPTY, age=45, sex="female", spinal_levels=["C6"])
    report = evaluate([("one", predicted, gold)])
    micro = report.micro
    assert (micro.correct, micro.predicted, micro.gold) == (2, 3, 4)
    assert micro.precision == pytest.approx(2 / 3) and micro.recall == pytest.approx(0.5)
    assert micro.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert {(e.key, e.kind) for e in report.errors} == {("sex", "wrong"), ("spinal_levels", "missed")}
