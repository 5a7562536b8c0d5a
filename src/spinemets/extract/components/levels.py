"""Vertebral levels involved by tumour, in every written form the anatomy parser reads ('C6', 'T4-6',
'C5, C6, and C7', 'D11', 'from T10 to L2', 'the seventh cervical vertebra').

A level written beside a nerve root, a dermatome, an MRI sequence, a disc or a screw is not a tumour level.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...anatomy import REGION_SIZES, Vertebra, is_disc_space, parse_levels
from ...errors import LevelError
from .._data import load, rx
from .._required import finditer, search
from ..facts import Extraction, Fact, Sentence
from ..normalize import number
from ._util import fact, patient_sentences

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
          "XII": 12}
_HYPHEN = re.compile(r"(?<=[CTDLhH])-(?=\d)")
_LEVEL_HINT = re.compile(r"[CTDLS][hH]?[\s-]?\d")  # a cheap test before the full level pattern


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load("levels")
    return {"mention": re.compile(data["mention"]), "ordinal": rx(data["ordinal"]), "regions": data["regions"],
            "ordinal_pair": rx(data["ordinal_pair"]), "region_number": rx(data["region_number"]),
            "ordinals": load("language")["ordinal_words"], "not_after": rx(data["not_after"]),
            "not_before": rx(data["not_before"]), "lesion_before": rx(data["lesion_before"]),
            "instrumented_after": rx(data["instrumented_after"]), "lesion_after": rx(data["lesion_after"]), "whole_region": rx(data["whole_region"]),
            "counted_region": rx(data["counted_region"]), "whole_region_needs": rx(data["whole_region_needs"]),
            "region_words": tuple(data["triggers"]["ordinal"]),
            "spread_before": rx(data["spread_before"]), "named_before": rx(data["named_before"]),
            "decompression_cue": rx(data["decompression_cue"]), "sacral_foramina_after": rx(data["sacral_foramina_after"]),
            "sequence_before": rx(data["sequence_before"]), "sequence_after": rx(data["sequence_after"]),
            "named": re.compile(r"\b(?:" + "|".join(f"(?P<n{i}>{form})" for i, form in enumerate(data["named"])) + r")\b",
                                re.IGNORECASE),
            "named_levels": list(data["named"].values())}


_BODY_OPERATION_AFTER = re.compile(r"\s+(?:partial\s+|total\s+|subtotal\s+)?(?:corpectom|vertebrectom|spondylectom)",
                                   re.IGNORECASE)
_GOVERNS = re.compile(r"\s+(?:in|of|at|involving|within)\s+(?:the\s+)?(?:left\s+|right\s+)?", re.IGNORECASE)
_PART_OF_LEVEL = re.compile(r"\b(?:mid|upper|lower|middle)\s+", re.IGNORECASE)


def _ordinal_number(word: str, ordinals: dict[str, int]) -> int:
    word = word.lower()
    return ordinals[word] if word in ordinals else int(re.sub(r"\D", "", word))


# Why a level of a decompression is set aside: the schema's tumour levels take it only when a text names no other one.
DECOMPRESSED = "site of a decompression"


def _excluded(text: str, start: int, end: int, written: str) -> str | None:
    rules = _rules()
    before = text[max(0, start - 60):start]
    if search(rules["named_before"], before):
        return "part of a name (cyclin D1)"
    # "a hypointense T2 lesion": a signal word makes T1 or T2 a sequence even before a lesion word
    if written.strip().upper() in ("T1", "T2") and rules["sequence_before"].search(before):
        return "names an MRI sequence"
    if rules["lesion_after"].match(text[end:end + 40]):
        return None
    if written.lstrip().upper().startswith("S") and rules["sacral_foramina_after"].match(text[end:end + 40]) \
            and search(rules["lesion_before"], before):
        return None  # "a mass infiltrating the S2-S4 neural foramina": the sacrum at those segments
    if rules["not_after"].match(text[end:end + 40]):
        return "names a root, sequence, disc or dermatome"
    if written.strip().upper() in ("T1", "T2") and rules["sequence_after"].match(text[end:end + 40]):
        return "names an MRI sequence"
    cue = search(rules["not_before"], before)
    if cue:
        lesion = search(rules["lesion_before"], before)
        # a lesion word that governs the cue's phrase still counts: "destruction in the spinous process of C3"
        governs = lesion is not None and lesion.start() < cue.start() \
            and _GOVERNS.fullmatch(before, before.find(" ", lesion.start()), cue.start()) is not None
        if (not lesion or lesion.start() < cue.start()) and not governs:
            return DECOMPRESSED if rules["decompression_cue"].match(cue.group(0)) else "anchor of instrumentation or a disc"
    if rules["instrumented_after"].match(text[end:end + 80]):
        return "bounds an instrumentation"
    if "/" in written and is_disc_space(written) and not _BODY_OPERATION_AFTER.match(text, end):
        return "disc space"  # (not "a C6/7 partial corpectomy": the bodies of both vertebrae)
    return None


# A case names the same few levels again and again ("T12" in most of its sentences), and the parse is a pure function
# of the few characters of a mention: each is parsed once.
@lru_cache(maxsize=1024)
def _mentioned_levels(written: str) -> tuple[Vertebra, ...] | None:
    """The vertebrae a level mention names, head to tail; None when the anatomy parser rejects it."""
    try:
        # "T-11" is T11 for the anatomy parser; "L5 to mid S2" the range L5-S2
        return tuple(parse_levels(_HYPHEN.sub("", _PART_OF_LEVEL.sub("", written))))
    except LevelError:
        return None


def _written_levels(sentence: Sentence, match: re.Match[str], written: str) -> list[Fact]:
    """The levels a phrase in words names, rewritten as `written` ("T12, L1", "C2-C3") for the anatomy parser."""
    try:
        levels = parse_levels(written)
    except (LevelError, KeyError, ValueError):
        return []
    why_not = _excluded(sentence.text, match.start(), match.end(), match.group(0))
    return [fact("level", level.name, sentence, match.start(), match.end(), written=match.group(0),
                 **({"excluded": why_not} if why_not else {})) for level in levels]


def find(extraction: Extraction) -> list[Fact]:
    rules = _rules()
    out: list[Fact] = []
    text_lower = extraction.text.lower()
    region_words = [w for w in rules["region_words"] if w in text_lower]  # those this text holds at all
    sentences = patient_sentences(extraction)
    # the words of the named vertebrae these sentences hold at all (most texts: none), tried then in each sentence
    joined = sentences.index_text()[0]
    named_words = [w for w in ("odontoid", "dens", "atlas", "cocc", "ala") if w in joined]
    for sentence in sentences:
        text = sentence.text
        if not _LEVEL_HINT.search(text):
            matches_found = ()
        else:
            matches_found = rules["mention"].finditer(text)
        for match in matches_found:
            written = match.group(0)
            levels = _mentioned_levels(written)
            if levels is None:
                continue
            # 'C1 to S5' describes the column, not a lesion; up to a whole thoracolumbar column when the words
            # before it tell a spread ("soft tissue extending from T1 to L1")
            if len(levels) > 12 and not (len(levels) <= 17 and rules["spread_before"].search(text, max(0, match.start() - 40), match.start())):
                continue
            why_not = _excluded(text, match.start(), match.end(), written)
            for level in levels:
                out.append(fact("level", level.name, sentence, match.start(), match.end(), written=written,
                                **({"excluded": why_not} if why_not else {})))
        if named_words and any(w in sentence.lower for w in named_words):
            for match in rules["named"].finditer(text):
                label = rules["named_levels"][int(match.lastgroup[1:])]
                why_not = _excluded(text, match.start(), match.end(), match.group(0))
                out.append(fact("level", label, sentence, match.start(), match.end(), written=match.group(0),
                                **({"excluded": why_not} if why_not else {})))
        if not any(w in sentence.lower for w in region_words):
            continue
        # (these patterns begin with `\b`, which the engine tries at every character: _required.finditer tries
        # them only where one of their first words stands)
        for match in finditer(rules["whole_region"], text):
            if not rules["whole_region_needs"].search(text):
                break
            prefix = rules["regions"][(match.group("region") or match.group("region2")).lower()]
            count = REGION_SIZES[prefix]
            for level in parse_levels(f"{prefix}1-{prefix}{count}"):
                out.append(fact("level", level.name, sentence, match.start(), match.end(), written=match.group(0),
                                whole_region=True))
        for match in finditer(rules["counted_region"], text):
            prefix = rules["regions"][match.group("region").lower()]
            size = REGION_SIZES[prefix]
            count = int(number(match.group("count")))
            if count < size:
                first = 1 if match.group("end").lower() in ("upper", "first", "top") else size - count + 1
                out.extend(_written_levels(sentence, match, f"{prefix}{first}-{prefix}{first + count - 1}"))
        for match in finditer(rules["ordinal_pair"], text):
            first, last = (rules["regions"][match.group(r).lower()] + str(_ordinal_number(match.group(o),
                                                                                          rules["ordinals"]))
                           for o, r in (("o1", "r1"), ("o2", "r2")))
            written = f"{first}, {last}" if match.group("joint").lower() == "and" else f"{first}-{last}"
            out.extend(_written_levels(sentence, match, written))
        for match in finditer(rules["region_number"], text):
            prefix = rules["regions"][match.group("region").lower()]
            written = re.sub(r"\d+|[IVX]+", lambda n: prefix + str(_ROMAN.get(n.group(0), n.group(0))),
                             match.group("numbers"))
            out.extend(_written_levels(sentence, match, written))
        for match in finditer(rules["ordinal"], text):
            prefix = rules["regions"][match.group("region").lower()]
            # "second and third cervical vertebrae", "fifth to seventh thoracic": the anatomy parser reads the list
            # ("second/fifth thoracic vertebrae" is a list too, not a disc space)
            ordinals = re.sub(r"\s*/\s*", " and ", re.sub(r"\bthe\s+", "", match.group("ordinal").lower()))
            written = re.sub(r"[a-z0-9]+", lambda w: f"{prefix}{_ordinal_number(w.group(0), rules['ordinals'])}"
                             if w.group(0) not in ("and", "to") else w.group(0), ordinals)
            out.extend(_written_levels(sentence, match, written))
    return out
