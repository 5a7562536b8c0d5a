"""The seed case (Sun et al., Oncol Lett 2014, doi:10.3892/ol.2014.2132) checked field by field.

What the report states: C6 total body destruction with collapse and cord compression (CSF not reported),
osteolytic foci C2-T2, lung metastases, leiomyosarcoma (radioresistant to conventional RT). What the team
did: anterior C6 corpectomy, PMMA-filled titanium cage, anterior plate, PMMA into C5 and C7 through the screw
tracts; then 50 Gy in 25 fractions and doxorubicin. NOMS (scores.md 13.12): separation surgery then SRS.
"""

from __future__ import annotations

import pytest

from spinemets.decide import decide, follow_up_plan


@pytest.fixture(scope="module")
def decision(seed_case):
    return decide(seed_case)


def rec(decision, rule_id):
    found = [r for r in decision.recommendations if r.id == rule_id]
    assert found, f"{rule_id} not recommended; got {[r.id for r in decision.recommendations]}"
    return found[0]


def cited(recommendation) -> set[str]:
    return {c.key for s in recommendation.evidence for c in s.citations}


def test_noms_points_to_separation_surgery_then_srs_once_fitness_is_known(decision):
    r = rec(decision, "noms.separation_surgery_then_srs")
    assert r.pathway == "separation surgery then SRS"
    # ESCC 2 or 3 and radioresistance are known; only the systemic judgement is open, and it is asked.
    assert r.status == "conditional"
    assert [c["fact"] for c in r.conditions] == ["fitness"]
    question = r.conditions[0]["question"]
    assert "ECOG unknown" in question and "lung" in question and "Tomita" in question
    assert "ESCC grade at C6: 2 or 3" in r.rationale
    assert "resistant (leiomyosarcoma)" in r.rationale
    assert {"laufer2013", "patchell2005"} <= cited(r)


def test_the_radiotherapy_departure_from_noms_is_stated_plainly(decision):
    practice = rec(decision, "noms.separation_surgery_then_srs").in_practice
    assert "50 Gy in 25 fractions (conventional" in practice
    assert "departs" in practice and "stereotactic radiosurgery" in practice
    assert "corpectomy" in practice


def test_no_radiotherapy_only_or_cebrt_branch_fires_for_a_radioresistant_tumour(decision):
    fired = {r.id for r in decision.recommendations if r.status == "fired"}
    assert "noms.cebrt_radiosensitive" not in {r.id for r in decision.recommendations}
    assert not fired & {"noms.palliative_cebrt_unfit", "noms.best_supportive_care", "noms.cement_augmentation"}


def test_instability_calls_for_a_surgical_opinion(decision):
    r = rec(decision, "noms.sins_surgical_opinion")
    assert r.status == "fired" and r.pathway == "stabilization"
    assert "potentially unstable or unstable" in r.rationale
    assert "fisher2010" in cited(r)
    # Stabilization for gross instability waits on the SINS items the report does not give.
    stab = rec(decision, "noms.stabilization_unstable")
    assert stab.status == "conditional"
    assert {c["fact"] for c in stab.conditions} == {"sins_category", "fitness"}


def test_anterior_corpectomy_cage_and_plate_with_its_reasons(decision):
    r = rec(decision, "surgery.cervical_anterior_reconstruction")
    assert r.status == "fired" and r.pathway == "surgical approach"
    assert "anterior" in r.text and "corpectomy of C6" in r.text and "cage" in r.text and "plate" in r.text
    for reason in ("subaxial cervical", "vertebral body collapse at C6: yes", "ESCC grade at C6: 2 or 3"):
        assert reason in r.rationale
    assert {"mesfin2015", "fehlings2009"} <= cited(r)
    assert "consistent" in r.in_practice


def test_posterior_supplementation_depends_on_what_the_report_leaves_unsaid(decision):
    r = rec(decision, "surgery.posterior_or_combined")
    assert r.status == "conditional"
    assert {c["fact"] for c in r.conditions} == {"posterior_elements", "multilevel_collapse"}
    assert any("pedicles" in c["question"] for c in r.conditions)
    assert "without posterior fixation" in r.in_practice


def test_adjacent_vertebrae_with_osteolytic_foci_get_pmma_for_screw_purchase(decision):
    r = rec(decision, "surgery.adjacent_pmma_augmentation")
    assert r.status == "fired" and r.pathway == "cement augmentation"
    assert "C5 and C7" in r.text and "PMMA" in r.text and "screw" in r.text
    assert "C5, C7 osteolytic" in r.rationale
    assert {"sun2014", "boucas2023"} <= cited(r)
    assert "PMMA into C5, C7" in r.in_practice and "consistent" in r.in_practice


def test_aim_is_palliative_decompression_not_excision(decision):
    r = rec(decision, "surgery.aim_palliative")
    assert r.status == "fired" and r.pathway == "aim of surgery"
    assert "not excision" in r.text
    assert "Tomita" in r.rationale and "C2-T2" in r.rationale and "lung" in r.rationale
    assert "surgery.aim_excision" not in {x.id for x in decision.recommendations}


def test_every_recommendation_carries_evidence_and_uses_decision_support_wording(decision):
    for r in decision.recommendations:
        assert r.evidence, r.id
        assert r.rationale
        lowered = r.text.lower()
        assert "consider" in lowered or "weigh" in lowered or "ask" in lowered, r.text
        for condition in r.conditions:
            assert condition["question"], (r.id, condition)
            assert condition["text"].startswith("if ")


def test_follow_up_covers_construct_cement_recurrence_neurology_heart_and_lungs(seed_case, decision):
    plan = {item["id"]: item for item in follow_up_plan(seed_case, decision.recommendations)}
    assert {"construct_failure", "cement_leakage", "local_recurrence", "neurology", "cardiac_function",
            "sarcoma_systemic", "radiation_myelopathy"} <= set(plan)
    assert plan["construct_failure"]["applies"] == "done"
    assert plan["cement_leakage"]["because"].startswith("PMMA recorded in C5, C7")
    assert "doxorubicin" in plan["cardiac_function"]["because"]
    assert plan["cardiac_function"]["confidence"] == "confirmed"
    assert plan["construct_failure"]["source"].startswith("our synthesis of:")
    assert 3.0 in plan["construct_failure"]["when_months"]
    for item in plan.values():
        assert item["what"] and item["when"] and item["why"] and item["source"]


def test_late_myelopathy_is_watched_where_the_cord_was_irradiated_only(seed_case, decision):
    from pathlib import Path

    from spinemets.casefile import load_case

    EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
    seed_plan = {i["id"] for i in follow_up_plan(seed_case, decision.recommendations)}
    assert "radiation_myelopathy" in seed_plan  # C6: cervical cord
    renal = load_case(EXAMPLES / "renal-l2.yaml")  # L2 compresses the cauda equina, not the cord
    renal_plan = {i["id"] for i in follow_up_plan(renal, decide(renal).recommendations)}
    assert "radiation_myelopathy" not in renal_plan and "local_recurrence" in renal_plan
