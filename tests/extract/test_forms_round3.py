"""Forms met at first sight in the fourteenth unseen set (round 3), each in a sentence of our own."""

from __future__ import annotations

import pytest

from tests.extract._forms import schema


# --- levels ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, levels", [
    ("MRI showed an epidural tumour compressing the cord at TH 8.", ["T8"]),
    ("MRI showed an epidural tumour compressing the cord at Th 11 and L1.", ["T11", "L1"]),
])
def test_th_with_a_space_and_in_capitals(text: str, levels: list[str]) -> None:
    assert schema(text)["spinal_levels"] == levels


@pytest.mark.parametrize("text", [
    "Sagittal T1- and T2-weighted images showed a lytic lesion of L3.",
    "Axial T1 and T2 weighted sequences showed a lytic lesion of L3.",
])
def test_paired_sequences_are_not_levels(text: str) -> None:
    assert schema(text)["spinal_levels"] == ["L3"]


# --- histology and site ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, histology, site", [
    ("A 70-year-old man with squamous cell lung cancer had a T5 metastasis.", "squamous cell carcinoma", "lung"),
    ("He had a squamous cell oesophageal carcinoma and a metastasis at C4.", "squamous cell carcinoma", "esophagus"),
])
def test_squamous_cell_with_the_organ_inside_the_name(text: str, histology: str, site: str) -> None:
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == (histology, site)


def test_small_cell_carcinoma_without_an_organ_is_pulmonary() -> None:
    out = schema("A 66-year-old woman had a T9 epidural mass; resection showed metastatic SCLC.")
    assert (out["primary_tumor"], out["primary_site"]) == ("small cell carcinoma", "lung")


def test_small_cell_carcinoma_of_another_organ_keeps_that_organ() -> None:
    out = schema("A 66-year-old woman had a T9 mass from a small cell carcinoma of the bladder.")
    assert out["primary_site"] == "bladder"


# --- neurology and compression ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Two weeks after the diagnosis he developed diplegia from a C3 metastasis.",
    "She was non-ambulatory on arrival because of a T10 metastasis.",
    "He came in after two days of non-ambulation; MRI showed a T10 metastasis.",
])
def test_deficit_words(text: str) -> None:
    assert schema(text)["neuro_deficit"] is True


@pytest.mark.parametrize("text, expected", [
    ("The C4 tumour exerted a mass effect on the spinal cord.", True),
    ("The L4 lesion had a mass effect posteriorly on the cauda equina.", True),
    ("The C3 mass had a mass effect anteriorly on the oesophagus and posteriorly on the cord.", True),
    ("The T4 lesion had no mass effect on the spinal cord.", False),
    ("The T4 lesion caused a mass effect on the adjacent psoas muscle.", None),
])
def test_mass_effect_on_the_cord_is_compression(text: str, expected: bool | None) -> None:
    assert schema(text)["cord_compression"] is expected


# --- follow-up -------------------------------------------------------------------------------------------
def test_death_a_number_of_months_following_the_operation() -> None:
    assert schema("After L2 corpectomy she passed away from liver failure 14 months following the "
                  "operation.")["follow_up_months"] == 14


# --- treatment -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A 58-year-old man with an L2 metastasis also had brain metastases treated with whole-brain irradiation.",
    "A 58-year-old man with an L2 metastasis received prophylactic cranial irradiation.",
])
def test_irradiation_of_another_organ_is_not_spinal_radiotherapy(text: str) -> None:
    assert schema(text)["radiotherapy"] is None


def test_treatment_set_months_ago_is_history_even_after_the_presentation_word() -> None:
    out = schema("A 70-year-old man presenting with a C3 metastasis had chemotherapy for bladder cancer four "
                 "months ago. The C3 lesion was resected.")
    assert out["chemotherapy"] is None
    assert out["surgery"] is True


def test_months_after_irradiation_before_the_presentation_is_history() -> None:
    out = schema("A 70-year-old man had lung cancer. Five months after irradiation he was admitted with leg "
                 "weakness from a T10 metastasis, which was decompressed.")
    assert out["radiotherapy"] is None
    assert out["surgery"] is True


# --- case series: the index patient is the first one introduced -------------------------------------------
def test_a_second_patient_is_not_the_index_patient() -> None:
    out = schema("We report two cases. A 52-year-old woman with myeloma had a C7 epidural mass and received "
                 "chemotherapy. A 61-year-old man with myeloma had an L1 mass and underwent laminectomy. "
                 "Both patients are alive.")
    assert out["age"] == 52 and out["sex"] == "female"
    assert out["spinal_levels"] == ["C7"]
    assert out["surgery"] is None
    assert out["chemotherapy"] is True


def test_case_two_heading_starts_another_patient() -> None:
    out = schema("Case 1\nA 52-year-old woman had a C7 metastasis from breast cancer.\nCase 2\nA 61-year-old man "
                 "had an L1 metastasis from renal cell carcinoma and underwent laminectomy.")
    assert out["spinal_levels"] == ["C7"]
    assert out["primary_site"] == "breast"
    assert out["surgery"] is None


def test_the_same_patient_told_again_is_still_the_index_patient() -> None:
    out = schema("A 52-year-old woman had a C7 metastasis. The 52-year-old patient underwent laminectomy.")
    assert out["surgery"] is True


# --- the same families, other ways of writing them (probed in our own sentences) ---------------------------
@pytest.mark.parametrize("text", [
    "A 60-year-old man had an L3 metastasis and saddle anaesthesia.",
    "A 60-year-old man had an L3 metastasis and acute retention of urine.",
    "A 60-year-old man had a T9 metastasis with loss of bladder control.",
    "A 60-year-old man had a T9 metastasis; motor power was MRC grade 3/5 in both legs.",
    "A 60-year-old man had a T9 metastasis; hip flexion was 3/5 bilaterally.",
    "A 60-year-old man had a T9 metastasis and could not walk.",
    "A 60-year-old man had a C5 metastasis and a positive Hoffmann sign.",
])
def test_more_deficit_forms(text: str) -> None:
    assert schema(text)["neuro_deficit"] is True


def test_neurological_examination_revealing_no_abnormality_is_intact() -> None:
    assert schema("A 60-year-old man had a C5 metastasis; neurological examination revealed no "
                  "abnormality.")["neuro_deficit"] is False


def test_a_grade_five_of_five_is_no_deficit() -> None:
    assert schema("A 60-year-old man had a C5 metastasis and neck pain; power was 5/5 in all limbs.")["neuro_deficit"] \
        is False


@pytest.mark.parametrize("text, levels", [
    ("CT showed a lytic lesion of T-11.", ["T11"]),
    ("CT showed lytic lesions of the C-7 and T-1 vertebrae.", ["C7", "T1"]),
])
def test_levels_written_with_a_hyphen(text: str, levels: list[str]) -> None:
    assert schema(text)["spinal_levels"] == levels


def test_s100_is_not_a_sacral_level() -> None:
    assert schema("The L2 tumour was positive for S-100 and negative for CD-34.")["spinal_levels"] == ["L2"]


@pytest.mark.parametrize("text", [
    "MRI showed a T7 metastasis with epidural extension compressing the neural elements.",
    "MRI showed a T7 metastasis with cord impingement.",
    "MRI showed the cord compressed by a T7 metastasis.",
])
def test_more_compression_forms(text: str) -> None:
    assert schema(text)["cord_compression"] is True


def test_fractured_as_a_verb() -> None:
    assert schema("The L2 vertebral body was fractured.")["fracture_levels"] == ["L2"]


@pytest.mark.parametrize("text, months", [
    ("After T10 corpectomy she did well; eighteen months postoperatively, she remains free of pain.", 18),
    ("After T10 corpectomy the patient is alive 30 months after the diagnosis of the spinal metastasis.", 30),
])
def test_more_follow_up_forms(text: str, months: float) -> None:
    assert schema(text)["follow_up_months"] == months


def test_age_in_a_case_report_header() -> None:
    assert schema("Patient: Female, 63\nFinal Diagnosis: Breast cancer\nShe had an L2 metastasis.")["age"] == 63


@pytest.mark.parametrize("text, histology", [
    ("Biopsy showed infiltrating duct carcinoma of the breast; the T4 lesion was lytic.", "ductal carcinoma"),
    ("Biopsy of T4 showed a metastatic clear cell carcinoma of the kidney.", "clear cell renal cell carcinoma"),
    ("Biopsy of T4 showed metastatic cholangiocarcinoma.", "adenocarcinoma"),
])
def test_more_histology_forms(text: str, histology: str) -> None:
    assert schema(text)["primary_tumor"] == histology


@pytest.mark.parametrize("text, site", [
    ("A 60-year-old woman had a T4 metastasis; the primary tumour was located in the colon.", "colon"),
    ("A 60-year-old woman had a T4 metastasis of NSCLC.", "lung"),
])
def test_more_site_forms(text: str, site: str) -> None:
    assert schema(text)["primary_site"] == site


def test_a_trailing_minus_sign_is_negative() -> None:
    out = schema("The tumour cells of the T4 lesion were CK7+, CK20- and TTF-1+.")
    assert (out["ihc_positive"], out["ihc_negative"]) == (["CK7", "TTF-1"], ["CK20"])


@pytest.mark.parametrize("text", [
    "A 60-year-old man had a T4 metastasis; CT showed a lytic lesion in the left iliac bone.",
    "A 60-year-old man had a T4 metastasis; CT showed a lytic lesion of the right femur.",
])
def test_a_lytic_lesion_of_another_bone_is_a_bone_metastasis(text: str) -> None:
    assert schema(text)["other_metastases"] == ["bone"]


@pytest.mark.parametrize("text", [
    "A 60-year-old man with a T4 metastasis underwent percutaneous cement augmentation of T4.",
    "A 60-year-old man with a T4 metastasis underwent T4 vertebral body replacement.",
])
def test_more_spinal_operations(text: str) -> None:
    assert schema(text)["surgery"] is True


@pytest.mark.parametrize("text", [
    "A 60-year-old man with a T4 metastasis received palliative RT to T4.",
    "A 60-year-old man with a T4 metastasis received palliative XRT.",
])
def test_radiotherapy_abbreviations(text: str) -> None:
    assert schema(text)["radiotherapy"] is True


def test_rt_in_lower_case_is_not_radiotherapy() -> None:
    assert schema("A 60-year-old man with a T4 metastasis had rt. leg weakness.")["radiotherapy"] is None


def test_rt_pcr_is_not_radiotherapy() -> None:
    assert schema("A 60-year-old man with a T4 metastasis: RT-PCR found a NAB2-STAT6 fusion.")["radiotherapy"] is None


# --- fifteenth unseen set (round 3, second batch) -----------------------------------------------------------
def test_a_finding_that_could_be_detected_was_found() -> None:
    out = schema("A 60-year-old woman had neck pain. Osteolytic destruction could be detected in the C5 vertebral body.")
    assert out["lesion_type"] == "lytic" and out["spinal_levels"] == ["C5"]


def test_a_surgery_department_is_a_place() -> None:
    assert schema("A 60-year-old woman with a C5 metastasis was admitted to the General Surgery Department.")["surgery"] \
        is None


def test_upper_motor_neuron_signs_are_a_deficit() -> None:
    assert schema("A 60-year-old man with a T6 lymphoma had signs of upper motor neuron lesion.")["neuro_deficit"] is True


@pytest.mark.parametrize("text, months", [
    ("He underwent C6 corpectomy. Six weeks postoperatively, the patient reported better strength.", 6 / 4.345),
    ("After T8 decompression, follow-up MRI performed 4 months after surgery showed remission.", 4),
    ("After T8 decompression she had no evidence of disease 45 months after the initial treatment.", 45),
])
def test_follow_up_time_points(text: str, months: float) -> None:
    assert schema(text)["follow_up_months"] == pytest.approx(months, rel=0.01)


@pytest.mark.parametrize("text", [
    "A 60-year-old woman had a T4 metastasis; bone lesions were visible on the ribs and pelvic bones.",
    "A 60-year-old woman had a T4 metastasis; CT showed metastatic lesions involving both proximal femora.",
])
def test_bone_lesions_of_named_bones(text: str) -> None:
    assert schema(text)["other_metastases"] == ["bone"]


def test_pheochromocytoma_is_adrenal_when_no_site_is_named() -> None:
    assert schema("A 30-year-old man had a T10 metastasis of a pheochromocytoma.")["primary_site"] == "adrenal"


def test_carotid_body_is_a_primary_site() -> None:
    assert schema("A 40-year-old woman had a carotid body paraganglioma with a T6 metastasis.")["primary_site"] \
        == "carotid body"


def test_days_after_surgery_opening_a_sentence_is_no_follow_up() -> None:
    assert schema("He underwent T3 decompression. Two days after surgery, he developed a bowel obstruction.")[
        "follow_up_months"] is None


def test_an_abstract_and_its_case_report_disagreeing_on_the_age_tell_one_patient() -> None:
    out = schema("Abstract: We report a 42-year-old man with a C6 metastasis of a thigh leiomyosarcoma.\n"
                 "Case report\nA 45-year-old man was admitted with neck pain. CT showed lung metastases and a C6 "
                 "fracture; he underwent C6 corpectomy.")
    assert out["primary_site"] == "thigh"
    assert out["other_metastases"] == ["lung"]
    assert out["surgery"] is True


def test_a_single_report_restating_its_patient_with_another_age_is_one_patient() -> None:
    out = schema("We report a 42-year-old man with a C6 metastasis of a thigh leiomyosarcoma. A 45-year-old man was "
                 "admitted with neck pain. CT showed lung metastases; he underwent C6 corpectomy.")
    assert out["other_metastases"] == ["lung"]
    assert out["surgery"] is True


def test_a_key_words_line_inside_the_case_does_not_end_it() -> None:
    out = schema("Case report\nA 45-year-old man had a C6 metastasis.\nKey words: leiomyosarcoma, spine\n"
                 "He underwent C6 corpectomy. Staining was positive for desmin and negative for S-100 protein.")
    assert out["surgery"] is True
    assert (out["ihc_positive"], out["ihc_negative"]) == (["desmin"], ["S100"])


def test_windows_line_ends_read_like_unix_ones() -> None:
    text = "Background\nWe studied lesions of L4 in a cohort.\nCase report\nA 45-year-old man had a C6 metastasis."
    assert schema(text)["spinal_levels"] == ["C6"]  # the background is not the patient's
    assert schema(text.replace("\n", "\r\n")) == schema(text)


# --- sixteenth unseen set (round 3, third batch) ------------------------------------------------------------
def test_metastases_all_previously_resected_in_brackets_are_history() -> None:
    out = schema("A 47-year-old man had a sarcoma of the back with metastases to the lung and perineum (all "
                 "previously resected), and now a T12 mass compressing the cord.")
    assert out["other_metastases"] == []


def test_a_site_the_sarcoma_originated_at() -> None:
    assert schema("A 26-year-old woman had a C2 metastasis of a synovial sarcoma originating at the right "
                  "knee.")["primary_site"] == "knee"


def test_lytic_lesions_listed_over_several_bones() -> None:
    assert schema("A 60-year-old woman had multiple lytic lesions in the vertebral bodies of the thoracic spine, "
                  "ribs, and sternum.")["other_metastases"] == ["bone"]


def test_a_final_diagnosis_refined_by_a_more_specific_name() -> None:
    out = schema("A 50-year-old man had an L4 mass. The final pathological diagnosis revealed metastatic "
                 "carcinoma. Immunohistochemistry revealed adenocarcinoma.")
    assert out["primary_tumor"] == "adenocarcinoma"


def test_a_final_diagnosis_overrides_a_different_provisional_one() -> None:
    out = schema("A 50-year-old man had an L4 mass. Frozen section suggested lymphoma. The final diagnosis was "
                 "plasmacytoma.")
    assert out["primary_tumor"] == "plasmacytoma"


@pytest.mark.parametrize("text", [
    "A 50-year-old man presented with a subacute CES caused by an L4 metastasis.",
    "A 23-year-old man had an epidural metastasis with horsetail syndrome.",
])
def test_cauda_equina_syndrome_abbreviated_or_translated(text: str) -> None:
    out = schema(text)
    assert out["neuro_deficit"] is True and out["cord_compression"] is True


def test_decompressive_radiotherapy_is_not_surgery() -> None:
    out = schema("A 23-year-old man with an L2 epidural metastasis received decompressive radiotherapy.")
    assert (out["surgery"], out["radiotherapy"]) == (None, True)


@pytest.mark.parametrize("text, sex", [
    ("A 23-year-old with a testicular germ cell tumour had an L2 metastasis.", "male"),
    ("A 70-year-old with prostate cancer had an L2 metastasis.", "male"),
    ("A 50-year-old with an ovarian carcinoma had an L2 metastasis.", "female"),
])
def test_the_organ_of_the_primary_tells_the_sex_when_the_text_does_not(text: str, sex: str) -> None:
    assert schema(text)["sex"] == sex


def test_a_testicle_is_the_testis() -> None:
    assert schema("A 24-year-old man had a T11 mass and a lesion in the left testicle.")["primary_site"] == "testis"


# --- seventeenth unseen set (round 3, fourth batch) ---------------------------------------------------------
def test_weakness_beside_malaise_is_constitutional() -> None:
    assert schema("A 42-year-old man had back pain and L2 lytic lesions, with generalized malaise and "
                  "weakness.")["neuro_deficit"] is False


def test_pain_with_no_radiation_says_nothing_of_radiotherapy() -> None:
    out = schema("A 42-year-old man presented with back pain with no radiation for 6 months; CT showed an L2 lesion.")
    assert out["radiotherapy"] is None


def test_pain_radiating_is_not_radiotherapy_but_radiotherapy_still_is() -> None:
    out = schema("A 42-year-old man had back pain with radiation to the left leg from an L5 metastasis; he "
                 "received radiation therapy to L5.")
    assert out["radiotherapy"] is True


def test_a_summary_section_tells_the_case() -> None:
    out = schema("SUMMARY\nA woman with vertebral fractures was found to have a myeloma; she was discharged to "
                 "continue outpatient chemotherapy.\nCASE PRESENTATION\nA 74-year-old woman had an L3 fracture.")
    assert out["chemotherapy"] is True


def test_this_case_illustrating_its_own_findings_is_about_the_patient() -> None:
    assert schema("A 57-year-old man had a C6 metastasis. This case illustrates an unusual presentation of "
                  "metastatic prostate cancer, lytic in nature.")["lesion_type"] == "lytic"


def test_this_case_illustrating_a_lesson_is_general() -> None:
    assert schema("A 57-year-old man had a C6 metastasis. This case illustrates the importance of early MRI in "
                  "patients with lytic lesions.")["lesion_type"] is None


@pytest.mark.parametrize("text", [
    "A 59-year-old man had an L2 metastasis; hormonal therapy restored ambulation and urinary function.",
    "A 60-year-old woman had a T8 metastasis; decompression enabled her to regain the ability to walk.",
])
def test_a_function_regained_was_lost(text: str) -> None:
    assert schema(text)["neuro_deficit"] is True


# --- eighteenth unseen set ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Pre-operative lumbar sagittal T1 MRI with contrast showed the L3 metastasis.",
    "An axial T2 MRI at the level of the L3 pedicle showed the metastasis.",
])
def test_t1_t2_named_with_the_mri_are_sequences(text: str) -> None:
    assert schema(text)["spinal_levels"] == ["L3"]


def test_an_age_range_of_a_population_is_not_the_age() -> None:
    out = schema("Spinal metastases affect, in most cases, population groups between 40 and 65 years of age. We "
                 "present a 61-year-old woman with an L5 metastasis.")
    assert out["age"] == 61
