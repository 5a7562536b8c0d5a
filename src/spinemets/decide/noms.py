"""The NOMS framework (Laufer 2013) as rules: neurologic, oncologic, mechanical and systemic assessments.

Neurologic + oncologic choose the radiotherapy pathway (cEBRT, SRS, or separation surgery then SRS);
mechanical is a separate assessment (surgical opinion, stabilization, cement augmentation); systemic
decides what the patient can tolerate and is a clinician's answer, never a default.
Built lazily: the ESCC groups come from evidence.yaml, which is read on first use.
"""

from __future__ import annotations

from functools import lru_cache

from . import practice
from .evidence import parameters
from .rules import Condition, Pathway, Rule, all_of, is_, one_of, Not

FRAMEWORK = "NOMS"


def escc_in(group: str) -> Condition:
    grades = parameters()["escc_groups"][group]
    words = {"low": "low grade", "intermediate": "intermediate", "high": "high grade"}[group]
    listed = ", ".join(grades[:-1]) + " or " + grades[-1] if len(grades) > 1 else grades[0]
    return one_of("escc_grade", grades, f"the ESCC grade is {listed} ({words})")


SENSITIVE = is_("radiosensitivity", "sensitive", "the histology is sensitive to conventional radiotherapy")
RESISTANT = is_("radiosensitivity", "resistant", "the histology is resistant to conventional radiotherapy")
FIT_FOR_SURGERY = is_("fitness", "surgery", "the patient can tolerate open surgery")
RADIOTHERAPY_ONLY = is_("fitness", "radiotherapy only", "the patient can tolerate radiotherapy but not surgery")
SUPPORTIVE_ONLY = is_("fitness", "supportive care only", "the patient can tolerate no intervention")
UNSTABLE = is_("sins_category", "unstable", "the SINS category is unstable")
NOT_UNSTABLE = Not(UNSTABLE)
SINS_REFERRAL = one_of("sins_category", ("potentially unstable", "unstable"),
                       "the SINS category is potentially unstable or unstable")
NEURO_CONTEXT = ("myelopathy", "radiculopathy", "motor_deficit", "ambulatory")


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="noms.cebrt_radiosensitive", framework=FRAMEWORK, pathway=Pathway.CEBRT,
            when=SENSITIVE,
            text="Consider conventional external beam radiotherapy to {level}, whatever the ESCC grade.",
            reason="In NOMS a radiosensitive histology is treated with conventional radiotherapy regardless of the "
                   "degree of cord compression or myelopathy; surgery is needed only for instability.",
            evidence=("noms_sensitive_cebrt", "palliative_cebrt_schemes"),
            otherwise="follow the radioresistant branches (SRS, or separation surgery then SRS)",
            context=("escc_grade", *NEURO_CONTEXT), practice=practice.radiotherapy_conventional),
        Rule(
            id="noms.sbrt_option_painful_low_grade", framework=FRAMEWORK, pathway=Pathway.SRS,
            when=all_of(SENSITIVE, escc_in("low"), is_("sins_category", "stable", "the SINS category is stable"),
                        is_("painful", True, "the lesion is painful")),
            text="As an alternative to conventional fractionation for the pain at {level}, consider SBRT ({sbrt_example} "
                 "in the SC.24 trial).",
            reason="For painful spinal metastases without symptomatic cord compression, SBRT gave more complete "
                   "pain responses than conventional palliative radiotherapy in a randomized trial.",
            evidence=("sc24_sbrt",),
            practice=practice.sbrt_option),
        Rule(
            id="noms.srs_radioresistant_low_grade", framework=FRAMEWORK, pathway=Pathway.SRS,
            when=all_of(RESISTANT, escc_in("low")),
            text="Consider stereotactic radiosurgery (SRS/SBRT) to {level}.",
            reason="A radioresistant tumour without high-grade compression is best controlled by high-dose "
                   "stereotactic radiosurgery, which reaches tumoricidal doses while sparing the cord.",
            evidence=("noms_resistant_low_grade_srs", "sc24_sbrt"),
            otherwise="if the ESCC grade is 1c see the debated branch; if 2 or 3, separation surgery then SRS",
            context=NEURO_CONTEXT, practice=practice.radiotherapy_stereotactic),
        Rule(
            id="noms.escc_1c_radioresistant", framework=FRAMEWORK, pathway=Pathway.SRS,
            when=all_of(RESISTANT, escc_in("intermediate")),
            text="Weigh SRS (possibly hypofractionated) against separation surgery then SRS at {level}: the "
                 "cord is abutted but not compressed, where practice differs.",
            reason="ESCC 1c with a radioresistant histology is the debated zone of NOMS.",
            evidence=("escc_1c_debated", "noms_resistant_low_grade_srs"),
            context=NEURO_CONTEXT, practice=practice.radiotherapy_stereotactic),
        Rule(
            id="noms.separation_surgery_then_srs", framework=FRAMEWORK, pathway=Pathway.SEPARATION_SURGERY_SRS,
            when=all_of(RESISTANT, escc_in("high"), FIT_FOR_SURGERY),
            text="Consider separation surgery at {level} (decompression of {structure}, with stabilization as "
                 "needed), followed by stereotactic radiosurgery.",
            reason="High-grade compression from a radioresistant tumour is decompressed surgically so that "
                   "radiosurgery can then be dosed safely away from the cord; surgery plus radiotherapy kept more "
                   "patients walking than radiotherapy alone in the randomized trial.",
            evidence=("noms_resistant_high_grade_surgery", "patchell_rct", "patchell_scope", "noms_systemic"),
            otherwise="if the patient cannot tolerate surgery, palliative conventional radiotherapy",
            context=NEURO_CONTEXT, practice=practice.separation_surgery_then_srs),
        Rule(
            id="noms.palliative_cebrt_unfit", framework=FRAMEWORK, pathway=Pathway.CEBRT,
            when=all_of(RESISTANT, escc_in("high"), RADIOTHERAPY_ONLY),
            text="Consider palliative conventional radiotherapy to {level}, since surgery is not tolerable.",
            reason="When the systemic assessment rules out surgery, conventional radiotherapy is what remains for "
                   "high-grade compression, accepting a lower chance of local control for a radioresistant tumour.",
            evidence=("unfit_palliative_cebrt", "noms_systemic", "palliative_cebrt_schemes"),
            context=NEURO_CONTEXT, practice=practice.radiotherapy_instead_of_surgery),
        Rule(
            id="noms.sins_surgical_opinion", framework=FRAMEWORK, pathway=Pathway.STABILIZATION,
            when=SINS_REFERRAL,
            text="Ask a spine surgeon to assess the stability of {level}.",
            reason="The mechanical assessment is separate from the neurologic and oncologic ones; a potentially "
                   "unstable or unstable SINS calls for a surgical opinion.",
            evidence=("sins_referral",),
            context=("mechanical_pain", "body_collapse", "posterior_elements"), practice=practice.surgery_done),
        Rule(
            id="noms.stabilization_unstable", framework=FRAMEWORK, pathway=Pathway.STABILIZATION,
            when=all_of(UNSTABLE, FIT_FOR_SURGERY),
            text="Consider stabilization of {level} (open instrumentation, or percutaneous where it suffices), "
                 "with radiotherapy afterwards as the neurologic and oncologic assessments direct.",
            reason="Gross instability is an indication for surgical stabilization on its own, whatever the ESCC "
                   "grade or radiosensitivity; radiotherapy does not restore stability.",
            evidence=("noms_gross_instability_open", "sins_referral"),
            otherwise="below the unstable category, stability is a surgeon's judgement (see the surgical opinion)",
            context=("mechanical_pain", "body_collapse", "posterior_elements"), practice=practice.surgery_done),
        Rule(
            id="noms.cement_augmentation", framework=FRAMEWORK, pathway=Pathway.CEMENT_AUGMENTATION,
            when=all_of(is_("pathological_fracture", True, "there is a pathological fracture"),
                        is_("mechanical_pain", True, "the pain is mechanical (axial load)"),
                        NOT_UNSTABLE, Not(escc_in("high"))),
            text="Consider percutaneous cement augmentation (vertebroplasty or kyphoplasty) of {level} for the "
                 "mechanical pain.",
            # Leaving high-grade ESCC out is our reading: with cord compression the open branch applies and
            # cement alone would not decompress.
            reason="Mechanical pain from a pathological fracture without gross instability can be treated with "
                   "percutaneous cement; with high-grade compression the open surgical branch applies instead.",
            evidence=("noms_cement_axial_pain", "kyphoplasty_outcomes"),
            practice=practice.cement_done),
        Rule(
            id="noms.best_supportive_care", framework=FRAMEWORK, pathway=Pathway.BEST_SUPPORTIVE_CARE,
            when=SUPPORTIVE_ONLY,
            text="Consider best supportive care, with {single_fraction} to {level} if pain calls for it.",
            reason="Every NOMS treatment is chosen within what the patient can tolerate.",
            evidence=("best_supportive_care", "noms_systemic", "palliative_cebrt_schemes")),
    )
