"""From rule evaluations to recommendations a clinician reads: text, rationale, evidence, conditions, practice.

A rule that fired gives a recommendation with status "fired"; a rule that is not evaluable gives a
"conditional" one, listing each open test as "if ...: ...; otherwise: ..." with the question that settles it.
Rules that did not fire are kept on the Decision (for audit) but not recommended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..case import Case
from . import noms, surgery
from .engine import Evaluation, Status, evaluate_all
from .evidence import Statement, statement
from .facts import gather
from .rules import Fact, Facts, Rule


@dataclass(frozen=True)
class Recommendation:
    id: str
    framework: str
    pathway: str
    status: str  # "fired" or "conditional"
    text: str
    rationale: str
    evidence: tuple[Statement, ...]
    conditions: tuple[dict[str, Any], ...]
    facts_used: tuple[Fact, ...]
    in_practice: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "framework": self.framework, "pathway": self.pathway, "status": self.status,
                "text": self.text, "rationale": self.rationale,
                "evidence": [s.as_dict() for s in self.evidence], "conditions": list(self.conditions),
                "facts_used": [f.as_dict() for f in self.facts_used], "in_practice": self.in_practice}


@dataclass
class Decision:
    facts: Facts
    evaluations: list[Evaluation]
    recommendations: list[Recommendation] = field(default_factory=list)

    def evaluation(self, rule_id: str) -> Evaluation:
        return next(e for e in self.evaluations if e.rule.id == rule_id)


def all_rules() -> tuple[Rule, ...]:
    return (*noms.rules(), *surgery.rules())


def decide(case: Case, scores: Mapping[str, Any] | None = None, answers: Mapping[str, Any] | None = None) -> Decision:
    """Evaluate every rule for a case. Scores are computed when not given; answers settle open facts."""
    if scores is None:
        from ..scores import score_all

        scores = score_all(case)
    facts = gather(case, scores, answers)
    evaluations = evaluate_all(all_rules(), facts)
    decision = Decision(facts=facts, evaluations=evaluations)
    shown = [e for e in evaluations if e.status is not Status.NOT_FIRED]
    # Fired before conditional within each framework; rule order otherwise (the frameworks' own order).
    order = {Status.FIRED: 0, Status.NOT_EVALUABLE: 1}
    frameworks = list(dict.fromkeys(e.rule.framework for e in evaluations))
    shown.sort(key=lambda e: (frameworks.index(e.rule.framework), order[e.status]))
    decision.recommendations = [_recommendation(e, case, facts) for e in shown]
    return decision


def _recommendation(evaluation: Evaluation, case: Case, facts: Facts) -> Recommendation:
    rule = evaluation.rule
    text = rule.text.format(**facts.words)
    used = list(evaluation.facts_used) + [facts[n] for n in rule.context
                                          if facts[n] not in evaluation.facts_used]
    return Recommendation(
        id=rule.id, framework=rule.framework, pathway=rule.pathway.value,
        status="fired" if evaluation.status is Status.FIRED else "conditional",
        text=text, rationale=_rationale(rule, used, facts),
        evidence=tuple(statement(key) for key in rule.evidence),
        conditions=tuple(_conditions(evaluation, text, facts)),
        facts_used=tuple(used),
        in_practice=rule.practice(case, facts) if rule.practice else None)


def _rationale(rule: Rule, used: list[Fact], facts: Facts) -> str:
    reason = rule.reason.format(**facts.words)
    known = [fact.describe() for fact in used if not fact.unknown_entirely]
    unknown = [fact.label for fact in used if fact.unknown_entirely]
    out = reason
    if known:
        out += " In this case: " + "; ".join(known) + "."
    if unknown:
        out += " Not recorded: " + ", ".join(unknown) + "."
    return out


def _conditions(evaluation: Evaluation, text: str, facts: Facts) -> list[dict[str, Any]]:
    otherwise = (evaluation.rule.otherwise or "this recommendation does not apply").format(**facts.words)
    out = []
    for atom in evaluation.deciding:
        fact = facts[atom.fact]
        then = text[0].lower() + text[1:]
        out.append({"fact": atom.fact, "if": atom.text, "then": text, "otherwise": otherwise,
                    "question": fact.question, "currently": fact.describe(),
                    "text": f"if {atom.text}: {then} Otherwise: {otherwise}."})
    return out
