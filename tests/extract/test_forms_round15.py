"""Forms met in held-out sets T and U (round 15), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_a_metastatic_tumour_named_by_a_compound_word_with_its_organs() -> None:
    text = "We report a metastatic choriocarcinoma to the brain and the L3 vertebra in a 33-year-old woman."
    assert schema(text)["other_metastases"] == ["brain"]


def test_levels_inside_a_list_of_metastatic_sites() -> None:
    text = "Imaging showed multiple metastases at T8, T11, T12 and the pelvis of the woman."
    out = schema(text)
    assert out["other_metastases"] == ["bone"] and out["spinal_levels"] == ["T8", "T11", "T12"]


def test_sites_joined_by_slashes_at_the_skull_base() -> None:
    out = schema("A 60-year-old woman had an occipital condyle/clivus/C1 vertebra metastasis of thyroid carcinoma.")
    assert out["other_metastases"] == ["bone"]


def test_a_pathological_fracture_of_another_bone() -> None:
    text = "A 70-year-old man with an L2 metastasis had a pathological fracture of the left humerus."
    assert schema(text)["other_metastases"] == ["bone"]


def test_neural_compression() -> None:
    assert schema("MRI showed epidural masses at T10 causing neural compression.")["cord_compression"] is True


def test_a_structured_abstract_tells_the_case_under_method_and_result() -> None:
    text = ("Abstract\n\nObjective: Intramedullary metastases are rare.\n"
            "Method: We describe a 61-year-old woman admitted with tetraplegia from a C3-C4 intramedullary mass.\n"
            "Result: The patient underwent surgical treatment and the tumour was resected.\n"
            "Conclusion: Such metastases should be considered.\n\n"
            "Case report\n\nThis 61-year-old woman had numbness below the clavicle and weakness of all four limbs.")
    assert schema(text)["surgery"] is True


def test_headings_inside_an_abstract_paragraph() -> None:
    text = ("Abstract\nBackground. Intramedullary metastases are rare. Case Description. We report a 74-year-old woman "
            "with an intramedullary T10 metastasis. She went under surgery. Conclusion. Whole-body imaging is advised."
            "\n\nCase report\nThe woman had numbness of both legs.")
    assert schema(text)["surgery"] is True


def test_a_study_design_of_case_report_is_no_heading() -> None:  # guard
    text = ("Study Design. Case report. Objective. To discuss paraganglioma of the spine. Methods. A 71-year-old man "
            "reported neck pain from a C6 lesion.")
    out = schema(text)
    assert (out["age"], out["spinal_levels"]) == (71, ["C6"])


def test_wilms_tumour_and_epithelioid_haemangioendothelioma() -> None:
    out = schema("A 25-year-old man with a blastemal Wilms' tumour had a lumbosacral metastasis at L5.")
    assert (out["primary_tumor"], out["primary_site"]) == ("wilms tumor", "kidney")
    assert schema("An epithelioid hemangioendothelioma of the T5 vertebra was resected.")["primary_tumor"] == \
        "epithelioid hemangioendothelioma"


def test_an_intracranial_primary_is_the_brains() -> None:
    text = "We present a case of intracranial hemangiopericytoma metastasized to the L2 vertebral body."
    assert schema(text)["primary_site"] == "brain"


def test_cerebral_metastases_are_no_brain_primary() -> None:  # guard
    text = "Spinal and cerebral leptomeningeal melanoma metastases were seen at T9 and L2."
    assert schema(text)["primary_site"] is None
