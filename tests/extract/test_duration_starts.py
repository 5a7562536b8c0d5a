"""Follow-up durations are tried only at the few word starts before a unit word (a speed test): the places must be
every place a duration begins, or follow-up times would be missed without any other test failing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spinemets.extract._prefix import first_characters
from spinemets.extract.components._util import word_starts
from spinemets.extract.components.followup import _duration_starts, _rules
from spinemets.extract.facts import Sentence

SHARED = Path(__file__).resolve().parents[3] / "shared" / "cases" / "dev"
OWN = Path(__file__).resolve().parent / "texts"

PIECES = ["1", "10", "2.5", "1/2", "10 1/2", "twenty-five", "twenty five", "one", "a", "an", "half", "and", "a half",
          "six", "twelve", "3rd", "4th", "-", " ", "  ", "year", "years", "yr", "months", "month", "mo", "weeks", "wk",
          "days", "d", "follow-up", "later", "after", "for", "(", ")", ",", "over", "about"]


def _all_places(sentence: Sentence) -> list[int]:
    """Where a duration begins, by trying the pattern at every word start."""
    duration = _rules()[3]
    return [at for at in word_starts(sentence) if duration.match(sentence.text, at)]


def _sentence(text: str) -> Sentence:
    return Sentence(index=0, start=0, end=len(text), text=text, lower=text.lower())


def _places(text: str) -> tuple[list[int], list[int]]:
    duration = _rules()[3]
    return (_duration_starts(_sentence(text), duration, first_characters(duration)), _all_places(_sentence(text)))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.sampled_from([" ", "", "-"]))
def test_durations_made_of_numbers_and_units_are_all_found(pieces: list[str], joint: str) -> None:
    found, everywhere = _places(joint.join(pieces))
    assert found == everywhere


def test_durations_in_the_development_and_own_texts_are_all_found() -> None:
    texts = [p.read_text(encoding="utf-8") for folder in (SHARED, OWN) for p in sorted(folder.glob("*.txt"))]
    assert texts
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    differing = [line[:80] for line in lines if (lambda pair: pair[0] != pair[1])(_places(line))]
    assert differing == []
