"""Spinal findings: pathological fracture or collapse (with the levels its sentence names), compression of
the cord, conus or cauda equina, and the bone character of the lesions (lytic, blastic, mixed)."""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import any_of, load
from ..facts import SOURCE, Extraction, Fact
from ._util import fact, gate, matches, patient_sentences

# Words that may stand between a fracture word and the levels it names ("compression fracture of the C6
# vertebral body", "collapse of T8 and T10", "T12 and L1 fractures", "a lesion in C7 with vertebral body
# collapse"); anything else ends the tie.
_FILLER = re.compile(r"^(?:[\s,()]|\b(?:and|or|of|at|in|on|with|the|a|an|both|vertebra[el]?|vertebral|bod(?:y|ies)|levels?|"
                     r"involving|affecting|mild|severe|partial|complete|pathologic(?:al)?|compression|osteoporotic|"
                     r"particularly|especially|mainly|mostly|predominantly|notably|including|multiple|"
                     r"(?:C|Th|T|D|L|S)\s?\d{1,2}|\d{1,2}|to|through)\b|[-–])*$", re.IGNORECASE)
_OWN_LEVEL = re.compile(r"\s+(?:of|at|in|involving|affecting)\s", re.IGNORECASE)
_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\s|\bwhereas\b|\bwhile\b")


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load("findings")
    # a fracture of another bone (findings.yaml other_bones), written before or after the fracture word
    bones = "(?:" + "|".join(data["other_bones"]) + ")"
    return {"fracture": any_of(data["fracture"]), "compression": any_of(data["compression"]),
            "bone": {kind: any_of(forms) for kind, forms in data["bone"].items()}, "triggers": data["triggers"],
            "other_bone_before": re.compile(rf"\b{bones}\s+$", re.IGNORECASE),
            "other_bone_after": re.compile(rf"\s+of\s+(?:the\s+|his\s+|her\s+)?(?:(?:left|right|proximal|distal)\s+)*"
                                           rf"(?:\d{{1,2}}(?:st|nd|rd|th)\s+|first\s+|second\s+|third\s+)?{bones}\b",
                                           re.IGNORECASE)}


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max([m.end() for m in _CLAUSE.finditer(text, 0, start)] or [0])
    right = min([m.start() for m in _CLAUSE.finditer(text, end)] or [len(text)])
    return left, right


_LIST_JOINER = re.compile(r"\s*(?:,|and|or|to|through|&|-|–)?\s*(?:and\s+)?")


def _one_list(text: str, levels: list[Fact]) -> bool:
    """Whether the levels are written as one list: one mention, or mentions joined by commas, "and", "to"."""
    ordered = sorted(levels, key=lambda f: f.start)
    return bool(ordered) and all(b.start <= a.end or _LIST_JOINER.fullmatch(text, a.end, b.start)
                                 for a, b in zip(ordered, ordered[1:]))


def _structure(match: re.Match[str]) -> str:
    written = match.group(0).lower()
    return "cauda_equina" if "cauda" in written else "conus" if "conus" in written else "cord"


def find(extraction: Extraction) -> list[Fact]:
    rules = _rules()
    sentences = patient_sentences(extraction)
    levels = [f for f in extraction.of("level") if "excluded" not in f.detail]
    out: list[Fact] = []
    triggers = rules["triggers"]
    for sentence, match in matches(rules["fracture"], gate(sentences, triggers["fracture"])):
        text = sentence.text
        if rules["other_bone_before"].search(text, max(0, match.start() - 25), match.start()) \
                or rules["other_bone_after"].match(text, match.end()):
            continue
        in_sentence = [f for f in levels if f.sentence == sentence.index]
        # The levels written right beside the fracture word; failing that, the clause's levels when the
        # clause names only one, or names them in one list.
        adjacent, following = set(), set()
        for f in in_sentence:
            start, end = f.start - sentence.start, f.end - sentence.start
            between = text[match.end():start] if start >= match.end() else text[end:match.start()]
            if _FILLER.match(between):
                adjacent.add(f.value)
                if start >= match.end():
                    following.add(f.value)
        # a fracture "of T11" names its own level: the range before it ("masses involving T2 to L2 with
        # pathological fracture of T11") is where the tumour is
        if following and _OWN_LEVEL.match(text, match.end()):
            adjacent = following
        if not adjacent:
            left, right = _clause(text, match.start(), match.end())
            in_clause = [f for f in in_sentence if left <= f.start - sentence.start < right]
            clause_levels = {f.value for f in in_clause}
            sentence_levels = {f.value for f in in_sentence}
            # ("a pathologic fracture containing lytic lesions of the T2 and T3 vertebral bodies": one list)
            adjacent = clause_levels if len(clause_levels) == 1 or _one_list(extraction.text, in_clause) else (
                sentence_levels if len(sentence_levels) == 1 else set())
            if not in_sentence:
                # "... a lytic lesion of L1. It is associated with a pathologic compression fracture": a sentence
                # naming no level continues the one before, when that one names a single level
                before = {f.value for f in levels if f.sentence == sentence.index - 1}
                if len(before) == 1:
                    adjacent = before
        out.append(fact("fracture", sorted(adjacent), sentence, match.start(), match.end()))
    for sentence, match in matches(rules["compression"], gate(sentences, triggers["compression"])):
        out.append(fact("compression", _structure(match), sentence, match.start(), match.end()))
    if not any(f.key == "compression" for f in out):
        # Told only in the title ("Spinal cord compression as the first sign of ..."): the source line says it.
        titles = [s for s in extraction.sentences if s.section == SOURCE]
        for sentence, match in matches(rules["compression"], gate(titles, triggers["compression"])):
            out.append(fact("compression", _structure(match), sentence, match.start(), match.end(),
                            fallback="source line"))
    with_bone_words = gate(sentences, triggers["bone"])
    for kind, pattern in rules["bone"].items():
        for sentence, match in matches(pattern, with_bone_words):
            out.append(fact("bone", kind, sentence, match.start(), match.end()))
    return out
