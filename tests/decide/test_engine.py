"""The three-valued engine: a rule fires, does not fire, or is not evaluable and names the facts that decide."""

from __future__ import annotations

import pytest

from spinemets.decide.engine import Status, evaluate
from spinemets.decide.rules import Fact, Facts, Not, Pathway, Rule, all_of, any_of, is_, one_of

GRADES = ("0", "1a", "1b", "1c", "2", "3")


def facts(grade=None, radio=None, fit=None) -> Facts:
    items = [
        Fact("escc", "ESCC", GRADES, frozenset(grade or GRADES), "test"),
        Fact.of("radio", "radiosensitivity", ("sensitive", "resistant"), radio, "test", "which histology?"),
        Fact.of("fit", "fit for surgery", (True, False), fit, "test", "fit?"),
    ]
    return Facts({f.name: f for f in items}, {"level": "C6"})


HIGH = one_of("escc", ("2", "3"), "ESCC 2 or 3")
RESISTANT = is_("radio", "resistant", "radioresistant")
FIT = is_("fit", True, "fit for surgery")


def rule(when) -> Rule:
    return Rule(id="t", framework="test", pathway=Pathway.SRS, when=when, text="x at {level}", reason="r",
                evidence=())


def test_one_of_is_true_only_when_every_possible_value_satisfies_it():
    assert HIGH.evaluate(facts(grade={"2", "3"})) is True
    assert HIGH.evaluate(facts(grade={"0", "1a"})) is False
    assert HIGH.evaluate(facts(grade={"1c", "2"})) is None
    assert HIGH.evaluate(facts()) is None


def test_all_of_is_false_as_soon_as_one_part_is_false_even_with_unknowns():
    assert all_of(HIGH, RESISTANT).evaluate(facts(grade={"0"})) is False
    assert all_of(HIGH, RESISTANT).evaluate(facts(grade={"2"}, radio="resistant")) is True
    assert all_of(HIGH, RESISTANT).evaluate(facts(grade={"2"})) is None


def test_any_of_is_true_as_soon_as_one_part_is_true_even_with_unknowns():
    assert any_of(HIGH, RESISTANT).evaluate(facts(radio="resistant")) is True
    assert any_of(HIGH, RESISTANT).evaluate(facts(grade={"0"}, radio="sensitive")) is False
    assert any_of(HIGH, RESISTANT).evaluate(facts(grade={"0"})) is None


def test_not_keeps_unknown_unknown():
    assert Not(HIGH).evaluate(facts()) is None
    assert Not(HIGH).evaluate(facts(grade={"3"})) is False


def test_not_evaluable_names_only_the_facts_that_could_still_decide():
    result = evaluate(rule(all_of(HIGH, RESISTANT, FIT)), facts(grade={"2", "3"}))
    assert result.status is Status.NOT_EVALUABLE
    assert [atom.fact for atom in result.deciding] == ["radio", "fit"]
    assert [f.name for f in result.facts_used] == ["escc", "radio", "fit"]


def test_fired_and_not_fired_have_no_open_questions():
    assert evaluate(rule(HIGH), facts(grade={"3"})).status is Status.FIRED
    assert evaluate(rule(HIGH), facts(grade={"1b"})).status is Status.NOT_FIRED
    assert evaluate(rule(HIGH), facts(grade={"3"})).deciding == ()


def test_a_rule_reading_an_ungathered_fact_is_a_programming_error():
    with pytest.raises(KeyError, match="nobody gathered"):
        evaluate(rule(is_("nowhere", True, "x")), facts())


def test_a_fact_with_no_possible_value_is_refused():
    with pytest.raises(ValueError, match="contradictory"):
        Fact("escc", "ESCC", GRADES, frozenset(), "test")
    with pytest.raises(ValueError, match="outside its domain"):
        Fact("escc", "ESCC", GRADES, frozenset({"4"}), "test")
