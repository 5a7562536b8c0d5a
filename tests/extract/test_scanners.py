"""The long alternations (vocabularies, the generic and case cues) are tried only where one of their beginnings
stands (extract/_prefix.py). A cue written so that its beginnings cannot be read (a leading `\\s*`, a class) makes
the whole alternation fall back to a search at every character, with the same facts but several times the time:
this guards against that silent slowdown."""

from pathlib import Path

import pytest

from spinemets.extract import _prefix, extract_text
from spinemets.extract.components import _util

DEV = Path(__file__).resolve().parents[3] / "shared" / "cases" / "dev"


def test_every_vocabulary_and_cue_alternation_has_a_beginning_scanner(monkeypatch):
    texts = [p.read_text() for p in sorted(DEV.glob("*.txt"))[:12]]
    if not texts:
        pytest.skip("../shared/cases/dev is not beside the repository")
    without: list[str] = []
    real = _prefix.beginning_scanner

    def recording(pattern, *args, **options):
        scanner = real(pattern, *args, **options)
        if scanner is None:
            without.append(pattern.pattern[:80])
        return scanner

    # the two places that ask for a scanner and fall back silently: vocabulary matches and the cue searches
    monkeypatch.setattr(_prefix, "beginning_scanner", recording)
    original_matches = _util.matches

    def matches(pattern, sentences, vocabulary=False):
        if vocabulary:
            recording(pattern)
        return original_matches(pattern, sentences, vocabulary)

    monkeypatch.setattr(_util, "matches", matches)
    for module in ("histology", "treatment", "neurology"):
        monkeypatch.setattr(f"spinemets.extract.components.{module}.matches", matches)
    for text in texts:
        extract_text(text)
    assert without == []


def test_the_scanner_for_ascii_text_finds_the_places_the_general_one_finds():
    # A pattern that can begin only with a digit: the general scanner's `\d` makes it begin with a look-behind;
    # the one for ASCII text begins with the ten ASCII digits. In an ASCII text both find the same places.
    import re

    texts = ["a 2-year-old, 12 years, x12 and non-5 or 7th; one-2 (3) _4 two years", "12", "", "-1 a-1 one two"]
    for pattern in (re.compile(r"\b\d+\s*[- ]?years?\b", re.I), re.compile(r"(?<![\w.])\d+(?:st|th)"),
                    re.compile(r"\b(?:\d+|one|two)\s*[- ]?years?\b", re.I)):  # (words too: the general one)
        for after_hyphen in (True, False):
            general = _prefix.beginning_scanner(pattern, after_hyphen)
            ascii_only = _prefix.beginning_scanner(pattern, after_hyphen, True)
            assert ascii_only.pattern.startswith("(?<") == ("one" in pattern.pattern)
            for text in texts:
                assert [m.span() for m in ascii_only.finditer(text)] == [m.span() for m in general.finditer(text)]
