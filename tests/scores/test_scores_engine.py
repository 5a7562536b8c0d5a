"""The engine: sums, ranges over open items, categories spanned, missing facts, variants, bad input."""

from __future__ import annotations

import pytest
from tests.scores._score_helpers import inputs_for_total

from spinemets.errors import InputError, UnknownNameError
from spinemets.knowledge.tables import SCORE_KEYS, score_table
from spinemets.scores import calculate, score_catalogue

POINT_SCORES = [k for k in SCORE_KEYS if score_table(k).available and not score_table(k).is_grade]


def test_every_published_score_is_listed_and_rades_osri_are_unavailable_with_a_reason():
    keys = [entry["key"] for entry in score_catalogue()]
    assert keys == [
        "sins",
        "escc",
        "frankel",
        "asia",
        "ecog",
        "kps",
        "tokuhashi_revised",
        "tomita",
        "bauer",
        "bauer_modified",
        "nesms",
        "katagiri_new",
        "rades",
        "osri",
    ]
    for key in ("rades", "osri"):
        result = calculate(key, {})
        assert result.available is False
        assert "not" in result.unavailable_reason and len(result.unavailable_reason) > 40
        assert result.total is None and result.citation["doi"] in (None, "10.1002/cncr.23150")


def test_open_items_give_the_range_of_totals_still_possible():
    result = calculate("sins", {"location": "mobile", "pain": "mechanical"})
    # bone 0-2, alignment 0-4, collapse 0-3, posterolateral 0-3 still open
    assert result.total is None
    assert result.range == [5, 17]
    assert result.categories == ["stable", "potentially unstable", "unstable"]
    assert result.category is None and result.meaning is None
    assert {m.fact for m in result.missing} == {"bone", "alignment", "collapse", "posterolateral"}
    assert all(m.question.endswith("?") for m in result.missing)


def test_a_partial_fact_narrows_an_item_to_the_options_it_allows():
    result = calculate(
        "sins",
        {
            "location": "mobile",
            "pain": "mechanical|occasional",
            "bone": "lytic",
            "alignment": "normal",
            "collapse": "more_than_50",
            "posterolateral": "none",
        },
    )
    pain = next(i for i in result.items if i.item == "pain")
    assert pain.possible == [1, 3] and pain.points is None and pain.option is None
    assert result.range == [8, 10] and result.category == "potentially unstable"
    assert result.meaning.startswith("Potentially unstable")


def test_category_is_given_when_every_possible_total_falls_in_one_band():
    result = calculate("tomita", {"primary_growth": "rapid", "visceral": "untreatable"})
    assert result.range == [9, 10] and result.category == "terminal care" and result.total is None


@pytest.mark.parametrize("key", POINT_SCORES)
def test_boundaries_on_both_sides_of_every_cut_off(key):
    table = score_table(key)
    low, high = table.range
    for stratum in table.strata:
        for total in (stratum.min, stratum.max):
            if not low <= total <= high:
                continue
            inputs = inputs_for_total(table, total)
            if inputs is None:  # e.g. KPS 41 cannot occur
                continue
            result = calculate(key, inputs)
            assert result.total == total
            assert result.category == stratum.category, (key, total)
        below = stratum.min - 1
        if low <= below and (inputs := inputs_for_total(table, below)) is not None:
            assert calculate(key, inputs).category != stratum.category


def test_sins_cut_offs_6_7_12_13():
    def sins(**inputs):
        return calculate("sins", inputs)

    six = sins(
        location="junctional",
        pain="mechanical",
        bone="blastic",
        alignment="normal",
        collapse="none",
        posterolateral="none",
    )
    seven = sins(
        location="junctional",
        pain="mechanical",
        bone="mixed",
        alignment="normal",
        collapse="none",
        posterolateral="none",
    )
    twelve = sins(
        location="junctional",
        pain="mechanical",
        bone="lytic",
        alignment="deformity",
        collapse="less_than_50",
        posterolateral="none",
    )
    thirteen = sins(
        location="junctional",
        pain="mechanical",
        bone="lytic",
        alignment="deformity",
        collapse="less_than_50",
        posterolateral="unilateral",
    )
    assert [r.total for r in (six, seven, twelve, thirteen)] == [6, 7, 12, 13]
    assert [r.category for r in (six, seven, twelve, thirteen)] == [
        "stable",
        "potentially unstable",
        "potentially unstable",
        "unstable",
    ]


def test_grades_report_the_grade_string_and_the_lowest_and_highest_possible():
    result = calculate("escc", {"grade": "2|3"})
    assert result.total is None and result.range == ["2", "3"] and result.category == "high grade"
    assert calculate("escc", {"grade": "1c"}).total == "1c"
    open_grade = calculate("escc", {})
    assert open_grade.range == ["0", "3"] and open_grade.categories == ["low grade", "high grade"]
    assert open_grade.category is None


def test_escc_1c_is_low_grade_but_flagged_borderline():
    result = calculate("escc", {"grade": "1c"})
    assert result.category == "low grade"
    assert any("borderline" in note for note in result.notes)
    assert not any("borderline" in note for note in calculate("escc", {"grade": "1b"}).notes)


def test_variants_are_named_selectable_and_shown():
    inputs = {"primary_growth": "rapid", "visceral": "untreatable", "bone": "multiple"}
    default = calculate("tomita", inputs)
    adler = calculate("tomita", inputs, {"tomita_rapid_growth": "3"})
    assert (default.total, adler.total) == (10, 9)
    assert default.variant == "tomita_rapid_growth=4 (default)"
    assert adler.variant == "tomita_rapid_growth=3"


def test_nesms_ceiling_caps_at_three_by_default():
    best = {"modified_bauer": "high", "ambulation": "independent", "albumin": "normal"}
    assert calculate("nesms", best).total == 3
    assert calculate("nesms", best, {"nesms_ceiling": "uncapped"}).total == 4
    assert calculate("nesms", {}).range == [0, 3]


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: calculate("sinz", {}), UnknownNameError),
        (lambda: calculate("sins", {"pian": "mechanical"}), UnknownNameError),
        (lambda: calculate("sins", {"pain": "severe"}), UnknownNameError),
        (lambda: calculate("sins", {"pain": ""}), InputError),
        (lambda: calculate("tomita", {}, {"tomita_rapid": "3"}), UnknownNameError),
        (lambda: calculate("tomita", {}, {"tomita_rapid_growth": "5"}), UnknownNameError),
    ],
)
def test_bad_calculator_input_names_field_value_and_allowed(call, error):
    with pytest.raises(error) as caught:
        call()
    problem = caught.value.problems[0]
    assert problem.value is not None and problem.allowed


def test_unknown_value_error_lists_the_allowed_options():
    with pytest.raises(UnknownNameError) as caught:
        calculate("sins", {"pain": "severe"})
    assert (
        "mechanical" in caught.value.problems[0].allowed and "pain_free" in caught.value.problems[0].allowed
    )


def test_results_serialise_to_plain_json():
    import json

    data = calculate("katagiri_new", {"primary_lesion": "rapid"}).to_json()
    assert json.loads(json.dumps(data)) == data
    assert {"total", "range", "category", "items", "missing", "citation"} <= set(data)
    assert data["citation"]["doi"] == "10.1002/cam4.292"


def test_every_variant_a_table_uses_is_declared_with_a_default_and_why():
    from spinemets.scores._engine import known_variants

    known = known_variants()
    for key in SCORE_KEYS:
        for name in score_table(key).uses_variants:
            assert name in known, (key, name)
            assert known[name].default in known[name].choices and len(known[name].why) > 40
