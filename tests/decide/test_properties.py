"""Learning a fact never takes back a verdict: fired stays fired, not fired stays not fired.

Checked on the real NOMS and surgical rules, over random fact sets and their random refinements, and end to
end on the seed case with findings the report leaves open filled in.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from spinemets.case import Case
from spinemets.decide import decide
from spinemets.decide.engine import Status, evaluate_all
from spinemets.decide.facts import gather
from spinemets.decide.recommend import all_rules
from spinemets.decide.rules import Facts

# The fact names and domains the rules read (values are drawn below).
BLANK = gather(Case.model_validate({"lesions": [{"level": "C5"}]}), scores={})


@st.composite
def fact_sets_and_refinements(draw):
    first, second = {}, {}
    for name, fact in BLANK.items():
        domain = list(fact.domain)
        coarse = draw(st.sets(st.sampled_from(domain), min_size=1))
        fine = draw(st.sets(st.sampled_from(sorted(coarse, key=domain.index)), min_size=1))
        first[name] = replace(fact, possible=frozenset(coarse))
        second[name] = replace(fact, possible=frozenset(fine))
    return Facts(first, BLANK.words), Facts(second, BLANK.words)


@settings(max_examples=300, deadline=None)
@given(fact_sets_and_refinements())
def test_refining_facts_never_reverses_or_withdraws_a_verdict(pair):
    coarse, fine = pair
    for before, after in zip(evaluate_all(all_rules(), coarse), evaluate_all(all_rules(), fine)):
        if before.status is not Status.NOT_EVALUABLE:
            assert after.status is before.status, before.rule.id


def _statuses(case: Case, answers=None) -> dict[str, Status]:
    return {e.rule.id: e.status for e in decide(case, answers=answers).evaluations}


COMPLETIONS = [
    # Findings the seed report leaves open, set one at a time, then together.
    {"lesions.C6.csf_visible_around_cord": False},
    {"lesions.C6.posterolateral": "none"},
    {"lesions.C6.posterolateral": "bilateral"},
    {"lesions.C6.alignment": "deformity", "lesions.C6.pain": "mechanical"},
    {"performance.ecog": 1, "neurology.frankel": "E"},
    {"lesions.C6.csf_visible_around_cord": True, "lesions.C6.posterolateral": "unilateral",
     "lesions.C6.alignment": "normal", "lesions.C6.pain": "mechanical", "staging_complete": True},
]


def _complete(case: Case, changes: dict) -> Case:
    data = case.model_dump(mode="json")
    for path, value in changes.items():
        parts = path.split(".")
        if parts[0] == "lesions":
            lesion = next(l for l in data["lesions"] if l["level"] == parts[1])
            lesion[parts[2]] = value
        elif len(parts) == 2:
            data[parts[0]][parts[1]] = value
        else:
            data[parts[0]] = value
    return Case.model_validate(data)


def test_seed_completed_with_unreported_findings_keeps_every_verdict(seed_case):
    before = _statuses(seed_case)
    for changes in COMPLETIONS:
        after = _statuses(_complete(seed_case, changes))
        for rule_id, status in before.items():
            if status is not Status.NOT_EVALUABLE:
                assert after[rule_id] is status, (changes, rule_id)


# Values a reader of the images or the notes could add to the seed, field by field (None leaves it open).
SEED_OPEN_FINDINGS = {
    "lesions.C6.csf_visible_around_cord": [None, True, False],
    "lesions.C6.posterolateral": [None, "none", "unilateral", "bilateral"],
    "lesions.C6.alignment": [None, "normal", "deformity", "subluxation"],
    "lesions.C6.pain": [None, "mechanical", "occasional_non_mechanical"],
    "lesions.C5.collapse": [None, "none", "less_than_50"],
    "lesions.C7.collapse": [None, "none", "more_than_50"],
    "performance.ecog": [None, 0, 1, 2, 3],
    "neurology.motor_deficit": [None, True, False],
    "neurology.myelopathy": [None, True, False],
    "staging_complete": [None, True],
}


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in SEED_OPEN_FINDINGS.items()}))
def test_filling_in_what_the_seed_report_leaves_open_keeps_every_verdict(seed_case, drawn):
    changes = {path: value for path, value in drawn.items() if value is not None}
    before = _statuses(seed_case)
    after = _statuses(_complete(seed_case, changes))
    for rule_id, status in before.items():
        if status is not Status.NOT_EVALUABLE:
            assert after[rule_id] is status, (changes, rule_id)


def test_answering_the_systemic_question_settles_the_noms_branches_without_undoing_any(seed_case):
    before = _statuses(seed_case)
    for fitness in ("surgery", "radiotherapy only", "supportive care only"):
        after = _statuses(seed_case, answers={"fitness": fitness})
        assert all(after[r] is s for r, s in before.items() if s is not Status.NOT_EVALUABLE)
        # Exactly one of the three systemic branches fires.
        branches = ["noms.separation_surgery_then_srs", "noms.palliative_cebrt_unfit", "noms.best_supportive_care"]
        assert sum(after[b] is Status.FIRED for b in branches) == 1, fitness
