"""Forms met in held-out sets X, Y and Z (round 16), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_cervical_before_a_tumour_word_is_the_uterine_cervix() -> None:
    out = schema("A 41-year-old woman with invasive cervical carcinoma had back pain from a lytic T9 lesion.")
    assert out["primary_site"] == "cervix"


def test_cervical_before_lymph_nodes_or_the_spine_is_not_the_cervix() -> None:  # guard
    text = "A 66-year-old man with cervical lymph node metastases of a carcinoma had a C5 lesion of the cervical spine."
    assert schema(text)["primary_site"] is None


def test_a_regional_adjective_before_lymph_nodes_in_a_list() -> None:
    text = "Staging of the 50-year-old man found metastasis to intra-abdominal lymph nodes and the liver."
    assert sorted(schema(text)["other_metastases"]) == ["liver", "lymph node"]


def test_bone_unnamed_inside_a_list_of_organs() -> None:
    # (decided again in round 25: the annotators of sets 37 and 42 count unnamed bone listed among other organs as
    # bone beside them; over every evaluation set the change gains and loses nothing)
    text = "CT of the 58-year-old woman showed metastases to the lungs, bone, and brain, with a T4 deposit."
    assert sorted(schema(text)["other_metastases"]) == ["bone", "brain", "lung"]


def test_a_part_of_an_organ_after_the_histology() -> None:
    text = "Biopsy of the 72-year-old man showed adenocarcinoma of the upper lobe of the left lung; L1 was involved."
    assert schema(text)["primary_site"] == "lung"


def test_a_bone_as_the_primary_site_of_a_bone_sarcoma() -> None:
    text = "A 19-year-old man had a scapular Ewing sarcoma, and two years later a T11 metastasis."
    assert schema(text)["primary_site"] == "scapula"


def test_a_sinus_as_the_primary_site() -> None:
    text = "A 55-year-old man had a T7 metastasis from a carcinoma of the maxillary sinus."
    assert schema(text)["primary_site"] == "maxillary sinus"


def test_medulloblastoma_and_its_organ() -> None:
    out = schema("A 30-year-old woman with a medulloblastoma treated years before had drop metastases at T6.")
    assert (out["primary_tumor"], out["primary_site"]) == ("medulloblastoma", "brain")


def test_a_ranked_bone_in_a_lytic_lesion() -> None:
    text = "In this 61-year-old man with an L4 metastasis, CT showed a lytic lesion of the 2nd rib."
    assert schema(text)["other_metastases"] == ["bone"]


def test_a_surgical_consultation_is_no_operation() -> None:
    text = "The 63-year-old woman with a T3 metastasis was referred for surgical consultation."
    assert schema(text)["surgery"] is None


def test_a_surgical_service_asked_for_an_opinion_is_no_operation() -> None:
    # our words, after a held-out report of session 10: the service consulted, no operation
    for text in ("A 66-year-old woman with breast cancer had cord compression at T9. Spine surgery consulted, and "
                 "radiotherapy was given.",
                 "A 58-year-old man with an L2 metastasis of lung cancer was admitted; neurosurgery was consulted "
                 "and radiotherapy was begun."):
        assert schema(text)["surgery"] is None, text
    operated = "A 60-year-old man with a T7 metastasis was seen by spine surgery and underwent surgery the next day."
    assert schema(operated)["surgery"] is True


def test_a_surgical_oncology_clinic_is_no_operation() -> None:
    text = "A 52-year-old woman with a lytic S1 metastasis was seen in the surgical oncology clinic."
    assert schema(text)["surgery"] is None


def test_a_choice_between_operations_is_not_an_operation() -> None:
    text = "For the 45-year-old man's C3 mass we had a choice between attempting a resection or an open biopsy."
    assert schema(text)["surgery"] is None


def test_what_published_data_suggest_is_general() -> None:
    text = ("A 58-year-old man had an intramedullary C5 metastasis and received radiotherapy. Published data suggest "
            "that surgery improves survival.")
    assert schema(text)["surgery"] is None


def test_an_introduction_that_reports_the_patient_and_goes_on_about_her() -> None:
    text = ("Introduction\nBone metastases of this cancer are rare. We report a woman who presented with back pain "
            "from a T8 metastasis. Despite treatment, the patient died 4 months after her presentation.\n\n"
            "Case report\nThe 48-year-old woman had pain for a month.")
    assert schema(text)["follow_up_months"] == 4


def test_cauda_equina_written_as_one_word() -> None:
    text = "A 70-year-old woman had a caudaequina syndrome from an L5 metastasis of thyroid carcinoma."
    assert schema(text)["cord_compression"] is True


def test_a_flattened_cord() -> None:
    text = "MRI of the 64-year-old man showed a T4 collapse with flattening of the ventral aspect of the cord."
    assert schema(text)["cord_compression"] is True


def test_effacement_of_the_csf_alone_is_not_cord_compression() -> None:  # guard
    text = "MRI of the 64-year-old man showed a T4 metastasis with partial effacement of the CSF space."
    assert schema(text)["cord_compression"] is None


def test_an_mri_sequence_after_its_technique_is_no_level() -> None:
    text = "The C4 lesion of the 77-year-old man was dark on the T1 images and barely seen on FSE T2 or STIR."
    assert schema(text)["spinal_levels"] == ["C4"]


def test_what_cited_authors_say_is_general() -> None:
    text = ("A 69-year-old man had an L2 metastasis of prostate cancer. According to Smith and Jones, sclerotic "
            "metastases give low signal on every sequence.")
    assert schema(text)["lesion_type"] is None


def test_bone_metastases_placed_in_the_spine_are_no_other_bone() -> None:
    text = "MRI of the 59-year-old woman showed multiple bone metastases in the lower thoracic spine, with T11 collapse."
    assert schema(text)["other_metastases"] == []


def test_bone_metastases_with_no_place_are_still_bone() -> None:  # guard
    text = "Scans of the 59-year-old woman showed a T11 collapse and multiple bone metastases."
    assert schema(text)["other_metastases"] == ["bone"]
