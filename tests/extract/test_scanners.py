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
