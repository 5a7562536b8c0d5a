"""Forms met across the evaluation sets' remaining errors (round 31), each written here in our own words: one
behaviour per test. Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_an_operation_on_the_brain_is_no_spinal_surgery() -> None:
    text = ("A 50-year-old man with melanoma underwent craniotomy for resection of a brain metastasis. "
            "Two months later MRI showed a T8 lesion.")
    assert schema(text)["surgery"] is None


def test_fixation_of_a_long_bone_is_no_spinal_surgery() -> None:
    text = ("A 64-year-old woman with renal cell carcinoma had an L2 metastasis. "
            "A pathological fracture of the left femur was treated surgically with intramedullary nailing of the femur.")
    assert schema(text)["surgery"] is None


def test_status_post_lists_earlier_treatment() -> None:
    text = ("A 53-year-old woman with endometrial stromal sarcoma status-post radiation, chemotherapy, and pelvic "
            "exenteration presented with back pain and an L3 lesion.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (None, None)


def test_s_p_in_a_bracket() -> None:
    text = ("A 66-year-old woman (s/p lumpectomy, chemotherapy and radiation for breast cancer) presented with back "
            "pain; MRI showed a T11 lesion.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (None, None)


def test_a_treatment_being_considered_is_not_given() -> None:
    text = "A 60-year-old man with renal cell carcinoma and an L2 lesion was being considered for chemotherapy but died."
    assert schema(text)["chemotherapy"] is None


def test_never_received_says_no() -> None:
    text = "A 70-year-old woman had a T9 metastasis of gastric adenocarcinoma. She never received any chemotherapy."
    assert schema(text)["chemotherapy"] is False


def test_treatment_in_general_in_the_present_tense() -> None:
    text = ("A 41-year-old man had an epidural lymphoma at T4 causing paraparesis. "
            "Lymphoma is sensitive to chemotherapy and radiotherapy, so early diagnosis matters. "
            "The role of surgery in this setting is unclear.")
    out = schema(text)
    assert (out["surgery"], out["radiotherapy"], out["chemotherapy"]) == (None, None, None)


def test_a_plan_in_the_present_tense_stays_the_patient_s() -> None:
    """Guard: the present tense of a plan or of the case told as a whole is the patient's."""
    text = ("A 58-year-old woman had breast cancer metastatic to T6. "
            "Palliative radiotherapy to T6 is planned. "
            "This case is managed with surgery and chemotherapy.")
    out = schema(text)
    assert (out["surgery"], out["radiotherapy"], out["chemotherapy"]) == (True, True, True)


def test_an_operation_to_decompress_the_cord_tells_it_was_compressed() -> None:
    text = "A 62-year-old man with thyroid cancer had a T1 metastasis and underwent decompression of the spinal cord."
    assert schema(text)["cord_compression"] is True


def test_the_cord_pushed_aside() -> None:
    text = "A 48-year-old woman had a plasmacytoma of T3; MRI showed spinal cord displacement at that level."
    assert schema(text)["cord_compression"] is True


def test_extradural_compression_and_a_canal_filling_mass() -> None:
    one = "A 66-year-old man had a T12 metastasis; MRI revealed severe circumferential extradural compression at T12."
    two = "A 70-year-old man had a deposit at T6 with a canal-filling epidural component."
    assert (schema(one)["cord_compression"], schema(two)["cord_compression"]) == (True, True)


def test_no_epidural_compression_says_no() -> None:
    """Guard: the new form is negated like the others."""
    text = "A 66-year-old man had an L1 metastasis of prostate cancer. There was no epidural compression."
    assert schema(text)["cord_compression"] is False


def _follow_up(text: str) -> object:
    return schema("A 61-year-old man had a T10 metastasis of lung cancer and underwent decompression. " + text)[
        "follow_up_months"]


def test_death_counted_from_the_presentation() -> None:
    assert _follow_up("His condition declined and he passed away 7 months from the initial presentation.") == 7


def test_the_present_state_a_time_later() -> None:
    assert _follow_up("Three years later, he is working again without recurrence.") == 36


def test_a_follow_up_scan_a_time_later() -> None:
    assert _follow_up("A follow-up MRI five months later showed no new lesions.") == 5


def test_a_good_course_for_a_time() -> None:
    assert (_follow_up("He did well for 9 months."), _follow_up("His pain remained improved over 20 months."),
            _follow_up("There was no local recurrence for 2 years after treatment.")) == (9, 20, 24)


def test_followed_with_ongoing_therapy() -> None:
    assert _follow_up("He has been regularly followed with ongoing osimertinib for 7 months.") == 7


def test_followed_by_is_what_came_next() -> None:
    """Guard: "followed by" tells the next treatment, not the follow-up."""
    assert _follow_up("Radiotherapy was followed by chemotherapy for 6 months.") is None


def test_alive_and_free_counted_from_the_diagnosis() -> None:
    assert _follow_up("He is alive and free of the disease 15 months from the diagnosis.") == 15


def test_a_time_point_after_treatment_with_a_named_agent() -> None:
    assert _follow_up("Thirty months following treatment with radioiodine, he has no pain.") == 30


def _organs(text: str) -> list[str]:
    return sorted(schema(text)["other_metastases"])


def test_metastatic_to_her_organs() -> None:
    text = ("A 65-year-old woman with kidney cancer, metastatic to her mediastinum and supraclavicular lymph nodes, "
            "had a painful L2 lesion.")
    assert _organs(text) == ["lymph node"]


def test_the_disease_progressed_to_an_organ() -> None:
    text = "A 52-year-old woman had breast cancer with an L3 metastasis. The disease later progressed to her liver."
    assert _organs(text) == ["liver"]


def test_enlarged_nodes_named_by_an_adjective_in_ic() -> None:
    text = ("A 70-year-old man had prostate cancer with an L3 lesion; CT showed numerous enlarged pelvic lymph "
            "nodes.")
    assert _organs(text) == ["lymph node"]


def test_a_focus_in_a_node() -> None:
    text = ("A 60-year-old man had oesophageal adenocarcinoma and an L2 lesion. PET showed a hypermetabolic focus "
            "in the left common iliac lymph node.")
    assert _organs(text) == ["lymph node"]


def test_an_organ_before_the_spine_s_metastases() -> None:
    text = "A 47-year-old woman with ovarian cancer presented with liver and thoracic vertebral metastases."
    assert _organs(text) == ["liver"]


def test_organ_and_spinal_involvement() -> None:
    text = "A 71-year-old man had metastatic renal cancer with known liver and spinal involvement at L1."
    assert _organs(text) == ["liver"]


def test_an_operation_told_in_the_present_perfect_is_the_patient_s() -> None:
    text = "A 35-year-old woman had a C7 metastasis. The C7 metastasis has been decompressed and fused anteriorly."
    assert schema(text)["surgery"] is True


def test_progestins_are_hormonal_therapy() -> None:
    text = ("A 60-year-old woman with endometrial cancer had an L5 metastasis, treated by vertebrectomy and then "
            "Provera.")
    assert schema(text)["chemotherapy"] is True


def test_tsh_suppression_is_hormonal_therapy() -> None:
    text = ("A 48-year-old woman had a single L3 metastasis of thyroid cancer. She underwent lumbar spine surgery "
            "and received TSH suppression therapy.")
    assert schema(text)["chemotherapy"] is True


def test_an_abstract_s_last_sentence_tells_the_course() -> None:
    text = ("Abstract: A man had small cell lung cancer metastatic to T6. Despite chemotherapy and radiotherapy to the "
            "spine, he succumbed 3 months after diagnosis.\n\nCase report\nA 74-year-old man presented with back pain "
            "and leg weakness.")
    out = schema(text)
    assert (out["chemotherapy"], out["radiotherapy"]) == (True, True)


def _deficit(sentence: str) -> object:
    return schema("A 60-year-old woman had a metastasis of breast cancer at C3. " + sentence)["neuro_deficit"]


def test_an_abnormal_gait_is_a_deficit() -> None:
    assert (_deficit("She presented with a progressive gait abnormality."), _deficit("She had an unsteady gait.")) \
        == (True, True)


def test_a_hemicord_syndrome_and_a_radiculomyelopathy() -> None:
    assert (_deficit("Examination found a Brown-Séquard syndrome."),
            _deficit("She suffered from a progressive radiculomyelopathy.")) == (True, True)


def test_a_reduction_in_light_touch_sensation() -> None:
    assert _deficit("There was a reduction in light touch sensation in the C5 dermatome.") is True


def test_what_a_treatment_can_do_in_general() -> None:
    text = ("A 55-year-old woman had breast cancer with a T9 lesion. "
            "Radiation therapy can induce an abscopal effect in distant non-irradiated tumours.")
    assert schema(text)["radiotherapy"] is None


def test_a_highlight_about_the_patient_is_the_patient_s() -> None:
    """Guard: a bullet of highlights names the patient without an article."""
    text = ("A 58-year-old woman had ovarian cancer with a T8 lesion.\n"
            "► Oophorectomy with surgical resection of the vertebral lesion leaves patient free of disease")
    assert schema(text)["surgery"] is True


def _stains(sentence: str) -> tuple[list[str], list[str]]:
    out = schema("A 15-year-old boy had lytic lesions at T11 and L4. " + sentence)
    return sorted(out["ihc_positive"]), sorted(out["ihc_negative"])


def test_alk_is_a_stain_of_a_lymphoma() -> None:
    assert _stains("The iliac biopsy showed an ALK (anaplastic lymphoma kinase) positive anaplastic large cell "
                   "lymphoma.") == (["ALK"], [])


def test_alk_in_a_negative_list() -> None:
    assert _stains("The cells are negative for EMA, ALK and CD15.") == ([], ["ALK", "CD15", "EMA"])


def test_alk_naming_a_lung_carcinoma_s_type_is_no_stain() -> None:
    """Guard: the driver of a carcinoma, not a stain of this tumour."""
    assert _stains("He had spinal metastases from an ALK-positive lung adenocarcinoma.") == ([], [])


def test_a_list_after_showing() -> None:
    assert _stains("Biopsy showed a lymphoma showing CD20, BCL2 and MUM1 positivity with CD10 negativity.") == (
        ["BCL2", "CD20", "MUM1"], ["CD10"])


def test_a_limb_s_fixation_is_no_spinal_surgery() -> None:
    text = ("A 66-year-old woman had a T9 metastasis of carcinosarcoma. "
            "She underwent left femur fixation by retrograde intramedullary nailing.")
    assert schema(text)["surgery"] is None


def test_a_brain_tumour_s_removal_is_no_spinal_surgery() -> None:
    text = ("We report a rare case of a 70-year-old man with a cerebellar glioblastoma who presented with worsening "
            "paraparesis 6 months after craniotomy and total macroscopic tumor removal. MRI showed a T10 mass.")
    assert schema(text)["surgery"] is None


def test_stabilisation_of_another_organ_s_lesion() -> None:
    text = ("A 79-year-old man had basal cell carcinoma with a T6 metastasis. Palliative chemotherapy led to "
            "stabilization of the facial lesion.")
    assert schema(text)["surgery"] is None


def test_stabilisation_of_a_spinal_lesion_stays_spinal() -> None:
    """Guard: the lesion named by its level is the spine's."""
    text = "A 60-year-old man had a lytic T8 lesion that required stabilization of the T8 lesion with screws."
    assert schema(text)["surgery"] is True


def test_radiotherapy_told_after_the_primary_organ_s_resection() -> None:
    text = ("A 72-year-old man presented with back pain and an L5 lesion. He underwent a radical prostatectomy "
            "and salvage radiation treatment.")
    assert schema(text)["radiotherapy"] is None


def test_radiotherapy_with_an_orchiectomy_stays_current() -> None:
    """Guard: castration goes with the bone's radiotherapy."""
    text = ("A 70-year-old man presented with back pain from prostate cancer metastatic to L3. He underwent bilateral "
            "orchiectomy and received external beam radiotherapy to manage his symptoms.")
    assert schema(text)["radiotherapy"] is True


def test_adjuvant_chemotherapy_after_the_primary_s_resection() -> None:
    text = ("A 52-year-old man presented with neck pain and a C2 lesion. He underwent a thymectomy, followed by 3 "
            "cycles of chemotherapy.")
    assert schema(text)["chemotherapy"] is None


def test_the_sacral_ala_is_s1() -> None:
    text = "A 60-year-old man had an isolated sclerotic lesion in the right sacral ala from pancreatic cancer."
    assert schema(text)["spinal_levels"] == ["S1"]


def test_a_tibia_is_a_bone_outside_the_spine() -> None:
    text = ("A 70-year-old man had a sacral metastasis of spindle cell carcinoma. Work-up revealed additional lesions "
            "of the cervicothoracic spine and left proximal tibia.")
    assert _organs(text) == ["bone"]


def test_metastatic_disease_involving_all_vertebral_bodies_and_long_bones() -> None:
    text = ("A 58-year-old man had tonsil cancer. A PET scan revealed diffuse metastatic disease involving all "
            "vertebral bodies, both humeri and the pelvis.")
    assert _organs(text) == ["bone"]


def test_not_noted_negates_backward() -> None:
    assert _deficit("Numbness or weakness of both lower limbs was not noted.") is False


def test_weakness_listed_with_fatigue_is_systemic() -> None:
    assert _deficit("She reported severe back pain with weakness, fatigue and dyspnoea.") is False


def test_a_disease_s_usual_presentations_are_general() -> None:
    text = ("A 60-year-old man had myeloma of T8 with back pain. Typical clinical presentations include back pain, "
            "fatigue, neurologic symptoms secondary to hypercalcemia and pathologic fracture.")
    assert schema(text)["neuro_deficit"] is False


def test_improved_after_an_operation_tells_its_outcome() -> None:
    text = ("A 44-year-old woman with breast cancer had a conus metastasis at L1. The patient admitted with "
            "paraplegia improved after the removal of the mass, followed by radiotherapy.")
    assert schema(text)["surgery"] is True


def test_a_vertebral_body_compressed_is_a_fracture() -> None:
    text = "A 60-year-old man had penile cancer. There is compression of the L2 vertebral body with mild retropulsion."
    assert schema(text)["fracture_levels"] == ["L2"]


def test_a_vertebra_of_reduced_height() -> None:
    text = ("A 70-year-old woman had thyroid cancer. The T7 vertebra, which is of reduced height, shows an osteolytic "
            "lesion.")
    assert schema(text)["fracture_levels"] == ["T7"]


def test_a_fracture_with_the_levels_of_one_list_in_its_clause() -> None:
    text = ("A 50-year-old man had a plasmacytoma. CT revealed a soft tissue mass with a pathologic fracture "
            "containing lytic lesions of the T2 and T3 vertebral bodies.")
    assert schema(text)["fracture_levels"] == ["T2", "T3"]


def test_levels_of_two_lists_stay_unassigned() -> None:
    """Guard: levels named apart in the clause are not all the fracture's."""
    text = ("A 50-year-old man had myeloma. MRI showed a pathologic fracture of unclear level with lesions at T2 "
            "besides other lesions at L4.")
    assert schema(text)["fracture_levels"] == []


def test_the_chest_wall_and_soft_tissue_are_organs() -> None:
    text = ("A 49-year-old man had a glioblastoma with multiple bone metastases, a soft tissue metastasis and chest "
            "wall metastases; MRI showed T7 lesions.")
    assert _organs(text) == ["bone", "chest wall", "soft tissue"]


def test_soft_tissue_of_the_spine_is_no_other_organ() -> None:
    """Guard: the spine's own soft tissue."""
    text = ("A 69-year-old woman had basal cell carcinoma with distant metastases to soft tissue structures of the "
            "thoracic spine.")
    assert _organs(text) == []


def test_levels_of_a_decompression_over_several_levels_are_not_all_tumour() -> None:
    text = ("A 60-year-old man had a T5 compression fracture from epithelioid haemangioendothelioma. "
            "He underwent T4-T6 bilateral posterior decompression.")
    assert schema(text)["spinal_levels"] == ["T5"]


def test_levels_of_an_old_discectomy_and_fusion() -> None:
    text = ("A 63-year-old woman had undergone an anterior cervical C5-C7 discectomy and fusion 18 years ago. "
            "She now had a leiomyosarcoma metastasis in C5.")
    assert schema(text)["spinal_levels"] == ["C5"]


def test_a_definition_is_general() -> None:
    text = ("A 52-year-old woman had breast cancer with a T1 metastasis. The cervicothoracic junction is defined as "
            "the area extending from C7 to T2.")
    assert schema(text)["spinal_levels"] == ["T1"]


def test_forgoing_antitumour_treatment_says_no() -> None:
    text = ("A 52-year-old man had Burkitt lymphoma with epidural disease at T5. He opted to forgo any antitumor "
            "treatment and was discharged to hospice.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (False, False)


def test_a_named_bone_destroyed() -> None:
    text = ("A 64-year-old man had squamous cell lung cancer. CT showed rib destruction and osteolytic changes in the "
            "second thoracic vertebra.")
    assert _organs(text) == ["bone"]


def test_a_recurrence_involving_the_spine_and_other_bones() -> None:
    text = ("A 53-year-old man presented with recurrence of pheochromocytoma involving the spine, the pelvis and the "
            "right humerus.")
    assert _organs(text) == ["bone"]


def test_a_stain_before_a_list_of_mutated_genes_stays_a_stain() -> None:
    assert _stains("The tumour had strong positive staining for androgen receptor (AR) expression, mutations in HRAS "
                   "and PIK3CA, and no amplification of HER-2.")[0] == ["AR"]


def test_a_gene_told_mutated_is_no_stain() -> None:
    """Guard: the gene's own mutation."""
    assert _stains("Sequencing found the tumour positive for a KRAS mutation.") == ([], [])


def test_the_coccyx_by_its_adjective() -> None:
    text = "A 70-year-old man had rectal cancer with an asymptomatic coccygeal metastasis."
    assert schema(text)["spinal_levels"] == ["Co"]


def test_masses_seen_in_a_list_of_organ_adjectives() -> None:
    text = ("A 40-year-old woman had a fibrosarcoma compressing the cord at T11, along with multiple masses seen in "
            "the subpleural, intrahepatic and pancreatic areas.")
    assert _organs(text) == ["liver", "lung", "pancreas"]


def test_the_examination_s_normal_findings_say_no_deficit() -> None:
    assert (_deficit("She had full neurological function."), _deficit("Sensations were normal in both arms."),
            _deficit("Muscle strength was grade M5 throughout.")) == (False, False, False)


def test_an_asymptomatic_lesion_has_no_deficit() -> None:
    assert _deficit("The C3 lesion was found on a staging scan although she was asymptomatic.") is False


def test_backpain_in_one_word_is_pain() -> None:
    assert _deficit("Backpain.") is False


def test_an_organ_then_ca_is_its_carcinoma() -> None:
    out = schema("This 71-year-old man was referred for colon ca s/p LAR with a T2 lesion.")
    assert (out["primary_tumor"], out["primary_site"]) == ("carcinoma", "colon")


def test_serum_calcium_is_no_carcinoma() -> None:
    """Guard: "Ca" is also calcium."""
    out = schema("A 66-year-old man had an L2 lesion; serum Ca 2.6 mmol/L was high.")
    assert out["primary_tumor"] is None


def test_staining_told_focal_is_positive() -> None:
    assert _stains("The immunostaining for smooth muscle actin was focal and sparse.") == (["SMA"], [])


def test_even_if_concedes_it_does_not_suppose() -> None:
    text = ("A 60-year-old woman had thyroid cancer with bone metastases. These lesions, even if treated with "
            "radiation therapy and chemotherapy, progressed to the D10 vertebra.")
    out = schema(text)
    assert (out["radiotherapy"], out["chemotherapy"]) == (True, True)
