"""Forms met in held-out set 60 (round 36, session 8: longer texts with stain panels), each written here in our own
words: one behaviour per test. Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_markers_outside_the_vocabulary_named_with_a_space_or_a_slash() -> None:
    text = ("A 79-year-old man had an L3 mass. The tumour was positive for arginase 1 and HepPar1 and negative for "
            "CK19 and OCT3/4.")
    out = schema(text)
    assert out["ihc_positive"] == ["arginase 1", "HepPar1"]
    assert out["ihc_negative"] == ["CK19", "OCT3/4"]


def test_light_chains_written_as_greek_letters() -> None:
    text = "A 70-year-old man had a T9 plasmacytoma. The cells were positive for CD138 and negative for κ and λ."
    out = schema(text)
    assert out["ihc_negative"] == ["κ", "λ"]


def test_a_figure_call_inside_a_stain_list() -> None:
    text = ("A 61-year-old woman had a T4 lesion. The tumour was positive for CK7 (panels C and D), napsin A (Fig. 2) "
            "and TTF-1.")
    assert schema(text)["ihc_positive"] == ["CK7", "napsin A", "TTF-1"]


def test_a_stain_list_ends_at_despite() -> None:
    text = "A 58-year-old man had a C5 lesion. Tumour cells were negative for AFP despite a raised serum AFP."
    assert schema(text)["ihc_negative"] == ["AFP"]


def test_a_rib_fracture_is_no_vertebral_fracture() -> None:
    text = "An 80-year-old man with back pain, a rib fracture and a lytic L2 lesion was diagnosed with myeloma."
    assert schema(text)["fracture_levels"] == []


def test_a_fracture_of_the_femur_is_no_vertebral_fracture() -> None:
    text = "A 70-year-old woman had a T9 metastasis of breast cancer and a pathological fracture of the left femur."
    assert schema(text)["fracture_levels"] == []


def test_a_vertebral_fracture_beside_a_rib_lesion_stays() -> None:
    """Guard: the rib names another lesion, not the fracture."""
    text = "A 70-year-old woman had rib lesions and a pathological fracture of T9 from breast cancer."
    assert schema(text)["fracture_levels"] == ["T9"]


def test_bone_named_last_in_a_list_of_organs() -> None:
    text = ("A 60-year-old man had small cell lung cancer and a conus lesion. Staging showed multiple metastases "
            "including the adrenal gland, brain, and bone.")
    assert schema(text)["other_metastases"] == ["adrenal", "brain", "bone"]


def test_the_course_told_looking_back_when_no_other_is_written() -> None:
    text = ("A 68-year-old man with lung adenocarcinoma received T12-L2 vertebral radiotherapy and pembrolizumab. "
            "Myelitis appeared in the area previously irradiated with 30 Gy in 10 fractions to the spine.")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (30.0, 10)


def test_a_course_of_the_present_outranks_one_told_looking_back() -> None:
    """Guard: the present course's dose is the one reported."""
    text = ("A 68-year-old man had a T12 metastasis previously irradiated with 30 Gy in 10 fractions to the spine. "
            "He now received stereotactic radiotherapy to T12, 24 Gy in 2 fractions.")
    out = schema(text)
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (24.0, 2)


def test_no_mass_effect_on_the_distal_cord() -> None:
    text = "A 50-year-old woman had breast cancer with a T12 collapse. No mass effect on the distal spinal cord."
    assert schema(text)["cord_compression"] is False


def test_a_fracture_of_the_vertebral_plate_names_its_level() -> None:
    text = ("A 50-year-old woman had breast cancer with a T12 collapse. There is also a mild fracture of the inferior "
            "vertebral plate of L2.")
    assert schema(text)["fracture_levels"] == ["T12", "L2"]


def test_an_imaging_study_months_after_the_operation() -> None:
    text = ("A 72-year-old man had a C4 paraganglioma metastasis and underwent laminectomy and fusion. A magnetic "
            "resonance imaging study performed three months after the surgery showed a smaller tumour.")
    assert schema(text)["follow_up_months"] == 3
