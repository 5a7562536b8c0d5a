"""How case facts map onto score options: partial facts, conversions, worst level, fallbacks, bad input."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLES
from tests.scores._score_helpers import case

from spinemets.casefile import load_case
from spinemets.errors import CaseFileError, InputError, LevelError
from spinemets.scores import score_all, score_level


def test_breast_example_is_fully_determined_where_the_case_is_complete():
    scores = score_all(load_case(EXAMPLES / "breast-t8.yaml"))
    assert (scores["sins"].total, scores["sins"].category) == (4, "stable")  # 1+1+2+0+0+0
    assert scores["tokuhashi_revised"].total == 15 and scores["tokuhashi_revised"].category == ">= 1 year"
    assert (scores["tomita"].total, scores["bauer"].total, scores["bauer_modified"].total) == (2, 5, 4)
    assert scores["nesms"].total == 3
    # Katagiri: breast cancer's group needs hormone dependence, which the case does not state
    katagiri = scores["katagiri_new"]
    assert katagiri.range == [0, 2] and katagiri.category == "low risk"


def test_renal_example():
    scores = score_all(load_case(EXAMPLES / "renal-l2.yaml"))
    assert scores["sins"].level == "L2" and scores["sins"].total == 10
    assert scores["escc"].total == "3" and scores["frankel"].total == "C"
    assert scores["tokuhashi_revised"].total == 6  # 0+1+1+0+3+1
    assert scores["tomita"].total == 8  # 2+4+2
    assert scores["katagiri_new"].range == [7, 8]  # lung metastases nodular or disseminated


def test_neural_compression_without_grade_gives_escc_2_or_3_and_csf_settles_it():
    base = dict(lesions=[{"level": "T5", "neural_compression": True}])
    assert score_all(case(**base))["escc"].range == ["2", "3"]
    settled = case(lesions=[{"level": "T5", "neural_compression": True, "csf_visible_around_cord": False}])
    assert score_all(settled)["escc"].total == "3"
    free = score_all(case(lesions=[{"level": "T5", "neural_compression": False}]))["escc"]
    assert free.range == ["0", "1c"] and free.category == "low grade"


def test_ecog_is_converted_to_kps_with_the_named_mapping_and_the_choice_is_selectable():
    c = case(performance={"ecog": 2})
    default = score_all(c)["tokuhashi_revised"]
    item = next(i for i in default.items if i.item == "general_condition")
    assert item.options == ["moderate"]  # Ma 2010: ECOG 2 -> KPS 60-70
    assert default.conversions == ["KPS 60-70 from ECOG 2 by the Ma et al. 2010 empirical mapping (ma2010)"]
    assert score_all(c)["kps"].range == [60, 70]
    common = score_all(c, variants={"performance_mapping": "common"})["kps"]
    assert common.range == [50, 60] and "common" in common.conversions[0]


def test_kps_70_is_ecog_1_or_2_depending_on_the_mapping_which_moves_katagiri():
    c = case(performance={"kps": 70})
    assert score_all(c)["ecog"].total == 2  # Ma 2010
    assert score_all(c, variants={"performance_mapping": "common"})["ecog"].total == 1
    c50 = case(performance={"kps": 50})
    katagiri = {i.item: i for i in score_all(c50)["katagiri_new"].items}
    assert katagiri["ecog_3_4"].option == "yes"  # KPS 50 -> ECOG 3 (Ma)


def test_frankel_e_with_numbness_follows_the_selected_variant():
    c = case(neurology={"motor_deficit": False, "sensory_deficit": True})
    assert score_all(c)["frankel"].total == "E"
    assert score_all(c, variants={"frankel_e": "strict"})["frankel"].total == "D"
    palsy = {
        i.item: i.option for i in score_all(c, variants={"frankel_e": "strict"})["tokuhashi_revised"].items
    }
    assert palsy["palsy"] == "incomplete"


def test_walking_independently_excludes_frankel_a_to_c():
    c = case(neurology={"ambulation": "independent"})
    assert score_all(c)["frankel"].range == ["D", "E"]


def test_bauer_brain_variant():
    c = case(metastases=[{"organ": "brain", "present": True}], staging_complete=True)
    assert {i.item: i.option for i in score_all(c)["bauer"].items}["no_visceral"] == "no"
    loose = score_all(c, variants={"bauer_brain": "visceral_only"})["bauer"]
    assert {i.item: i.option for i in loose.items}["no_visceral"] == "yes"
    assert loose.variant == "bauer_brain=visceral_only"


def test_chest_wall_soft_tissue_and_nodes_are_not_visceral_but_the_liver_is():
    soft = [{"organ": organ, "present": True} for organ in ("chest wall", "abdominal wall", "soft tissue", "lymph node")]
    c = case(metastases=soft, staging_complete=True)
    assert {i.item: i.option for i in score_all(c)["bauer"].items}["no_visceral"] == "yes"
    liver = case(metastases=[*soft, {"organ": "liver", "present": True}], staging_complete=True)
    assert {i.item: i.option for i in score_all(liver)["bauer"].items}["no_visceral"] == "no"


def test_unknown_histology_is_not_an_error_but_an_open_item_with_a_stated_fallback():
    scores = score_all(case(primary={"histology": "blastoma of the elbow"}))
    tomita = scores["tomita"]
    growth = next(i for i in tomita.items if i.item == "primary_growth")
    assert growth.options == ["slow", "moderate", "rapid"]
    assert any("not in the spinemets histology catalogue" in note for note in tomita.notes)


def test_worst_level_is_scored_when_no_index_level_is_given():
    c = case(
        lesions=[
            {"level": "T7", "bone": "blastic", "pain": "none"},
            {"level": "L1", "bone": "lytic", "pain": "mechanical", "collapse": "less_than_50"},
        ]
    )
    sins = score_all(c)["sins"]
    assert sins.level == "L1"
    assert any("worst" in note for note in sins.notes)


def test_labs_map_to_katagiri_tiers():
    def lab_item(**labs):
        items = {i.item: i for i in score_all(case(labs=labs))["katagiri_new"].items}
        return items["laboratory"].options

    assert lab_item(platelets_10e9_l=80) == ["critical"]
    assert lab_item(crp_mg_dl=2.0, platelets_10e9_l=200, calcium_mg_dl=9.5, bilirubin_mg_dl=0.5) == [
        "abnormal"
    ]
    assert lab_item(albumin_g_dl=3.6) == ["abnormal", "critical"]  # 3.6 < 3.7: abnormal; critical unknown
    normal = dict(
        crp_mg_dl=0.1,
        ldh_u_l=180,
        albumin_g_dl=4.0,
        platelets_10e9_l=250,
        calcium_mg_dl=9.4,
        bilirubin_mg_dl=0.5,
    )
    assert lab_item(**normal) == ["normal"]
    assert lab_item(**{**normal, "calcium_mg_dl": 10.3}) == ["critical"]  # the cut-off itself is critical


def test_nesms_albumin_cut_off_at_3_5():
    def albumin(value):
        return {i.item: i.option for i in score_all(case(labs={"albumin_g_dl": value}))["nesms"].items}[
            "albumin"
        ]

    assert (albumin(3.4), albumin(3.5)) == ("low", "normal")


def test_a_level_not_involved_is_a_clear_error(seed_case):
    with pytest.raises(InputError) as caught:
        score_level(seed_case, "sins", "L4")
    problem = caught.value.problems[0]
    assert problem.field == "level" and problem.value == "L4" and "C2" in problem.allowed
    with pytest.raises(LevelError):
        score_level(seed_case, "sins", "L6")
    with pytest.raises(InputError):
        score_level(seed_case, "tomita", "C6")


@pytest.mark.parametrize(
    "section, field, value",
    [
        ("performance", "kps", 55),
        ("performance", "ecog", 7),
        ("labs", "albumin_g_dl", -1.0),
    ],
)
def test_bad_case_values_are_refused_naming_field_value_and_allowed(section, field, value):
    with pytest.raises(CaseFileError) as caught:
        case(**{section: {field: value}})
    problem = caught.value.problems[0]
    assert problem.field == f"{section}.{field}" and problem.value == value and problem.allowed


def test_kps_0_is_outside_tokuhashi_and_leaves_the_item_open_rather_than_failing():
    result = score_all(case(performance={"kps": 0}))
    item = next(i for i in result["tokuhashi_revised"].items if i.item == "general_condition")
    assert item.options == ["poor", "moderate", "good"] and "outside" in item.reason
    assert result["kps"].total == 0 and result["kps"].category == "unable to care for self"


def test_a_case_without_spinal_lesions_asks_once_which_vertebrae_are_involved():
    scores = score_all(case(primary={"histology": "melanoma"}))
    assert scores["sins"].level is None and scores["sins"].range == [0, 18]
    assert [m.fact for m in scores["sins"].missing] == ["lesions"]
    assert [m.fact for m in scores["escc"].missing] == ["lesions"]


def test_without_an_index_level_sins_and_escc_score_the_same_worst_level():
    # T11 has nothing recorded beyond lytic bone; L2 has a known high-grade compression and collapse.
    c = case(
        lesions=[
            {"level": "T11", "bone": "lytic"},
            {"level": "L2", "bone": "lytic", "collapse": "less_than_50", "escc": "3", "pain": "mechanical"},
        ]
    )
    results = score_all(c)
    assert results["sins"].level == results["escc"].level == "L2"
    assert results["escc"].total == "3"
