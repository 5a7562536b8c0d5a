"""Surgical considerations by region: approach, reconstruction, fixation in weak bone, and the aim of surgery.

These apply if surgery is chosen (NOMS decides whether); each says which facts of the case point to it.
The approach rules read the region of the index level (Mesfin 2015), whether its body has collapsed and
compresses the cord, posterior-element involvement and how many contiguous vertebrae are affected.
"""

from __future__ import annotations

from functools import lru_cache

from . import practice
from .noms import UNSTABLE, escc_in
from .rules import Pathway, Rule, all_of, any_of, is_, one_of

FRAMEWORK = "surgical considerations"

SUBAXIAL = is_("region", "subaxial cervical", "the index level is subaxial cervical (C3-C6)")
CERVICAL = one_of("region", ("occipitocervical", "subaxial cervical", "cervicothoracic"),
                  "the index level is cervical or at the cervicothoracic junction")
JUNCTIONAL = one_of("region", ("occipitocervical", "cervicothoracic"),
                    "the index level is junctional (occiput-C2 or C7-T1)")
THORACOLUMBAR = one_of("region", ("thoracic", "lumbar"), "the index level is thoracic or lumbar")
COLLAPSE = is_("body_collapse", True, "the vertebral body has collapsed")
POSTERIOR = is_("posterior_elements", True, "the pedicles or facets are involved")
MULTILEVEL = is_("multilevel_collapse", True, "more contiguous vertebrae collapse and compress than an anterior "
                                              "construct alone is considered for")


def _ventral_body_disease():
    return all_of(COLLAPSE, escc_in("high"))


def _anterior():
    return all_of(SUBAXIAL, _ventral_body_disease())


def _posterior_or_combined():
    return all_of(CERVICAL, any_of(_ventral_body_disease(), POSTERIOR), any_of(POSTERIOR, MULTILEVEL, JUNCTIONAL))


def _thoracolumbar():
    return all_of(THORACOLUMBAR, any_of(escc_in("high"), UNSTABLE))


def _surgery_in_view():
    return any_of(escc_in("high"), UNSTABLE)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="surgery.cervical_anterior_reconstruction", framework=FRAMEWORK, pathway=Pathway.SURGICAL_APPROACH,
            when=_anterior(),
            text="If surgery is chosen, consider an anterior approach: corpectomy of {level}, reconstruction of the "
                 "column with a cage (filled with PMMA or graft) and an anterior plate.",
            reason="Cervical metastases sit mostly in the vertebral body; a collapsed subaxial body compressing the "
                   "cord from the front is reached and rebuilt most directly from the front.",
            evidence=("cervical_body_disease_anterior",),
            otherwise="see the posterior or combined approach",
            context=("posterior_elements", "multilevel_collapse"), practice=practice.approach_anterior),
        Rule(
            id="surgery.posterior_or_combined", framework=FRAMEWORK, pathway=Pathway.SURGICAL_APPROACH,
            when=_posterior_or_combined(),
            text="If surgery is chosen, consider posterior fixation (lateral mass or pedicle screws): on its own for "
                 "posterior-element disease, or added to the anterior reconstruction (combined approach) for "
                 "circumferential, multilevel or junctional disease at {level}.",
            reason="An anterior construct alone does not hold when the posterior column is also destroyed, when "
                   "several bodies are removed, or across the cervicothoracic junction.",
            evidence=("cervical_posterior_or_combined", "multilevel_corpectomy_posterior", "cervicothoracic_junction"),
            otherwise="an anterior construct alone may suffice",
            practice=practice.approach_posterior),
        Rule(
            id="surgery.thoracolumbar_posterior", framework=FRAMEWORK, pathway=Pathway.SURGICAL_APPROACH,
            when=_thoracolumbar(),
            text="If surgery is chosen, consider posterior decompression and instrumentation at {level} "
                 "(posterolateral corpectomy and anterior column reconstruction where the body must be rebuilt).",
            reason="In the thoracic and lumbar spine, decompression and fixation are mostly done from behind.",
            evidence=("thoracolumbar_posterior", "noms_resistant_high_grade_surgery"),
            practice=practice.approach_posterior),
        Rule(
            id="surgery.adjacent_pmma_augmentation", framework=FRAMEWORK, pathway=Pathway.CEMENT_AUGMENTATION,
            when=all_of(any_of(_anterior(), _posterior_or_combined(), _thoracolumbar()),
                        is_("adjacent_osteolytic", True, "the adjacent vertebrae carry osteolytic foci")),
            text="If the fixation is anchored in {adjacent}, consider augmenting them with PMMA (through the screw "
                 "tracts or with fenestrated screws) to hold the screws, after checking their posterior walls on CT.",
            reason="Osteolytic foci weaken the vertebrae that anchor the screws; cement raises pull-out strength. "
                   "An intact posterior wall keeps cement out of the canal.",
            evidence=("pmma_screw_augmentation", "seed_adjacent_pmma", "cervical_vp_posterior_wall"),
            practice=practice.adjacent_cement),
        Rule(
            id="surgery.aim_palliative", framework=FRAMEWORK, pathway=Pathway.SURGICAL_AIM,
            when=all_of(_surgery_in_view(), one_of("tomita_aim", ("palliative surgery", "supportive care"),
                                                   "Tomita points to palliative surgery or supportive care")),
            text="If surgery is chosen, consider palliative decompression and a stable reconstruction at {level} as "
                 "the aim, not excision of the tumour.",
            reason="The Tomita score sets the aim of surgery from the growth of the primary and the extent of "
                   "visceral and bone disease; with widespread disease, excision would not change the course.",
            evidence=("tomita_strategy", "tokuhashi_strategy", "seed_palliative_aim"),
            otherwise="if the Tomita total is low, excision for local control may be the aim",
            context=("multiple_spinal_levels", "visceral_metastases"), practice=practice.surgery_done),
        Rule(
            id="surgery.aim_excision", framework=FRAMEWORK, pathway=Pathway.SURGICAL_AIM,
            when=all_of(_surgery_in_view(), is_("tomita_aim", "excision", "Tomita points to excision (local control)")),
            text="If surgery is chosen, consider excision of the tumour at {level} (wide, marginal or intralesional "
                 "as the Tomita total indicates) for longer local control.",
            reason="Low Tomita totals (limited disease, slow growth) predict enough survival for excision to pay off.",
            evidence=("tomita_strategy",),
            context=("multiple_spinal_levels", "visceral_metastases"), practice=practice.surgery_done),
        Rule(
            id="surgery.tomita_supportive", framework=FRAMEWORK, pathway=Pathway.SURGICAL_AIM,
            when=all_of(_surgery_in_view(), is_("tomita_aim", "supportive care", "Tomita points to supportive care")),
            text="Weigh surgery at {level} carefully: the Tomita total points to non-operative supportive care, "
                 "against the neurological benefit decompression may bring.",
            reason="Tomita's highest totals carry the shortest survival, where an operation's burden may outweigh "
                   "its benefit.",
            evidence=("tomita_strategy", "patchell_rct", "noms_systemic"),
            context=("multiple_spinal_levels", "visceral_metastases", "ambulatory", "motor_deficit"),
            practice=practice.surgery_done),
    )
