"""Forms met in held-out sets 16 and 17 (round 11), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_stains_named_with_their_gene_descriptions() -> None:
    text = ("The T12 tumour cells stained diffusely for CD99, ETS transcription factor ERG and Fli-1 "
            "proto-oncogene.")
    assert schema(text)["ihc_positive"] == ["CD99", "ERG", "FLI1"]


def test_an_imaging_test_reported_negative_is_no_stain() -> None:
    text = "Bone scintigraphy and FDG-PET were negative apart from the L2 fracture."
    assert schema(text)["ihc_negative"] == []


def test_olfactory_neuroblastoma_and_its_cavity() -> None:
    out = schema("Eight years after resection of an olfactory neuroblastoma he had a T11 metastasis.")
    assert (out["primary_tumor"], out["primary_site"]) == ("esthesioneuroblastoma", "nasal cavity")


def test_a_phyllodes_tumour_is_the_breasts() -> None:
    out = schema("She had a malignant phyllodes tumour excised two years before the C4 collapse.")
    assert (out["primary_tumor"], out["primary_site"]) == ("phyllodes tumor", "breast")


def test_metastases_including_named_organs() -> None:
    text = "Staging of the man with the L3 metastasis showed multiple metastases including the adrenal gland and brain."
    assert sorted(schema(text)["other_metastases"]) == ["adrenal", "brain"]


def test_lesions_throughout_the_appendicular_skeleton() -> None:
    text = "CT showed mixed lesions throughout the axial and appendicular skeleton, with T11 cord compression."
    assert schema(text)["other_metastases"] == ["bone"]


def test_a_time_after_the_diagnosis_of_the_spinal_metastasis() -> None:
    text = "He had an L1 metastasis resected. At 5 months after the diagnosis of lumbar metastasis, the disease progressed."
    assert schema(text)["follow_up_months"] == 5


def test_the_time_between_the_operation_and_death() -> None:
    text = "He had a C6 laminectomy. During the 3 months between the spinal surgery and his death he stayed stable."
    assert schema(text)["follow_up_months"] == 3


def test_a_later_state_told_with_later() -> None:
    assert schema("After radiotherapy to T7 the lymphoma is in remission 14 months later.")["follow_up_months"] == 14
    assert schema("The T5 plasmacytoma was irradiated. Four months later, the weakness had resolved.")[
        "follow_up_months"] == 4


def test_a_time_point_that_opens_the_presentation_is_no_follow_up() -> None:
    text = ("He underwent resection of the nasal tumour. Nine months after the surgery, he consulted us for neck pain "
            "from a C5 metastasis. He died 2 months after the spinal surgery.")
    assert schema(text)["follow_up_months"] == 2


def test_an_organ_of_another_cancer_is_not_the_primary_site() -> None:
    text = "A 65-year-old man with melanoma had T9 and L2 metastases. History of prostate cancer."
    assert schema(text)["primary_site"] is None


def test_the_origin_named_with_the_histology_wins_over_an_old_vaguer_cancer() -> None:
    text = ("A man treated for laryngeal cancer 12 years ago had an L1 lesion. The biopsy showed adenocarcinoma "
            "with pulmonary origin.")
    assert schema(text)["primary_site"] == "lung"


def test_what_guidelines_recommend_is_general() -> None:
    text = ("Guidelines recommend against endoscopy in the work-up of adenocarcinoma of unknown primary. Our patient had "
            "a T11 metastasis; colonoscopy confirmed a primary colonic adenocarcinoma.")
    assert schema(text)["primary_site"] == "colon"
