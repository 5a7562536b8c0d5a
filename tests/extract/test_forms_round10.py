"""Forms met in held-out sets 14 and 15 (round 10), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_medullary_compression_is_the_cord() -> None:
    assert schema("MRI showed a paravertebral mass causing medullary compression at T5.")["cord_compression"] is True


def test_spinal_compression_is_the_cord_but_a_spinal_compression_fracture_is_not() -> None:
    assert schema("MRI revealed a T9 pathological fracture with moderate spinal compression.")["cord_compression"] is True
    assert schema("X-rays showed a T9 spinal compression fracture.")["cord_compression"] is None  # guard


def test_a_mass_compressing_the_spinal_canal() -> None:
    out = schema("CT showed the S1 mass compressing the spinal canal and the neural foramina.")
    assert out["cord_compression"] is True


def test_pheochromocytoma_spelt_without_the_h() -> None:
    out = schema("A 70-year-old woman with a history of pheocromocytoma had a T10 metastasis.")
    assert out["primary_tumor"] == "pheochromocytoma" and out["primary_site"] == "adrenal"


def test_a_teratoma_is_a_germ_cell_tumour() -> None:
    out = schema("Orchiectomy showed an immature teratoma of the left testis; an L3 metastasis followed.")
    assert out["primary_tumor"] == "germ cell tumor" and out["primary_site"] == "testis"


def test_a_work_up_for_a_disease_is_not_its_diagnosis() -> None:
    text = ("A raised paraprotein prompted a myeloma work-up, which a marrow biopsy ruled out. Biopsy of the T9 lesion "
            "confirmed metastatic carcinoma of thyroid origin.")
    assert schema(text)["primary_tumor"] == "carcinoma"


def test_primaries_of_the_mediastinum_and_the_urachus() -> None:
    assert schema("A yolk sac tumour arising in the mediastinum had spread to L1.")["primary_site"] == "mediastinum"
    assert schema("She had a urachal adenocarcinoma and later a T2 metastasis.")["primary_site"] == "urachus"


def test_a_dose_and_its_fractions_joined_by_and() -> None:
    out = schema("He then had palliative radiotherapy to L2 (20 Gy and 5 fractions).")
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (20.0, 5)


def test_a_share_of_patients_is_a_statistic() -> None:
    text = ("A 50-year-old man had an L4 metastasis of nasopharyngeal carcinoma. About 40% of patients present with "
            "neck lymphadenopathy.")
    assert schema(text)["other_metastases"] == []


def test_what_a_disease_tends_to_do_is_not_the_patients_disease() -> None:
    text = ("A 61-year-old woman had a T6 metastasis of lung adenocarcinoma. This cancer has a known predilection to "
            "metastasize to ribs and spine.")
    assert schema(text)["other_metastases"] == []


def test_a_named_bone_after_a_vertebra_in_a_list() -> None:
    text = "Imaging suggested gallbladder carcinoma with metastasis to the cervical vertebra and sternum."
    assert schema(text)["other_metastases"] == ["bone"]


def test_a_metastatic_carcinoma_in_named_bones() -> None:
    text = "She had metastatic lobular breast carcinoma in the vertebral and iliac bones at presentation, with T11 pain."
    assert schema(text)["other_metastases"] == ["bone"]


def test_lytic_lesions_throughout_the_spine_and_a_pelvic_bone() -> None:
    text = "CT of the man with prostate cancer showed lytic lesions throughout the lumbar spine, sacrum and ilium."
    assert schema(text)["other_metastases"] == ["bone"]


def test_the_primary_of_a_metastatic_adenocarcinoma_of_the_lung_is_no_metastasis() -> None:  # guard
    out = schema("A T4 biopsy showed metastatic adenocarcinoma of the lung, spread to the liver.")
    assert out["primary_site"] == "lung" and out["other_metastases"] == ["liver"]


def test_a_metastatic_tumour_of_an_organ_is_not_the_primary_there() -> None:
    text = ("A malignant solitary fibrous tumour arose in the L2 vertebra. Years later the metastatic lung tumour "
            "was resected.")
    assert schema(text)["primary_site"] != "lung"


def test_a_well_interval_the_illness_ended_is_not_follow_up() -> None:
    text = ("A woman had a partial cystectomy for adenocarcinoma. She remained well for 4 years after surgery, but then "
            "developed back pain from a T8 metastasis. Eight months after the corpectomy she is doing well.")
    assert schema(text)["follow_up_months"] == 8


def test_standing_prevented_by_pain_is_no_motor_deficit() -> None:
    text = "Muscle strength was full, but he could not stand because of severe back pain from the L2 fracture."
    assert schema(text)["neuro_deficit"] is not True


def test_a_sign_found_negative_is_absent() -> None:
    text = "Sensation and reflexes were normal at the T12 level. Babinski sign was negative."
    assert schema(text)["neuro_deficit"] is not True


def test_a_negated_list_continues_past_or_any() -> None:
    text = "After the T3 corpectomy the patient was doing well without back pain or any neurological symptoms."
    assert schema(text)["neuro_deficit"] is not True


def test_pressure_on_the_cord() -> None:
    assert schema("The epidural mass at C5 caused pressure on the spinal cord.")["cord_compression"] is True


def test_the_presenting_complaint_is_no_presentation_after_the_operation() -> None:
    text = "A 55-year-old man with a C1 metastasis had relief of the presenting neck pain following an occipitocervical fusion."
    assert schema(text)["surgery"] is True


def test_conservative_management_is_no_operation() -> None:
    text = "A 30-year-old woman had a sacral plasmacytoma. The spine team advised biopsy and conservative management."
    assert schema(text)["surgery"] is False


def test_an_operation_after_failed_conservative_treatment_is_an_operation() -> None:  # guard
    text = "Conservative treatment of the L1 metastasis failed, and a posterior fixation from T11 to L3 was performed."
    assert schema(text)["surgery"] is True


def test_refusing_further_therapy_is_none_of_the_treatments() -> None:
    out = schema("Biopsy of the L5 lesion showed squamous cell carcinoma; the patient refused further treatment.")
    assert (out["surgery"], out["radiotherapy"], out["chemotherapy"]) == (False, False, False)


def test_a_time_point_after_the_diagnosis_with_the_disease_stable() -> None:
    text = "He received 30 Gy to the L2 metastasis. Imaging at 11 months post-diagnosis showed stable disease."
    assert schema(text)["follow_up_months"] == 11


def test_a_poor_response_to_conservative_treatment_says_nothing_of_an_operation() -> None:
    text = "A 27-year-old woman had an L2 lesion. Poor response to conservative treatment may point to another diagnosis."
    assert schema(text)["surgery"] is None
