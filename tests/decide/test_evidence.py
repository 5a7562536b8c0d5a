"""Every recommendation and follow-up item rests on cited statements; the data files hold together."""

from __future__ import annotations

from spinemets.decide import evidence
from spinemets.decide.follow_up import items
from spinemets.decide.recommend import all_rules

# The sources issue 4 names for the decision rules.
REQUIRED = {"laufer2013", "fisher2010", "bilsky2010", "patchell2005", "fehlings2009"}


def test_every_rule_cites_known_statements_and_the_required_sources_are_all_used():
    used: set[str] = set()
    for rule in all_rules():
        assert rule.evidence, rule.id
        for key in rule.evidence:
            used |= {c.key for c in evidence.statement(key).citations}
    escc_sources = set(evidence.parameters()["escc_groups"]["source"])
    assert REQUIRED <= used | escc_sources, REQUIRED - used - escc_sources


def test_each_statement_has_a_citation_that_can_be_found():
    for statement in evidence.statements().values():
        assert statement.citations, statement.key
        assert statement.confidence in evidence.CONFIDENCE
        for citation in statement.citations:
            assert citation.doi or citation.url or citation.text.count(".") >= 2, citation


def test_own_references_do_not_shadow_the_shared_bibliography():
    # bibliography() raises on a clash; calling it is the check.
    entries = evidence.bibliography()
    assert "laufer2013" in entries and "patchell2005" in entries


def test_verified_dois_render_into_the_citation():
    cited = evidence.citation("bilsky2010")
    assert cited.doi == "10.3171/2010.3.SPINE09459" and "J Neurosurg Spine 2010" in cited.text
    assert cited.full.endswith("doi:10.3171/2010.3.SPINE09459") and "doi:" not in cited.text


def test_follow_up_items_each_have_timing_reason_and_source():
    for item in items():
        assert item.what and item.when and item.why and item.citations, item.id
        if item.when_months is not None:
            assert list(item.when_months) == sorted(item.when_months), item.id
        if item.confidence == "our_synthesis":
            assert item.source.startswith("our synthesis of:")


def test_escc_groups_partition_the_bilsky_grades():
    groups = evidence.parameters()["escc_groups"]
    grades = groups["low"] + groups["intermediate"] + groups["high"]
    assert sorted(grades) == sorted(["0", "1a", "1b", "1c", "2", "3"])
