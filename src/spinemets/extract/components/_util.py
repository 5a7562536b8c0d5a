"""Small helpers the components share."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from functools import lru_cache
from typing import Iterable, Iterator

from .._data import literals
from ..facts import Extraction, Fact, Sentence


def patient_sentences(extraction: Extraction) -> Iterator[Sentence]:
    """Sentences about the index patient (not literature sections, not generic statements)."""
    return (s for s in extraction.sentences if s.about_patient)


def gate(sentences: Iterable[Sentence], triggers: Iterable[str]) -> list[Sentence]:
    """The sentences holding at least one trigger string (lower case): a rule's regexes run only on those."""
    pool = sentences if isinstance(sentences, list) else list(sentences)
    search = literals(tuple(triggers)).search
    # One scan over all the sentences joined (a NUL between them, which no trigger holds), jumping to the next
    # sentence after each hit: a rule whose triggers are rare costs one C call per text, not one per sentence.
    joined = "\0".join(s.lower for s in pool)
    hit = search(joined)
    if hit is None:
        return []
    ends = list(accumulate(len(s.lower) + 1 for s in pool))
    out = []
    while hit is not None:
        index = bisect_right(ends, hit.start())
        out.append(pool[index])
        hit = search(joined, ends[index])
    return out


_WORD_START = re.compile(r"(?<![\w-])[\w-]|(?<=-)\w")


def word_starts(sentence: Sentence) -> list[int]:
    if sentence.word_starts is None:
        sentence.word_starts = [m.start() for m in _WORD_START.finditer(sentence.text)]
    return sentence.word_starts


def matches(pattern: re.Pattern[str], sentences: Iterable[Sentence]) -> Iterator[tuple[Sentence, re.Match[str]]]:
    """Non-overlapping matches that start at a word start (every rule's patterns begin with a word), tried
    there only: several times faster than a search that tries each character."""
    for sentence in sentences:
        last_end = -1
        for start in word_starts(sentence):
            if start < last_end:
                continue
            match = pattern.match(sentence.text, start)
            if match and match.end() > match.start():
                yield sentence, match
                last_end = match.end()


def fact(key: str, value: object, sentence: Sentence, start: int, end: int, **detail: object) -> Fact:
    """A fact at sentence-relative offsets [start, end)."""
    return Fact(key=key, value=value, start=sentence.start + start, end=sentence.start + end,
                sentence=sentence.index, detail=dict(detail))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
