"""Small helpers the components share."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..facts import Extraction, Fact, Sentence


def patient_sentences(extraction: Extraction) -> Iterator[Sentence]:
    """Sentences about the index patient (not literature sections, not generic statements)."""
    return (s for s in extraction.sentences if s.about_patient)


def gate(sentences: Iterable[Sentence], triggers: Iterable[str]) -> list[Sentence]:
    """The sentences holding at least one trigger string (lower case): a rule's regexes run only on those."""
    words = tuple(triggers)
    return [s for s in sentences if any(w in s.lower for w in words)]


def matches(pattern: re.Pattern[str], sentences: Iterable[Sentence]) -> Iterator[tuple[Sentence, re.Match[str]]]:
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            yield sentence, match


def fact(key: str, value: object, sentence: Sentence, start: int, end: int, **detail: object) -> Fact:
    """A fact at sentence-relative offsets [start, end)."""
    return Fact(key=key, value=value, start=sentence.start + start, end=sentence.start + end,
                sentence=sentence.index, detail=dict(detail))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
