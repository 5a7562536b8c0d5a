"""The trailing polarity cues are tried only where one of ihc.yaml's `after_list_beginnings` stands (a speed test):
that list must cover every way a cue can begin, or stains would be missed without any other test failing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spinemets.extract.components.ihc import _TAIL_CHARS, _rules

SHARED = Path(__file__).resolve().parents[3] / "shared" / "cases" / "dev"
OWN = Path(__file__).resolve().parent / "texts"

# words the cues are made of, in several cases, with the separators around them
WORDS = ["stain", "stains", "Staining", "immunostain", "antibody", "antibodies", "was", "were", "is", "are", "being",
         "appeared", "proved", "all", "both", "also", "strongly", "diffusely", "focally", "uniformly", "weakly",
         "partially", "intensely", "strong", "diffuse", "focal", "weak", "patchy", "faint", "moderately", "variably",
         "completely", "and", "only", "sparse", "positive", "Positivity", "immunopositive", "immunoreactive",
         "expression", "reactivity", "negative", "NEGATIVE", "immunonegative", "non-reactive", "nonreactive",
         "(+)", "( + )", "+", "(-)", "-", "−", "–", ":", ",", ".", ")", "CD20", "the", "tumour"]


def _misses(tail: str) -> bool:
    """A cue matches the tail where the beginnings test says none can begin."""
    rules = _rules()
    cued = any(pattern.match(tail) for pattern in rules["after"].values())
    return cued and not rules["after_start"].match(tail)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.sampled_from(["", " ", "  ", ": ", " : "]))
def test_every_cue_made_of_cue_words_begins_with_a_listed_beginning(words: list[str], lead: str) -> None:
    assert not _misses(lead + " ".join(words))


def test_every_cue_in_the_development_and_own_texts_begins_with_a_listed_beginning() -> None:
    texts = [p.read_text(encoding="utf-8") for folder in (SHARED, OWN) for p in sorted(folder.glob("*.txt"))]
    assert texts
    missed = [(text[i:i + 60]) for text in texts for i in range(len(text)) if _misses(text[i:i + _TAIL_CHARS])]
    assert missed == []
