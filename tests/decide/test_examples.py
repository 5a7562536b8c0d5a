"""The two contrasting examples, and a case that says almost nothing.

examples/breast-t8.yaml: stable, no epidural disease, radiosensitive -> radiotherapy, no surgery.
examples/renal-l2.yaml: ESCC 3 of the cauda equina, radioresistant, non-ambulatory, ECOG 3, Tomita 8 ->
surgery versus the systemic picture is for the team to weigh; the output must show both sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spinemets.case import Case
from spinemets.casefile import load_case
from spinemets.decide import decide
from spinemets.errors import InputError, UnknownNameError


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SURGICAL = {"separation surgery then SRS", "stabilization", "surgical approach", "aim of surgery"}


@pytest.fixture(scope="module")
def breast():
    return load_case(EXAMPLES / "breast-t8.yaml")


@pytest.fixture(scope="module")
def renal():
    return load_case(EXAMPLES / "renal-l2.yaml")


def by_id(decision):
    return {r.id: r for r in decision.recommendations}


def test_breast_t8_gets_radiotherapy_and_no_surgery(breast):
    recs = by_id(decide(breast))
    assert recs["noms.cebrt_radiosensitive"].status == "fired"
    assert "ESCC grade at T8: 0" in recs["noms.cebrt_radiosensitive"].rationale
    sbrt = recs["noms.sbrt_option_painful_low_grade"]
    assert sbrt.status == "fired" and sbrt.pathway == "SRS"
    assert "24 Gy in 2 fractions" in sbrt.text  # SC.24 arm, from evidence.yaml sbrt_example
    assert "sahgal2021" in {c.key for s in sbrt.evidence for c in s.citations}
    assert not [r for r in recs.values() if r.pathway in SURGICAL], [r.id for r in recs.values()]


def test_renal_l2_puts_separation_surgery_and_palliative_radiotherapy_side_by_side(renal):
    recs = by_id(decide(renal))
    surgery = recs["noms.separation_surgery_then_srs"]
    unfit = recs["noms.palliative_cebrt_unfit"]
    assert surgery.status == unfit.status == "conditional"
    assert "the cauda equina" in surgery.text
    question = surgery.conditions[0]["question"]
    for known in ("ECOG 3", "KPS 40", "lung (3)", "Tomita score (2001) 8 (terminal care)"):
        assert known in question
    assert "motor deficit: yes" in surgery.rationale and "able to walk: no" in surgery.rationale
    # The other side of the scale: Tomita 8 points to supportive care, stated as something to weigh.
    weigh = recs["surgery.tomita_supportive"]
    assert weigh.status == "fired" and weigh.text.startswith("Weigh surgery at L2")
    assert recs["surgery.thoracolumbar_posterior"].status == "fired"
    assert recs["noms.sins_surgical_opinion"].status == "fired"
    assert "potentially unstable (SINS 10)" in recs["noms.sins_surgical_opinion"].rationale


def test_renal_l2_answers_settle_the_branch(renal):
    unfit = by_id(decide(renal, answers={"fitness": "radiotherapy only"}))
    assert unfit["noms.palliative_cebrt_unfit"].status == "fired"
    assert "noms.separation_surgery_then_srs" not in unfit
    fit = by_id(decide(renal, answers={"fitness": "surgery"}))
    assert fit["noms.separation_surgery_then_srs"].status == "fired"
    assert fit["noms.separation_surgery_then_srs"].conditions == ()


def test_a_case_with_almost_no_facts_recommends_nothing_firmly_and_asks_instead():
    case = Case.model_validate({"lesions": [{"level": "T5"}]})
    decision = decide(case)
    noms = [r for r in decision.recommendations if r.framework == "NOMS"]
    assert noms and all(r.status == "conditional" for r in noms)
    asked = {c["fact"] for r in noms for c in r.conditions}
    assert {"radiosensitivity", "escc_grade", "fitness"} <= asked
    radiotherapy = next(r for r in noms if r.id == "noms.cebrt_radiosensitive")
    assert "histology" in radiotherapy.conditions[0]["question"]


def test_unknown_answer_names_and_values_are_clear_input_errors(renal):
    with pytest.raises(UnknownNameError) as unknown:
        decide(renal, answers={"fitnes": "surgery"})
    assert "fitness" in unknown.value.suggestions
    with pytest.raises(InputError, match="open surgery|surgery, radiotherapy only"):
        decide(renal, answers={"fitness": "maybe"})
    with pytest.raises(InputError, match="record it there"):
        decide(renal, answers={"escc_grade": "1a"})


def test_without_an_index_level_decisions_read_the_level_the_scores_chose(renal):
    # SINS and ESCC come from the scores, so the lesion facts must be read at the same level, whichever
    # level the score engine picked as the worst.
    from spinemets.scores import score_all

    data = renal.model_dump(mode="json")
    data["index_level"] = None
    case = Case.model_validate(data)
    scores = score_all(case)
    decision = decide(case)
    assert decision.facts["escc_grade"].label == f"ESCC grade at {scores['escc'].level}"
    assert decision.facts["sins_category"].label == f"SINS category at {scores['sins'].level}"
    # The lesion facts are read at the compressing level the ESCC score graded.
    assert decision.facts["body_collapse"].label == f"vertebral body collapse at {scores['escc'].level}"


def _with_radiotherapy(case: Case, technique: str, dose: float, fractions: int) -> Case:
    data = case.model_dump(mode="json")
    data["treatments"]["radiotherapy"] = [{"total_dose_gy": dose, "fractions": fractions, "technique": technique}]
    return Case.model_validate(data)


def test_practice_notes_follow_the_technique_given(breast, seed_case):
    treated = by_id(decide(_with_radiotherapy(breast, "conventional", 20, 5)))
    assert treated["noms.cebrt_radiosensitive"].in_practice.endswith("as this recommendation suggests.")
    assert "which NOMS supports for this histology" in treated["noms.sbrt_option_painful_low_grade"].in_practice
    srs = by_id(decide(_with_radiotherapy(seed_case, "sbrt", 24, 2)))
    note = srs["noms.separation_surgery_then_srs"].in_practice
    assert "as the framework suggests" in note and "departs" not in note
    unrecorded = by_id(decide(_with_radiotherapy(seed_case, "unknown", 50, 25)))
    assert "technique is not recorded" in unrecorded["noms.separation_surgery_then_srs"].in_practice
