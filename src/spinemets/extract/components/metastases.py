"""Organs with metastases outside the spine ('hepatic and pulmonary metastases', 'metastatic lesions in the
lungs', 'multiple lymph node metastases'). The organ of the primary is not a metastatic site."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .._data import load, rx
from .._required import finder
from ..facts import Extraction, Fact
from ._util import fact, gate, matches_in_windows, patient_sentences, windows_around


# A group of plain words leading a form: "(?:multiple|several) bones?"
_LEADING_WORDS = re.compile(r"\(\?:([a-z]+(?:\|[a-z]+)*)\)(?![?*+{])(.*)", re.DOTALL)
# The letters that case-insensitive matching equates with a character outside ASCII too (dotless i, the Kelvin sign,
# the long s: _prefix.fold); no others.
_FOLDING = "iks"
_DIGIT_FIRST = re.compile(r"(?:\d|\[\d-\d\])(?![?*+{])")  # a digit, or a class of digits, not repeated


def _has_top_level_bar(form: str) -> bool:
    """Whether the regex form is itself an alternation ('a|b'), outside any group or class."""
    depth, at, in_class = 0, 0, False
    while at < len(form):
        char = form[at]
        if char == "\\":
            at += 1  # the escaped character
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += form.startswith("^", at + 1) + form.startswith("]", at + 1 + form.startswith("^", at + 1))
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        at += 1
    return False


def by_first_letter(forms: list[str]) -> str:
    """An alternation of the regex forms (case-insensitive, tried in their order) grouped under their first letters,
    with the same matches. Python's regex engine skips an alternative whose first item is a case-sensitive letter
    class that the text's character is not in without entering it; a case-insensitive letter it must enter, one
    alternative after another (the organ alternation has about 150, tried at every word of a list). A form led by a
    group of plain words is first written out once per word ('(?:a|b)x' is 'ax|bx': tried in the same order). As a
    letter class, a letter matches its two cases only: the three letters with other equals stay case-insensitive
    literals. The forms as given (one alternation) when one of them begins otherwise."""
    alternatives = []
    for form in forms:
        if _has_top_level_bar(form):
            return "|".join(forms)
        leading = _LEADING_WORDS.fullmatch(form)
        alternatives += [word + leading.group(2) for word in leading.group(1).split("|")] if leading else [form]
    # Alternatives with different first letters never match at the same place: grouped, each keeps its order. One
    # that begins with a digit (the engine's fast test reads it already) never matches where a letter does: they
    # follow, in their order.
    rests: dict[str, list[str]] = {}
    digits = []
    for alternative in alternatives:
        if _DIGIT_FIRST.match(alternative):
            digits.append(alternative)
        elif alternative[:1].isascii() and alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{"):
            rests.setdefault(alternative[0].lower(), []).append(alternative[1:])
        else:
            return "|".join(forms)
    return "|".join([(letter if letter in _FOLDING else f"(?-i:[{letter}{letter.upper()}])") + f"(?:{'|'.join(rest)})"
                     for letter, rest in rests.items()] + digits)


@lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[str, tuple[str, ...]]], re.Pattern[str], dict[str, str]]:
    data = load("organs")
    by_form = {form: organ for organ, forms in data["organs"].items() for form in forms}
    one = rf"(?:{by_first_letter(sorted(by_form, key=len, reverse=True))})"  # longest first, as phrase_alternation
    # each organ of a list may carry a side or a count ("her mediastinum, contralateral lung, and supraclavicular
    # lymph nodes") and be two organ words ("mediastinal lymph nodes"); the spine may stand in the list
    # ("the lung, liver, vertebrae and brain", "the cervical vertebra and sternum", "the vertebral and iliac bones":
    # the adjective only before "and", where another organ follows, or last before the metastasis word: "liver and
    # thoracic vertebral metastases") and gives no organ; so does bone unnamed
    # (several regions may share the noun: "the thoracic and lumbar spine, brain, and liver")
    spine_region = by_first_letter(["cervical", "thoracic", "dorsal", "lumbar", "sacral", "thoracolumbar", "lumbosacral",
                                    "cervicothoracic"])
    # ... and the spine's levels may be written as words ("bone metastases in the second/fifth thoracic vertebrae and
    # left femur")
    ordinal = by_first_letter(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                               "tenth", "eleventh", "twelfth", "1st", "2nd", "3rd", "[4-9]th", "1[0-2]th"])
    spinal = (rf"(?:(?:{ordinal})(?:\s*(?:/|,|-|and|to)\s*(?:{ordinal}))?\s+)?"
              rf"(?:(?:{spine_region})(?:,?\s+(?:and|or)\s+(?:{spine_region}))?\s+)?"
              "(?:" + by_first_letter(["vertebrae", "vertebra", r"vertebral\s+bod(?:y|ies)",
                                       r"vertebral(?=\s+(?:and\s|metasta|lesions|deposits))", "spine", "sacrum", "coccyx",
                                       r"sacral\s+bones?"]) + r")\b"
              r"|(?-i:[CTLSD])\d{1,2}(?:\s+vertebra(?:e|l)?(?:\s+bod(?:y|ies))?)?\b"  # a level in the list: "metastases at T8, T11, T12, and the pelvis"
              # bone unnamed, inside a list, last before the metastasis word or last in the sentence: "lymph nodes,
              # bone, and brain", "liver, splenic and bone metastases", "metastases including the brain and bone." (no organ)
              "|(?:" + by_first_letter(["bones?", "bony", "osseous", "skeletal"])
              + r")\b(?=\s*(?:,|and\b|or\b|metasta|lesions|deposits|involvement|[.;]))")
    # ... and a region before lymph nodes: "intra-abdominal lymph nodes", "cervical and mediastinal lymph nodes"
    region = [r"intra-?abdominal", "abdominal", "intrathoracic", r"intra-?pelvic", "neck", "cervical", "mesenteric",
              r"common\s+iliac", r"external\s+iliac", r"internal\s+iliac"]
    before = ["the", "both", "all", "her", "his", "their", "left", "right", "proximal", "distal", "bilateral",
              "contralateral", "ipsilateral", "regional", "distant", "multiple", "several", "axial", "and", *region]
    item = rf"(?:(?:{by_first_letter(before)})\s+)*(?:{one}(?:[\s-]+{one})?|{spinal})"
    # a figure called in brackets may follow an organ: "brain (fig. 2) and adrenal metastases"
    figure = r"(?:\s*\((?:fig|figure|table)\.?\s*[\w.,-]{1,8}\))?"
    # ... joined by "and", commas, "or", "as well as", "and also (in)" ("uptake in the spine and also in the right scapula")
    group = rf"(?P<orgs>{item}{figure}(?:\s*(?:,|and|or|as well as|,\s*and|/|and\s+also(?:\s+(?:in|at|on))?)\s*{item}{figure})*)"
    # (pattern, words one of which its sentence must hold; none: every sentence)
    # (pattern source, words one of which its sentence must hold; none: every sentence). Each holds the organ group
    # and is compiled on its first use (rx caches it): a text without a pattern's words never pays its compilation,
    # which is most of the start-up this component costs.
    patterns = [(p.replace("ORG", group), ()) for p in data["patterns"]]
    patterns += [(p["pattern"].replace("ORG", group), tuple(p["words"])) for p in data.get("patterns_with_words", [])]
    return patterns, rx(rf"\b{one}\b"), by_form


@lru_cache(maxsize=1)
def _resected() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load("organs")
    return rx(data["resected_after"]), rx(data["resected_before"]), rx(data["others_before"])


def organ_of(word: str) -> str | None:
    return _organ_of_lower(word.lower())


@lru_cache(maxsize=4096)  # the same few organ words recur in every text; the forms are tried once per word
def _organ_of_lower(word: str) -> str | None:
    for form, organ in _rules()[2].items():
        if re.fullmatch(form, word, re.IGNORECASE):
            return organ
    return None


_BEFORE, _AFTER = 110, 130
@lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    """The rule's trigger words (organs.yaml), every pattern holds one: the patterns run around them. In lower case,
    searched in the sentence's folded lower case (a case-insensitive alternation is tried at every character; this
    one skips ahead to its first letters)."""
    return re.compile("|".join(re.escape(w) for w in sorted(load("organs")["triggers"], key=len, reverse=True)))


_BEFORE_NODES = re.compile(r"[\s-]+(?:lymph[- ]nodes?|nodes?|nodal)\b", re.IGNORECASE)
# An organ before the metastasis word names where the metastasis came from when a spinal place or a histological
# kind stands before it: "a C6 vertebra follicular thyroid metastasis", "papillary thyroid metastases"
_NAMES_ORIGIN_AFTER = re.compile(r"\s+metasta\w*", re.IGNORECASE)
_ORIGIN_BEFORE = re.compile(r"(?:\bvertebra[el]?|\bvertebral\s+body|\bspinal|\bspine|\b(?-i:[CTLSD])\d{1,2}|\bfollicular|\bpapillary|"
                            r"\bmedullary|\banaplastic|\bclear[- ]cell|\bsmall[- ]cell|\bsquamous|\bductal|\blobular)"
                            r"\s+(?:(?!(?:and|or|with|without|of|in|at|to|from|including|plus)\b)[\w-]+\s+)?$",
                            re.IGNORECASE)
_SPINAL_AFTER = re.compile(r"[^.;]{0,40}?\b(?:spine|spinal|vertebra\w*|paraspinal|paravertebral|epidural)\b", re.IGNORECASE)
_LISTED_BONE = re.compile(r"\b(?:bones?|bony|osseous|skeletal)\b(?!\s+marrow)", re.IGNORECASE)
_UNNAMED_BONE = re.compile(r"\b(?:bony|osseous|skeletal|bones?)$", re.IGNORECASE)
_IN_THE_SPINE = re.compile(r"\s+(?:in|of|at|involving|within|throughout)\s+(?:the\s+)?"
                           r"(?:(?:lower|upper|mid|whole|entire|cervical|thoracic|dorsal|lumbar|sacral)\s+)*"
                           r"(?:spine|spinal|vertebra\w*|sacrum|(?-i:C|T|Th|D|L|S)\d{1,2}\b|(?-i:[CTLS])-)", re.IGNORECASE)


def _active(patterns: list[tuple[str, tuple[str, ...]]],
            joined: str) -> list[tuple[re.Pattern[str], tuple[str, ...], Callable[[str], bool] | None]]:
    """The patterns that may match in some of the sentences (`joined`: their folded lower cases joined by NUL),
    compiled, with the test for the strings every match holds (_required.finder): those whose words, and one of
    those strings, the sentences hold. Asked once per text, not once per sentence: most texts hold the words of
    few patterns."""
    active = []
    for source, words in patterns:
        if words and not any(w in joined for w in words):
            continue
        pattern = rx(source)
        holds = finder(pattern)
        if holds is None or holds(joined):
            active.append((pattern, words, holds))
    return active


def find(extraction: Extraction) -> list[Fact]:
    patterns, one, _ = _rules()
    resected_after, resected_before, others_before = _resected()
    out: list[Fact] = []
    seen: set[int] = set()
    sentences = gate(patient_sentences(extraction), load("organs")["triggers"])
    active = _active(patterns, "\0".join(s.lower for s in sentences))
    for sentence in sentences:
        lower = sentence.lower
        windows = None
        for pattern, words, holds in active:
            # (tested here, before a call: most sentences hold the strings of few patterns, and a sentence none of
            # them may match in needs no windows)
            if words and not any(w in lower for w in words) or holds is not None and not holds(lower):
                continue
            if windows is None:
                # The patterns run only around a metastasis word (they all hold one), not over the whole sentence.
                windows = windows_around(_nouns(), lower, _BEFORE, _AFTER)
            for match in matches_in_windows(pattern, sentence, windows):
                text = sentence.text
                if others_before.search(text[max(0, match.start() - 80):match.start()]):
                    continue  # other patients', named for comparison
                resected = bool(resected_after.match(text, match.end())
                                or resected_before.search(text[max(0, match.start() - 60):match.start()]))
                base = match.start("orgs")
                listed: list[str] = []
                for word in one.finditer(match.group("orgs")):
                    organ = organ_of(word.group(0))
                    start = base + word.start()
                    if organ is None or sentence.start + start in seen:
                        continue
                    if organ != "lymph node" and _BEFORE_NODES.match(match.group("orgs"), word.end()):
                        continue  # "the left common iliac lymph node", "pelvic lymph nodes": the nodes', no other organ
                    if _NAMES_ORIGIN_AFTER.match(text, base + word.end()) \
                            and _ORIGIN_BEFORE.search(text, max(0, base + word.start() - 40), base + word.start()):
                        continue  # "C6 vertebra follicular thyroid metastasis": where it came from, not where it went
                    if organ == "bone" and _UNNAMED_BONE.search(word.group(0)) \
                            and _IN_THE_SPINE.match(text, match.end()):
                        continue  # "multiple bone metastases in the lower thoracic spine": the spine's, no other bone
                    if organ == "soft tissue" and _SPINAL_AFTER.match(text, base + word.end()):
                        continue  # "soft tissue structures of a thoracic spine": the spine's own
                    seen.add(sentence.start + start)
                    listed.append(organ)
                    out.append(fact("metastasis", organ, sentence, start, base + word.end(),
                                    phrase=match.group(0), **({"resected": True} if resected else {})))
                # bone unnamed among other organs ("metastases to the bones, lymph nodes, and lungs", "adrenal, lung,
                # and bone metastases") is bone beside them, not the spine the report is about; alone, or placed in
                # the spine, it gives no organ
                unnamed = _LISTED_BONE.search(match.group("orgs")) if listed and "bone" not in listed else None
                if unnamed and sentence.start + base + unnamed.start() not in seen \
                        and not _IN_THE_SPINE.match(text, match.end()):
                    seen.add(sentence.start + base + unnamed.start())
                    out.append(fact("metastasis", "bone", sentence, base + unnamed.start(), base + unnamed.end(),
                                    phrase=match.group(0), **({"resected": True} if resected else {})))
    return out
