"""The seed case (examples/leiomyosarcoma-c6.yaml) scored field by field against
../shared/reference/scores.md section 13, wherever the result does not rest on that section's documented
assumptions A1-A7 (performance status, staging, resectability, neurology, labs). Where it does, the
reference's base case must lie inside our range, and our range must not be narrower than the facts allow.
"""

from __future__ import annotations

import pytest

from spinemets.scores import score_all, score_level


@pytest.fixture(scope="module")
def scores(seed_case):
    return score_all(seed_case)


def test_sins_scores_the_index_level_c6_and_spans_two_categories(scores):
    sins = scores["sins"]
    assert sins.level == "C6"
    points = {i.item: (i.points, i.possible) for i in sins.items}
    assert points["location"] == (2, [2])  # C6: mobile spine (13.1, stated)
    assert points["bone"] == (2, [2])  # osteolytic (stated)
    assert points["pain"] == (None, [1, 3])  # pain stated, mechanical character not stated
    assert points["alignment"] == (None, [0, 2, 4])  # not stated
    assert points["posterolateral"] == (None, [0, 1, 3])  # not stated
    # The seed file records collapse > 50% ("total destruction ... vertebral collapse"; the reference's A6).
    assert points["collapse"] == (3, [3])
    assert sins.range == [8, 17] and sins.total is None
    assert sins.category is None and sins.categories == ["potentially unstable", "unstable"]
    assert 10 in range(sins.range[0], sins.range[1] + 1)  # the reference's base case
    assert {m.fact for m in sins.missing} == {
        "lesions[C6].pain",
        "lesions[C6].alignment",
        "lesions[C6].posterolateral",
    }


def test_sins_without_the_collapse_assumption_is_7_to_17(seed_case):
    # Section 13.1 gives 7-17: that lower bound needs collapse < 50% (its variant of A6). With the degree of
    # collapse unknown, the recorded pathological fracture still narrows collapse to <50% or >50%.
    data = seed_case.model_copy(deep=True)
    data.lesions[4].collapse = None
    sins = score_all(data)["sins"]
    assert sins.range == [7, 17] and sins.category is None
    assert sins.categories == ["potentially unstable", "unstable"]
    collapse = next(i for i in sins.items if i.item == "collapse")
    assert collapse.options == ["more_than_50", "less_than_50"]


def test_escc_is_high_grade_2_or_3(scores):
    escc = scores["escc"]
    assert escc.level == "C6" and escc.total is None and escc.range == ["2", "3"]
    assert escc.category == "high grade"  # 13.2: high grade either way
    assert [m.fact for m in escc.missing] == ["lesions[C6].csf_visible_around_cord"]


def test_bauer_scores_do_not_depend_on_any_unstated_fact(scores):
    # 13.7: original 1/5 and modified 1/4, worst band.
    for key in ("bauer", "bauer_modified"):
        assert scores[key].total == 1 and scores[key].category == "< 6 months" and scores[key].missing == []
    reasons = {i.item: i.option for i in scores["bauer"].items}
    assert reasons == {
        "no_visceral": "no",
        "solitary_skeletal": "no",
        "not_lung_cancer": "yes",
        "favourable_primary": "no",
        "no_pathological_fracture": "no",
    }


def test_tomita_is_6_to_10_because_sarcoma_growth_and_treatability_are_open(scores):
    tomita = scores["tomita"]
    assert tomita.range == [6, 10] and tomita.category is None  # 13.6
    items = {i.item: i for i in tomita.items}
    assert items["primary_growth"].options == ["moderate", "rapid"]
    assert items["visceral"].options == ["treatable", "untreatable"]
    assert items["bone"].option == "multiple"


def test_tokuhashi_fixed_items_match_the_reference_and_the_range_holds_its_base_case(scores):
    tokuhashi = scores["tokuhashi_revised"]
    items = {i.item: i for i in tokuhashi.items}
    assert items["vertebral_body"].points == 0  # 8 vertebrae (stated)
    assert items["primary_site"].points == 2  # leiomyosarcoma of the thigh -> "others" (interpretive)
    assert items["internal_organs"].possible == [0, 1]  # lung metastases, removability not stated
    assert tokuhashi.range == [2, 9]
    assert tokuhashi.range[0] <= 8 <= tokuhashi.range[1]  # base case 8 of 13.5
    assert tokuhashi.categories == ["< 6 months", ">= 6 months"]
    assert any("others" in note and "Interpretive" in note for note in tokuhashi.notes)


def test_nesms_is_0_to_2(scores):
    # 13.8: modified Bauer 1 gives 0 points; ambulation and albumin are not stated.
    nesms = scores["nesms"]
    assert nesms.range == [0, 2] and nesms.total is None
    assert {i.item: i.option for i in nesms.items}["modified_bauer"] == "low"


def test_katagiri_fixed_items_and_range(scores):
    katagiri = scores["katagiri_new"]
    items = {i.item: i for i in katagiri.items}
    assert items["primary_lesion"].points == 2  # sarcoma: moderate growth
    assert items["multiple_skeletal"].points == 1
    assert items["visceral"].possible == [1, 2]  # lung metastases; nodular versus disseminated not stated
    assert katagiri.range == [4, 9] and katagiri.range[0] <= 4  # base case 4 (13.9)
    assert any("reported normal" in note for note in katagiri.notes)


def test_performance_and_neurology_stay_open(scores):
    assert scores["ecog"].range == [0, 4] and scores["kps"].range == [10, 100]
    assert scores["frankel"].range == ["A", "E"]  # a sensory deficit, motor status not stated
    assert any("radicular" in note for note in scores["asia"].notes)


def test_rades_and_osri_are_listed_as_not_available(scores):
    assert scores["rades"].available is False and scores["osri"].available is False


def test_each_missing_fact_lists_every_score_it_would_settle(scores):
    staging = [m for r in scores.values() for m in r.missing if m.fact == "staging_complete"]
    assert staging and {"tokuhashi_revised"} <= set(staging[0].scores)
    pain = next(m for m in scores["sins"].missing if m.fact == "lesions[C6].pain")
    assert pain.scores == ["sins"]


def test_every_involved_level_can_be_scored(seed_case):
    c2 = score_level(seed_case, "sins", "C2")
    assert c2.level == "C2"
    assert {i.item: i.option for i in c2.items}["location"] == "junctional"
    everything = score_all(seed_case, all_levels=True)
    assert {"sins[C2]", "sins[T2]", "escc[C6]"} <= set(everything)


def test_each_score_shows_only_the_interpretive_notes_about_itself(scores):
    tokuhashi_notes = " ".join(scores["tokuhashi_revised"].notes)
    tomita_notes = " ".join(scores["tomita"].notes)
    assert "others" in tokuhashi_notes and "clinician" not in tokuhashi_notes
    assert "clinician" in tomita_notes and "others" not in tomita_notes
    assert not any("radio" in note for note in scores["bauer"].notes)
