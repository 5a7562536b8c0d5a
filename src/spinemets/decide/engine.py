"""Evaluate rules over a case's facts: fired, not fired, or not evaluable with the facts that would decide."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable

from .rules import Fact, Facts, OneOf, Rule


class Status(str, Enum):
    FIRED = "fired"
    NOT_FIRED = "not fired"
    NOT_EVALUABLE = "not evaluable"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Evaluation:
    rule: Rule
    status: Status
    facts_used: tuple[Fact, ...]  # every fact the rule's condition reads, in the order it reads them
    deciding: tuple[OneOf, ...]  # when not evaluable: the tests still open, each naming its fact


def evaluate(rule: Rule, facts: Facts) -> Evaluation:
    missing = sorted(({atom.fact for atom in rule.when.atoms()} | set(rule.context)) - set(facts))
    if missing:
        raise KeyError(f"rule {rule.id} reads facts nobody gathered: {', '.join(missing)}")
    verdict = rule.when.evaluate(facts)
    status = Status.FIRED if verdict is True else Status.NOT_FIRED if verdict is False else Status.NOT_EVALUABLE
    names: list[str] = []
    for atom in rule.when.atoms():
        if atom.fact not in names:
            names.append(atom.fact)
    deciding = tuple(rule.when.undecided(facts)) if status is Status.NOT_EVALUABLE else ()
    return Evaluation(rule=rule, status=status, facts_used=tuple(facts[n] for n in names), deciding=deciding)


def evaluate_all(rules: Iterable[Rule], facts: Facts) -> list[Evaluation]:
    return [evaluate(rule, facts) for rule in rules]
