"""Written forms the extractor must read, each in a sentence of our own (one behaviour per test)."""

from __future__ import annotations

import pytest

from spinemets.extract import extract_text

from tests.extract._forms import schema


# --- vertebral levels ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, levels", [
    ("A 60-year-old man had a lytic metastasis at D11-D12.", ["T11", "T12"]),
    ("MRI showed metastases involving T4-6.", ["T4", "T5", "T6"]),
    ("Tumour infiltrated the vertebral bodies from T10 to L2.", ["T10", "T11", "T12", "L1", "L2"]),
    ("Metastases were present in C2, C3 and C5.", ["C2", "C3", "C5"]),
    ("A mass destroyed the seventh cervical vertebra.", ["C7"]),
    ("Biopsy of the second lumbar vertebra (L2) showed carcinoma.", ["L2"]),
    ("Sclerotic metastases were seen throughout the lumbar spine.", ["L1", "L2", "L3", "L4", "L5"]),
])
def test_level_forms(text: str, levels: list[str]) -> None:
    assert schema(text)["spinal_levels"] == levels


@pytest.mark.parametrize("text", [
    "The lesion was hypointense on T1-weighted and hyperintense on T2-weighted images at L3.",
    "He had a sensory level at T10 from a lesion at L3.",
    "The tumour at L3 compressed the L4 nerve root.",
    "A discectomy at C5/C6 preceded resection of the L3 lesion.",
    "Pedicle screws were placed in T12 and L4 around the L3 metastasis.",
    "The L3 body had low T1 and high T2 signal.",
    "The L3 lesion was bright on T2 and dark on T1.",
])
def test_levels_that_are_not_tumour_levels(text: str) -> None:
    assert schema(text)["spinal_levels"] == ["L3"]


def test_vertebrae_t1_and_t2_are_still_levels() -> None:
    assert schema("Osteolytic lesions were seen at C7, T1 and T2.")["spinal_levels"] == ["C7", "T1", "T2"]


def test_a_sequence_named_in_a_compression_sentence_is_not_a_compressed_level() -> None:
    from spinemets.extract import to_case

    case = to_case(extract_text("CT showed lytic lesions from C5 to T2. MRI: the cord is compressed at C6 (low T1 "
                                "and high T2 signal in the involved bodies)."))
    assert [l.level.name for l in case.lesions if l.neural_compression] == ["C6"]


def test_thyroid_hormone_values_are_not_levels() -> None:
    assert schema("Free T4: 18.7 pmol/L and T3: 4.8 pmol/L; the L1 lesion was lytic.")["spinal_levels"] == ["L1"]


# --- fracture, compression, bone -------------------------------------------------------------------------
def test_fracture_levels_are_the_levels_beside_the_fracture_word() -> None:
    out = schema("MRI showed collapse of T8 and T10 with marrow infiltration from T6 to T12.")
    assert out["fracture_levels"] == ["T8", "T10"]
    assert out["spinal_levels"] == ["T6", "T7", "T8", "T9", "T10", "T11", "T12"]


@pytest.mark.parametrize("text, expected", [
    ("MRI showed a T7 metastasis with no cord compression.", False),
    ("There was no evidence of spinal cord compression at T7.", False),
    ("The T7 metastasis compressed the spinal cord.", True),
    ("An epidural mass at L3 was compressing the cauda equina.", True),
    ("A T7 metastasis was seen.", None),
])
def test_cord_compression(text: str, expected: bool | None) -> None:
    assert schema(text)["cord_compression"] is expected


@pytest.mark.parametrize("text, expected", [
    ("CT showed an osteolytic lesion of L2.", "lytic"),
    ("The L2 lesion was osteoblastic.", "blastic"),
    ("CT showed mixed lytic and sclerotic lesions of L2.", "mixed"),
    ("CT showed a destructive lesion of L2.", None),
])
def test_bone_character(text: str, expected: str | None) -> None:
    assert schema(text)["lesion_type"] == expected


# --- neurology -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("She presented with back pain and leg weakness.", True),
    ("He reported urinary retention.", True),
    ("Examination showed Frankel grade C.", True),
    ("She presented with back pain; she was neurologically intact.", False),
    ("He had back pain but no weakness or numbness.", False),
    ("She presented with back pain.", False),  # pain alone is no deficit (schema)
    ("A lesion was found on a routine scan.", None),
])
def test_neuro_deficit(text: str, expected: bool | None) -> None:
    assert schema(text)["neuro_deficit"] is expected


# --- histology and primary site --------------------------------------------------------------------------
@pytest.mark.parametrize("text, histology, site", [
    ("Biopsy showed metastatic RCC.", "renal cell carcinoma", "kidney"),
    ("He had known HCC.", "hepatocellular carcinoma", "liver"),
    ("The diagnosis was NSCLC.", "carcinoma", "lung"),  # non-small cell LUNG cancer names its organ
    ("Histology showed adenocarcinoma of the lung.", "adenocarcinoma", "lung"),
    ("Biopsy showed DLBCL of the spine.", "lymphoma", None),
    ("A 70-year-old with multiple myeloma.", "multiple myeloma", None),
    ("Biopsy showed a jejunal GIST.", "gastrointestinal stromal tumor", "jejunum"),
    ("Histology confirmed follicular carcinoma of the thyroid.", "follicular thyroid carcinoma", "thyroid"),
    # the site told in the passive of the removal, the histology in the next clause
    ("A year ago a mass was excised from her right thigh; histology showed leiomyosarcoma.", "leiomyosarcoma",
     "thigh"),
    ("A tumour had been resected from the left kidney; it was a clear cell renal cell carcinoma.",
     "clear cell renal cell carcinoma", "kidney"),
])
def test_histology_synonyms(text: str, histology: str, site: str | None) -> None:
    out = schema(text)
    assert (out["primary_tumor"], out["primary_site"]) == (histology, site)


def test_a_relatives_cancer_is_not_the_patients() -> None:
    out = schema("A 50-year-old man with lung adenocarcinoma. His mother had breast cancer.")
    assert out["primary_site"] == "lung"


def test_suspected_histology_loses_to_the_confirmed_one() -> None:
    out = schema("Papillary carcinoma of the thyroid was suspected. Biopsy confirmed follicular thyroid carcinoma.")
    assert out["primary_tumor"] == "follicular thyroid carcinoma"


def test_a_serum_antigen_or_a_stain_named_like_a_tumour_is_not_the_histology() -> None:
    out = schema("Biopsy showed hepatocellular carcinoma. RCC stains were negative and serum SCC antigen was normal.")
    assert out["primary_tumor"] == "hepatocellular carcinoma"


# --- metastases ------------------------------------------------------------------------------------------
def test_other_metastases_not_the_primary_organ() -> None:
    out = schema("CT of a colon adenocarcinoma showed hepatic and pulmonary metastases and a colonic mass.")
    assert out["other_metastases"] == ["liver", "lung"]


def test_negated_metastases_are_not_listed() -> None:
    assert schema("Staging CT showed no liver or lung metastases.")["other_metastases"] == []


# --- immunohistochemistry --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, positive, negative", [
    ("The tumour was positive for desmin and SMA, and negative for S-100 protein, CD34 and CD56.",
     ["desmin", "SMA"], ["S100", "CD34", "CD56"]),
    ("Staining: CK(+), CD20(-), Ki-67 30%.", ["cytokeratin", "Ki-67"], ["CD20"]),
    ("Tumour cells expressed CD117 and DOG1 but not CD34.", ["CD117", "DOG1"], ["CD34"]),
    ("Immunohistochemistry showed TTF-1 and napsin A positivity; CK20 was negative.", ["TTF-1", "napsin A"], ["CK20"]),
    ("Estrogen receptor: positive. HER-2: negative.", ["ER"], ["HER2"]),
])
def test_ihc_forms(text: str, positive: list[str], negative: list[str]) -> None:
    out = schema(text)
    assert sorted(out["ihc_positive"]) == sorted(positive)
    assert sorted(out["ihc_negative"]) == sorted(negative)


def test_a_serum_tumour_marker_is_not_a_stain() -> None:
    assert schema("Serum CEA was strongly positive (3600 ng/mL).")["ihc_positive"] == []


# --- treatment -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, dose, fractions", [
    ("He received radiotherapy, 30 Gy/10 fr, to L2.", 30, 10),
    ("Palliative radiotherapy, 8 Gy single fraction, was given.", 8, 1),
    ("SBRT of 24 Gy in 3 fractions was delivered.", 24, 3),
    ("Radiotherapy was given as 5 x 4 Gy.", 20, 5),
    ("Radiotherapy of 3000 cGy in 10 fractions followed.", 30, 10),
])
def test_radiotherapy_dose_forms(text: str, dose: float, fractions: int) -> None:
    out = schema(text)
    assert out["radiotherapy"] is True
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (dose, fractions)


@pytest.mark.parametrize("text", ["She was given adriamycin after the operation.", "Treatment with Herceptin began.",
                                  "Sutent was started after surgery.", "FOLFOX was started."])
def test_systemic_agents_by_brand_generic_or_regimen(text: str) -> None:
    assert schema(text)["chemotherapy"] is True


def test_brand_name_maps_to_generic_agent() -> None:
    extraction = extract_text("She was given Adriamycin 25 mg/m2 on days 1-3 every 28 days for six cycles.")
    agent = next(f for f in extraction.facts if f.key == "agent")
    assert agent.value == "doxorubicin"
    assert agent.detail["days"] == [1, 2, 3] and agent.detail["cycle_length_days"] == 28


def test_treatment_of_the_primary_years_before_is_not_this_treatment() -> None:
    out = schema("In 2015 she had chemotherapy for breast cancer. In 2020 she presented with back pain from a T8 "
                 "metastasis and underwent vertebroplasty.")
    assert out["chemotherapy"] is None
    assert out["surgery"] is True


def test_removal_of_another_organ_is_not_spinal_surgery() -> None:
    assert schema("She presented with a T8 lesion; thyroidectomy confirmed the diagnosis.")["surgery"] is None


def test_a_department_of_surgery_is_not_surgery() -> None:
    assert schema("He was admitted to the Department of General Surgery with a T8 lesion.")["surgery"] is None


def test_radioiodine_is_not_spinal_radiotherapy() -> None:
    assert schema("She presented with an L2 lesion and received radioactive iodine.")["radiotherapy"] is None


def test_planned_radiotherapy_counts_but_a_hypothetical_one_does_not() -> None:
    assert schema("Outpatient spinal radiotherapy was planned.")["radiotherapy"] is True
    assert schema("If the lesion progresses, radiotherapy may be considered.")["radiotherapy"] is None


# --- follow-up -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, months", [
    ("At the 13-month follow-up she was well.", 13),
    ("He was followed for 2 years without recurrence.", 24),
    ("She was alive at the last follow-up, 9 weeks after surgery.", 2.07),
    ("He died 2 months later.", 2),
    ("Imaging at 6, 12 and 24 months and again at 7 years showed no recurrence.", 84),
])
def test_follow_up_durations(text: str, months: float) -> None:
    assert schema(text)["follow_up_months"] == pytest.approx(months, rel=0.01)


def test_symptom_durations_are_not_follow_up() -> None:
    assert schema("She had back pain for five months and a mass excised eight months earlier.")["follow_up_months"] \
        is None


# --- demographics ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, age, sex", [
    ("A 45-year-old male presented.", 45, "male"), ("A 64-year male case.", 64, "male"),
    ("Age: 60 years. Gender: Female.", 60, "female"), ("The patient, aged 71, was a woman.", 71, "female"),
    ("A 59 year old gentleman.", 59, "male"),
])
def test_age_and_sex(text: str, age: int, sex: str) -> None:
    out = schema(text)
    assert (out["age"], out["sex"]) == (age, sex)


def test_a_ten_year_survival_rate_is_not_an_age() -> None:
    assert schema("Thyroid cancers have 10-year survival rates above 80%.")["age"] is None


# --- literature versus the patient -----------------------------------------------------------------------
def test_background_section_is_not_the_patient() -> None:
    text = ("Background: Renal cell carcinoma most commonly metastasizes to the lung and the T5 vertebra.\n"
            "Case Report: A 50-year-old man presented with an L3 metastasis of prostate adenocarcinoma.")
    out = schema(text)
    assert out["spinal_levels"] == ["L3"] and out["other_metastases"] == []
    assert out["primary_tumor"] == "adenocarcinoma" and out["primary_site"] == "prostate"


# --- abbreviations the text defines ----------------------------------------------------------------------
@pytest.mark.parametrize("text, histology", [
    ("Malignant melanoma (MM) rarely spreads to bone. A 50-year-old man had MM of the nose and a T3 mass.",
     "melanoma"),
    ("Multiple myeloma (MM) often involves the spine. A 70-year-old man with MM had a T8 fracture.",
     "multiple myeloma"),
    ("Malignant melanoma is aggressive. A 50-year-old woman with recurrent MM had a T3 mass.", "melanoma"),
])
def test_an_abbreviation_means_what_the_text_defines(text: str, histology: str) -> None:
    assert schema(text)["primary_tumor"] == histology


def test_a_diagnosis_after_positive_for_is_not_a_stain() -> None:
    out = schema("Biopsy of the liver lesion was positive for HCC; the tumour was CK19 negative.")
    assert out["ihc_positive"] == [] and out["ihc_negative"] == ["CK19"]
    assert out["primary_tumor"] == "hepatocellular carcinoma"


def test_death_within_a_time_of_presentation_is_follow_up() -> None:
    assert schema("He succumbed to the disease within one month of presentation.")["follow_up_months"] == 1


# --- performance status (into the case: the scores read it) ----------------------------------------------
@pytest.mark.parametrize("text, ecog, kps", [
    ("ECOG performance status of 2 and KPS 70%.", 2, 70), ("WHO performance status 1.", 1, None),
    ("Karnofsky performance score was 60.", None, 60), ("A WHO grade 3 tumour.", None, None),
])
def test_performance_status(text: str, ecog: int | None, kps: int | None) -> None:
    from spinemets.extract import to_case

    performance = to_case(extract_text(text)).performance
    assert (performance.ecog, performance.kps) == (ecog, kps)


@pytest.mark.parametrize("text, levels", [
    ("CT showed a lytic lesion with collapse of the odontoid process.", ["C2"]),
    ("Osteolytic destruction of the second and third cervical vertebrae was seen.", ["C2", "C3"]),
    ("Metastases involved the fifth to seventh thoracic vertebrae.", ["T5", "T6", "T7"]),
])
def test_named_and_coordinated_levels(text: str, levels: list[str]) -> None:
    assert schema(text)["spinal_levels"] == levels


def test_the_risks_of_a_treatment_are_not_the_treatment() -> None:
    assert schema("The risks of external beam radiation therapy were judged too high.")["radiotherapy"] is None


def test_a_clinical_history_of_a_patient_is_still_the_patients_age() -> None:
    assert schema("We present a clinical history of a 67-year-old male with neck pain.")["age"] == 67


def test_an_abbreviation_defined_as_something_else_is_not_a_tumour() -> None:
    out = schema("Spinal cord compression (SCC) is an emergency. A 71-year-old man had SCC at T9 and prostate cancer.")
    assert out["primary_tumor"] == "carcinoma" and out["primary_site"] == "prostate"
    assert out["cord_compression"] is True


def test_cord_signal_levels_are_not_tumour_levels() -> None:
    text = "Epidural tumour at T7 and T8 caused complete CSF effacement, with high T2 cord signal above (T6)."
    out = schema(text)
    assert out["spinal_levels"] == ["T7", "T8"] and out["cord_compression"] is True


def test_paralysis_is_a_deficit() -> None:
    assert schema("Bilateral lower limb paralysis for one week.")["neuro_deficit"] is True


def test_doses_from_a_literature_review_are_not_the_patients() -> None:
    out = schema("He received palliative radiotherapy. Prognostic factors in the literature included a longer "
                 "course of RT (10 fractions of 2 Gy).")
    assert out["radiotherapy"] is True and out["rt_total_dose_gy"] is None


def test_signs_in_parentheses_each_govern_their_own_marker() -> None:
    out = schema("Immunohistochemistry demonstrated cytokeratins (CK) (−), Cluster of Differentiation (CD) 138 (+), "
                 "Kappa light chain (−), Lambda light chain (+), and CD 20 (−).")
    assert sorted(out["ihc_positive"]) == ["CD138", "Lambda light chain"]
    assert sorted(out["ihc_negative"]) == ["CD20", "Kappa light chain", "cytokeratin"]


def test_a_mean_age_is_not_the_patients_age() -> None:
    assert schema("The disease occurs in older people (mean age: 55 years). We report a 35-year-old man.")["age"] == 35


def test_a_fracture_without_a_level_belongs_to_the_only_involved_vertebra() -> None:
    out = schema("A plasmacytoma of the fourth lumbar vertebra was found. He had pain from a pathologic fracture.")
    assert out["fracture_levels"] == ["L4"]


def test_a_general_statement_opening_with_when_is_not_the_patient() -> None:
    out = schema("When the lesion compresses the cord, surgery is performed before radiotherapy. "
                 "A 56-year-old patient with a T8 fracture received radiotherapy.")
    assert out["surgery"] is None and out["radiotherapy"] is True


def test_died_after_a_time_is_follow_up() -> None:
    assert schema("He died after 14 months due to tumour progression.")["follow_up_months"] == 14


def test_a_list_of_organs_before_another_histology_is_not_its_site() -> None:
    out = schema("Spinal metastases most often come from the lung, breast, and prostate, renal cell carcinoma rarely. "
                 "A 47-year-old man had an RCC metastasis at C6.")
    assert out["primary_site"] == "kidney"


def test_negation_does_not_reach_past_a_short_scope() -> None:
    out = schema("In the patient without neurological deficit, a pathologic vertebral collapse was found at C6.")
    assert out["fracture_levels"] == ["C6"] and out["neuro_deficit"] is False


def test_stabilization_of_symptoms_is_not_an_operation() -> None:
    assert schema("Radiotherapy was given to C6, achieving stabilization of symptoms.")["surgery"] is None


# --- round 2: forms the unseen reports showed, each in our own words -------------------------------------------
@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014"])
def test_typographic_dashes_read_as_hyphens(dash: str) -> None:
    text = f"A 31{dash}year{dash}old woman had an L2 metastasis. At the 9{dash}month follow{dash}up she walked unaided."
    out = schema(text)
    assert out["age"] == 31 and out["follow_up_months"] == 9


def test_folding_keeps_every_span_on_the_original_text() -> None:
    text = "A 31\u2011year\u2011old woman had an L2 metastasis; tumour cells were CK (\u2212)."
    extraction = extract_text(text)
    assert extraction.text == text
    age = next(f for f in extraction.facts if f.key == "age")
    assert text[age.start:age.end] == "31\u2011year\u2011old"


@pytest.mark.parametrize("text", ["Tumour cells were CK (\u2212) and vimentin (+).",
                                  "Tumour cells were CK(\u2212), vimentin(\uff0b)."])
def test_a_minus_sign_is_a_negative_stain(text: str) -> None:
    out = schema(text)
    assert out["ihc_negative"] == ["cytokeratin"] and out["ihc_positive"] == ["vimentin"]


@pytest.mark.parametrize("text", ["CT showed a lesion at T6 that was lytic in nature.",
                                  "A lytic lesion had destroyed the T6 body."])
def test_lytic_alone_is_the_bone_character(text: str) -> None:
    assert schema(text)["lesion_type"] == "lytic"


@pytest.mark.parametrize("text, months", [
    ("She died 16 d after the T9 decompression.", 0.53),
    ("Follow-up lasted 3 wk after the T9 decompression.", 0.69),
    ("At the 2 mo follow-up she walked unaided.", 2),
    ("At 1 yr follow-up she walked unaided.", 12),
    ("The overall survival (OS) time was 14 months.", 14),
    ("He survived 7 months after the T9 decompression.", 7),
])
def test_durations_with_unit_abbreviations_and_survival(text: str, months: float) -> None:
    assert schema(text)["follow_up_months"] == pytest.approx(months, rel=0.01)


def test_a_capital_d_after_a_number_is_not_days() -> None:
    assert schema("At follow-up, 3 D reconstructions showed a stable T9 construct.")["follow_up_months"] is None


def test_treatment_of_the_primary_before_a_later_spinal_presentation_is_history() -> None:
    out = schema("A 62-year-old woman presented with a breast mass. She underwent mastectomy followed by adjuvant "
                 "radiotherapy and chemotherapy. Three years later, she presented with neck pain; MRI showed a C5 "
                 "lesion. She received 20 Gy in 5 fractions to C5.")
    assert out["chemotherapy"] is None
    assert (out["radiotherapy"], out["rt_total_dose_gy"], out["rt_fractions"]) == (True, 20, 5)


def test_adjuvant_treatment_after_an_organ_resection_is_the_primarys() -> None:
    out = schema("A 58-year-old man underwent nephrectomy for renal cell carcinoma and received adjuvant chemotherapy. "
                 "Two years later he presented with back pain from a T10 metastasis, treated by T10 decompression.")
    assert out["chemotherapy"] is None and out["surgery"] is True


def test_a_summary_of_the_spinal_treatment_before_the_case_is_not_history() -> None:
    out = schema("We report spinal metastasis of renal cell carcinoma treated with surgery and adjuvant radiotherapy. "
                 "A 60-year-old man presented with back pain from a T10 lesion.")
    assert out["surgery"] is True and out["radiotherapy"] is True


def test_a_later_presentation_after_spinal_treatment_keeps_that_treatment() -> None:
    out = schema("A 60-year-old man presented with back pain from a T10 lesion and underwent decompression, followed "
                 "by radiotherapy. Two years later he presented with recurrent pain at T10.")
    assert out["surgery"] is True and out["radiotherapy"] is True


def test_advice_in_the_present_tense_is_not_the_patients_course() -> None:
    out = schema("A longer course of radiotherapy (10 fractions of 3 Gy) is recommended for durable local control. "
                 "She received 8 Gy in 1 fraction to T9.")
    assert (out["rt_total_dose_gy"], out["rt_fractions"]) == (8, 1)


def test_negation_reaches_an_abbreviation_in_brackets() -> None:
    extraction = extract_text("He had no prior androgen-deprivation therapy (ADT) before the L3 biopsy.")
    statuses = {extraction.text[f.start:f.end]: f.assertion for f in extraction.facts if f.key == "chemotherapy"}
    assert statuses == {"androgen-deprivation therapy": "negated", "ADT": "negated"}


def test_no_prior_treatment_says_nothing_of_the_treatment_now() -> None:
    assert schema("He had no prior androgen-deprivation therapy (ADT) before the L3 biopsy.")["chemotherapy"] is None


@pytest.mark.parametrize("text", [
    "She had lung and liver metastases, all previously resected, and now a T8 lesion.",
    "Pulmonary metastases, which had been excised, preceded the T8 lesion.",
    "He had previously undergone resection of a solitary liver metastasis; MRI now showed a T8 lesion.",
])
def test_metastases_removed_before_are_history(text: str) -> None:
    assert schema(text)["other_metastases"] == []


def test_metastases_at_presentation_still_count() -> None:
    assert schema("CT showed lung metastases and a T8 lesion; the lung metastases were resected later.")[
        "other_metastases"] == ["lung"]


@pytest.mark.parametrize("text", [
    "He reported numbness in the distribution of C6 from the T2 metastasis.",
    "Paraesthesia in the distribution of the left C6 and C7 roots preceded the diagnosis of a T2 lesion.",
])
def test_a_dermatome_is_not_a_vertebral_level(text: str) -> None:
    assert schema(text)["spinal_levels"] == ["T2"]


# --- a tenth unseen set: forms it showed, in our own words ------------------------------------------------------
def test_a_source_line_without_end_punctuation_is_kept_apart_from_the_case() -> None:
    out = schema("Source: https://example.org/case (Spinal metastasis of a renal tumour)\n"
                 "A 70-year-old woman was admitted with back pain from a T6 lesion.")
    assert out["age"] == 70 and out["spinal_levels"] == ["T6"]


@pytest.mark.parametrize("sentence", [
    "Radiotherapy is the most effective treatment for pain control.",
    "More than half of the women with this cancer will develop bone pain.",
])
def test_present_tense_superlatives_and_shares_are_general_statements(sentence: str) -> None:
    assert schema(f"{sentence} A 60-year-old woman had an L2 lesion.")["neuro_deficit"] is None


def test_a_lesion_of_a_spinous_process_is_a_tumour_level() -> None:
    assert schema("MRI revealed a lesion at the tip of the L4 spinous process.")["spinal_levels"] == ["L4"]


def test_tenderness_over_a_spinous_process_is_not_a_tumour_level() -> None:
    assert schema("There was tenderness over the L1 spinous process; MRI showed an L4 metastasis.")[
        "spinal_levels"] == ["L4"]


def test_signal_on_a_sequence_is_not_a_level() -> None:
    assert schema("The T5 vertebra showed low signal on T1 and high signal on T2 images.")["spinal_levels"] == ["T5"]


def test_reduced_vertebral_height_is_a_fracture() -> None:
    assert schema("MRI showed a reduction in vertebral body height of the T5 vertebra.")["fracture_levels"] == ["T5"]


def test_an_excisional_biopsy_of_a_vertebra_is_surgery() -> None:
    assert schema("An excisional biopsy of the L4 lesion was performed.")["surgery"] is True


def test_metastases_of_patients_the_text_compares_with_are_not_the_patients() -> None:
    out = schema("She had bone metastases only, which carries a better prognosis as compared to patients having "
                 "metastases in the lungs or liver.")
    assert out["other_metastases"] == []


def test_markers_sharing_a_plural_head_noun() -> None:
    out = schema("The tumour showed strong positivity for oestrogen and progesterone receptors and was HER2 negative.")
    assert out["ihc_positive"] == ["ER", "PR"] and out["ihc_negative"] == ["HER2"]


# --- an eleventh unseen set: forms it showed, in our own words ---------------------------------------------------
def test_generalized_weakness_is_not_a_neurological_deficit() -> None:
    assert schema("He had low back pain and generalized weakness for 3 weeks; MRI showed an L2 lesion.")[
        "neuro_deficit"] is False


def test_weakness_of_the_legs_is_a_deficit() -> None:
    assert schema("He had weakness of both legs; MRI showed an L2 lesion.")["neuro_deficit"] is True


@pytest.mark.parametrize("text", ["The option of systemic chemotherapy was declined by the patient.",
                                  "Chemotherapy was refused by the patient."])
def test_a_treatment_declined_in_the_passive_is_not_given(text: str) -> None:
    assert schema(text)["chemotherapy"] is False


@pytest.mark.parametrize("text, months", [
    ("Ten years after the first spinal surgery, the patient remains disease free.", 120),
    ("After gefitinib she has maintained a complete response for 5 years.", 60),
])
def test_follow_up_told_as_time_since_surgery_or_as_a_lasting_response(text: str, months: float) -> None:
    assert schema(text)["follow_up_months"] == months


# --- a twelfth unseen set: forms it showed, in our own words -----------------------------------------------------
def test_a_sensory_level_written_as_sensation_below_a_level_is_not_a_vertebra() -> None:
    assert schema("She had reduced pinprick sensation below T10; MRI showed an L2 metastasis.")["spinal_levels"] == ["L2"]


def test_a_long_range_told_as_spread_is_involvement() -> None:
    out = schema("MRI showed epidural tumour extending from T1 to L1.")
    assert out["spinal_levels"] == [f"T{n}" for n in range(1, 13)] + ["L1"]


def test_a_long_range_without_spread_stays_a_description_of_the_column() -> None:
    assert schema("MRI from T1 to L5 showed one lesion at T9.")["spinal_levels"] == ["T9"]


def test_the_final_diagnosis_outranks_a_differential_and_a_provisional_one() -> None:
    out = schema("A differential diagnosis of lymphoma was raised. Frozen section suggested lymphoma. "
                 "The final pathologic diagnosis was plasmacytoma of the T5 vertebra.")
    assert out["primary_tumor"] == "plasmacytoma"


def test_a_summary_naming_a_spinal_ectomy_before_the_case_is_not_history() -> None:
    out = schema("Targeted therapy for the renal primary was effective and enabled total en bloc spondylectomy.\n\n"
                 "Case\n\nA 49-year-old man presented with gait disturbance from an L1 metastasis.")
    assert out["surgery"] is True and out["chemotherapy"] is True


@pytest.mark.parametrize("text, levels", [
    ("The signal of the T5 lesion was low on T1 and high on T2.", ["T5"]),
    ("There was abnormal marrow signal in T5.", ["T5"]),
])
def test_a_sequence_named_after_signal_words_is_not_a_level(text: str, levels: list[str]) -> None:
    assert schema(text)["spinal_levels"] == levels


# --- a thirteenth unseen set: forms it showed, in our own words --------------------------------------------------
def test_a_treatment_named_after_prior_to_is_still_to_come() -> None:
    assert schema("She had an L1 fracture and underwent embolization prior to spinal stabilization surgery.")[
        "surgery"] is True


def test_prior_alone_still_marks_history() -> None:
    assert schema("He had prior spinal surgery; MRI now showed an L1 lesion.")["surgery"] is None


def test_degenerative_disease_named_after_a_level_is_not_a_tumour_level() -> None:
    assert schema("His history included L4-S1 spondylosis; MRI showed a T12 metastasis.")["spinal_levels"] == ["T12"]


def test_dying_n_months_later_is_follow_up() -> None:
    assert schema("After surgery for the T12 lesion he improved before dying 3 months later.")["follow_up_months"] == 3
