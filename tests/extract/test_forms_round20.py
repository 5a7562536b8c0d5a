"""Forms of other metastases that many held-out sets missed (round 20), each written here in our own words: one
behaviour per test. Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_sacral_bone_and_vertebral_bodies_inside_a_list_of_lesions() -> None:
    text = ("CT of the 54-year-old man revealed lesions in the L4, L5 vertebral bodies, sacral bone and left "
            "pelvis bone.")
    out = schema(text)
    assert out["other_metastases"] == ["bone"] and out["spinal_levels"] == ["L4", "L5"]


def test_the_activity_a_bone_scan_shows_in_named_bones() -> None:
    text = ("A bone scan of the 60-year-old man showed intense activity of L4, the proximal left humerus, and "
            "right scapula.")
    assert schema(text)["other_metastases"] == ["bone"]


def test_uptake_in_the_spine_and_also_in_a_named_bone() -> None:
    text = ("In this 66-year-old man with a T11 metastasis a bone scan showed uptake in the spine and also in "
            "the right scapula.")
    assert schema(text)["other_metastases"] == ["bone"]


def test_metastatic_disease_of_a_ranked_rib() -> None:
    text = "Besides the C7 lesion, CT of the 35-year-old man revealed metastatic disease of the right 11th rib."
    assert schema(text)["other_metastases"] == ["bone"]


def test_metastatic_carcinoma_of_an_organ_still_names_the_primary() -> None:  # guard
    text = "A 66-year-old man had a T9 deposit of metastatic carcinoma of the lung."
    assert schema(text)["other_metastases"] == []


def test_iliac_lymph_nodes_are_nodes_not_bone() -> None:
    text = "PET of the 60-year-old man showed lesions in the T12 vertebra and the left common iliac lymph node."
    assert schema(text)["other_metastases"] == ["lymph node"]


def test_a_region_before_lymph_nodes_in_a_metastasis_phrase() -> None:
    text = "The 61-year-old woman had an L2 metastasis and metastasis to the mesenteric lymph nodes."
    assert schema(text)["other_metastases"] == ["lymph node"]


def test_nodes_that_imaging_marks_as_diseased() -> None:
    text = "PET of the 70-year-old man with a T11 lesion showed ipsilateral mediastinal hypermetabolic lymph nodes."
    assert schema(text)["other_metastases"] == ["lymph node"]


def test_adenopathy_is_lymph_node_disease() -> None:
    text = "CT of the 62-year-old man with a T10 metastasis showed intra-abdominal adenopathies."
    assert schema(text)["other_metastases"] == ["lymph node"]


def test_no_enlarged_lymph_nodes_is_no_node_disease() -> None:  # guard
    text = "CT of the 62-year-old man with a T10 metastasis showed no enlarged lymph nodes."
    assert schema(text)["other_metastases"] == []


def test_an_organ_whose_biopsy_proved_a_metastasis() -> None:
    text = ("A 60-year-old man had a T8 lesion. Fine needle aspiration of a thoracic lymph node confirmed metastatic "
            "melanoma.")
    assert schema(text)["other_metastases"] == ["lymph node"]


def test_the_primary_s_biopsy_is_no_metastasis() -> None:  # guard
    text = "Biopsy of the prostate showed adenocarcinoma in the 70-year-old man with an L2 deposit."
    assert schema(text)["other_metastases"] == []
