"""Immunohistochemistry: every marker a text reports positive or negative, with the words that said so.

Reads "positive for desmin and SMA, and negative for S-100 protein, CD34 and CD56", "TTF-1, TG and CK-7
positivity", "immunoreactive to CK-7 and Hep par 1", "AFP and Pax 8 stains were negative", "CK(+)",
"CD34-negative", "Ki-67 ... 10%". Names go through spinemets.knowledge.markers.canonical_marker; a name the
vocabulary lacks keeps its written form when it is shaped like a marker (an acronym, a name with a digit).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ...knowledge.markers import canonical_marker, marker_synonyms
from .._data import load, rx
from .._prefix import fold
from .._required import finditer, may_begin, may_match, search
from ..facts import Extraction, Fact, Sentence
from ._util import fact, gate, matches, patient_sentences
from .histology import histology_of_name

_PAREN = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")  # parentheticals, one level of nesting
_CD_SPELLED = re.compile(r"cluster\s+of\s+differentiation\s*(?:\(\s*CD\s*\))?\s*", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|;|\band\b|\bor\b|\bas well as\b|/(?=\s*[A-Z]))\s*")
_CLAUSE_END = re.compile(r"[;]|\.(?!\d)|\b(?:in|within)\s+(?:both|all|the|most|many|some|scattered|tumou?r|neoplastic)\b|,\s*(?:and|but|while|whereas)\s+(?:were\s+|was\s+)?(?:negative|positive|no|not)\b|\b(?:but|while|whereas|despite|although|though|consistent|suggest\w*|indicat\w*|confirm\w*|compatible|which|that)\b",
                         re.IGNORECASE)
_OWN_POLARITY = re.compile(r"\(\s*[+−–-]\s*\)|\+|[−–-]\s*$|\b(?:positive|negative)\b", re.IGNORECASE)  # "CK20-" too
_SIGNED_POLARITY = re.compile(r"[-−–](?:positive|negative)")  # "CK7-positive": the hyphen is not a minus sign
_TAIL_CHARS = 200  # longer than any trailing polarity phrase ("were all strongly and diffusely positive")
_FIGURE = re.compile(r"(?:fig|figure|table|supplementary)\b", re.IGNORECASE)
_LAST_BRACKET = re.compile(r"\(\s*([^()]{1,20}?)\s*\)\s*$")
_BRACKET_NUMBER = re.compile(r"\(\s*([A-Za-z]{2,6})\s*\)\s*(\d{1,2})\s*$")
_WITH_TAIL = re.compile(r"\s+(?:with|on|by|in)\s+.*$", re.IGNORECASE | re.DOTALL)
_LEAD = re.compile(r"^(?:the|a|an|for|of|to|with|both|all|also|common|other|usual|typical|several|various|"
                   r"stains?\s+for|antibodies\s+(?:to|against)|including|"
                   r"namely|markers?|such as|(?:[BT][- ]cell|epithelial|myogenic|melanocytic|neural|neuroendocrine|"
                   r"vascular|endothelial|muscle|lymphoid|myeloid|plasma[- ]cell|histiocytic)\s+markers?)\s+",
                   re.IGNORECASE)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load("ihc")
    return {
        "stain": rx(data["stain_cues"]),
        "serum": rx(data["serum_cues"]),
        "before": {p: rx(r) for p, r in data["before_list"].items()},
        "after": {p: rx(r) for p, r in data["after_list"].items()},
        # (where a trailing cue may begin: a failed match of the cues themselves costs microseconds, their long
        # alternations tried one by one; this one fails at the first character at most places after a word)
        "after_start": re.compile(r"\s*+:?+\s*+(?:" + "|".join(map(re.escape, data["after_list_beginnings"])) + ")",
                                  re.IGNORECASE),
        "ki67": [rx(data["proliferation"]), rx(data["proliferation_before"])],
        "ki67_high": [rx(p) for p in data["proliferation_high"]],
        "receptor_percent": rx(data["receptor_percent"]), "receptor_cutoff": float(data["receptor_positive_from_percent"]),
        "shape": re.compile(data["unknown_marker_shape"]),
        "not_markers": {w.lower() for w in data["not_markers"]},
        "trailers": rx(data["item_trailers"]),
    }


_PARTS = re.compile(r"[-/]")


@lru_cache(maxsize=8192)  # a pure function of the words; the same stain names recur in every report
def _marker_name(item: str) -> str | None:
    """The marker an item of a list names: canonical, or the written name when it looks like a marker. A name in
    brackets after it counts when the words outside name none ("Multiple myeloma (MM) antigen 1 (MUM 1)",
    "cellular myelocytomatosis oncogene (C-Myc)", "B-cell lymphoma (BCL) 6"), or when only it is in the
    vocabulary; "Thyroglobulin (TG)" stays thyroglobulin and "CK-7 (Fig 1)" CK7."""
    item = _CD_SPELLED.sub("CD", item)
    outside = _name_outside_brackets(item)
    if outside is not None and canonical_marker(outside):
        return outside
    inner = None
    bracket = _LAST_BRACKET.search(item)
    numbered = _BRACKET_NUMBER.search(item)
    if numbered:
        inner = _name_outside_brackets(numbered.group(1) + numbered.group(2))
    elif bracket and bracket.start() > 0 and not _FIGURE.match(bracket.group(1)):
        inner = _name_outside_brackets(bracket.group(1))
    if inner is not None and (canonical_marker(inner) or outside is None):
        return inner
    return outside


def _name_outside_brackets(item: str) -> str | None:
    rules = _rules()
    item = _PAREN.sub("", item).strip(" ,.:;-")
    item = _WITH_TAIL.sub("", item)  # "MUM1 with lambda light chain restriction", "thyroglobulin on immunohistochemical testing"
    stripped_trailer = rules["trailers"].sub("", item).strip()
    as_stain = stripped_trailer != item  # "RCC stains", "SCC antigen": a stain, even when named like a tumour
    item = stripped_trailer
    while True:
        stripped = _LEAD.sub("", item)
        if stripped == item:
            break
        item = stripped
    if not item or len(item) > 40:
        return None
    canonical = canonical_marker(item)
    if canonical:
        return canonical
    if item.lower() in rules["not_markers"] or any(part in rules["not_markers"] for part in _PARTS.split(item.lower())):
        return None  # "FDG-PET", "PET/CT": an imaging test
    if not as_stain and histology_of_name(item):
        return None  # "positive for HCC" names the diagnosis, not a stain
    if not rules["shape"].match(item):
        return None
    return re.sub(r"^(CD|CK)[\s-]+(\d)", r"\1\2", item)  # "CD 20" is written CD20


def _expand(piece: str) -> list[str]:
    """'ER/PR' -> ER, PR; 'oestrogen/progesterone receptor' -> both receptors; 'AE1/AE3' stays one name."""
    if "/" not in piece or canonical_marker(piece.strip()) or _marker_name(piece):
        return [piece]
    left, _, right = piece.rpartition("/")
    words = right.split()
    if len(words) >= 2 and len(left.split()) >= 1 and len(left.split("/")[-1].split()) == 1:
        head = " ".join(words[1:])
        return [f"{part} {head}" for part in left.split("/")] + [right]
    return left.split("/") + [right]


def _marker_names(piece: str, head: str = "") -> list[str]:
    """The markers a list item names; `head` is a plural head noun the list's items share, singular
    ("estrogen and progesterone receptors": 'estrogen' is the estrogen receptor)."""
    names = [_marker_name(p) for p in _expand(piece)]
    if not all(names) and head:
        stem = piece.rstrip()
        if stem.lower().endswith(head + "s"):
            stem = stem[:-1]  # the item that carries the plural head
        elif not stem.lower().endswith(head):
            stem = f"{stem} {head}"
        names = [_marker_name(stem)]
    return [n for n in names if n] if all(names) else []


_PLURAL_HEAD = re.compile(r"\b(receptor|antigen|protein|marker)s\s*$", re.IGNORECASE)


def _shared_head(pieces: list[str]) -> str:
    """The plural head noun that ends a list of two or more items, singular, or ''."""
    for piece in pieces[1:]:
        plural = _PLURAL_HEAD.search(piece)
        if plural:
            return plural.group(1).lower()
    return ""


@lru_cache(maxsize=1)
def _slashed_names() -> re.Pattern[str]:
    """Marker names written with a slash ("AE1/AE3", "CK AE1/AE3"): a list is not split inside them."""
    forms = {form for forms in marker_synonyms().values() for form in forms if "/" in form}
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or "(?!)", re.IGNORECASE)


_NUMBER_ONLY = re.compile(r"^\s*\d{1,3}\s*$")
_NAME_AND_NUMBER = re.compile(r"^\s*(?P<stem>.*?[A-Za-z][\s-]?)\d{1,3}\s*$")


def _split_items(text: str) -> list[tuple[str, str]]:
    """(piece as written, piece as named) of a list: not split inside a slashed marker name, and a number standing
    alone after a numbered marker named like it ("cytokeratin 7 and 20": cytokeratin 20)."""
    masked = _slashed_names().sub(lambda m: m.group(0).replace("/", "\x01"), text) if "/" in text else text
    pieces = [p.replace("\x01", "/") for p in _SPLIT.split(masked)]
    out: list[tuple[str, str]] = []
    for piece in pieces:
        named = piece
        if out and _NUMBER_ONLY.match(piece):
            stem = _NAME_AND_NUMBER.match(out[-1][1])
            if stem:
                named = stem.group("stem") + piece.strip()
        out.append((piece, named))
    return out


# A figure called in brackets inside a list ("CD138 (panels C and D)") is blanked, not read as items; the same length
# keeps every offset.
_FIGURE_CALL = re.compile(r"\((?:figs?|figures?|panels?|tables?)\b\.?[^()]{0,40}\)", re.IGNORECASE)


def _blank_figure_calls(text: str) -> str:
    return _FIGURE_CALL.sub(lambda m: " " * len(m.group(0)), text) if "(" in text else text


def _blank_brackets(text: str) -> str:
    """The text with its parentheticals blanked (same length)."""
    return _PAREN.sub(lambda m: " " * len(m.group(0)), text) if "(" in text else text


_OWN_SIGN = re.compile(r"\(\s*[+−–-]\s*\)|\+\s*$")


def _items_forward(text: str) -> list[tuple[str, int, int]]:
    """List items at the start of `text` up to the clause's end: (name, start, end) within text."""
    text = _blank_figure_calls(text)
    masked = _blank_brackets(text)  # "(Fig. 3)" must not end the clause
    end = search(_CLAUSE_END, masked)  # (tried where one of its beginnings stands, _required.search)
    segment = text[:end.start()] if end else text
    items = []
    position = 0
    split = _split_items(segment)
    head = _shared_head([piece for piece, _ in split])
    for piece, named in split:
        offset = segment.find(piece, position) if piece else position
        position = offset + len(piece)
        if _BARE_POLARITY.search(piece):
            break  # "... and negative for CK20": another list starts here
        if _OWN_SIGN.search(piece):
            continue  # "CK (−)" carries its own sign: read by the trailing-sign rule, not this list
        names = _marker_names(named, head)
        if not names:
            if items:  # the list has ended at the first piece that is not a marker
                break
            continue
        lead = len(piece) - len(piece.lstrip())
        items.extend((name, offset + lead, offset + len(piece.rstrip())) for name in names)
    return items


def _items_backward(text: str) -> list[tuple[str, int, int]]:
    """List items at the END of `text` (the words before a trailing polarity word), nearest first."""
    text = _blank_figure_calls(text)
    pieces = []
    position = 0
    for piece, named in _split_items(text):
        offset = text.find(piece, position) if piece else position
        position = offset + len(piece)
        pieces.append((piece, named, offset))
    items = []
    for piece, named, offset in reversed(pieces):
        if items and _OWN_POLARITY.search(piece):
            break  # "S100(-), CK(+)": an item that carries its own sign belongs to no other list
        names = _marker_names(named)
        if not names:
            # The leftmost item may carry the sentence's words before it ("... with Thyroglobulin"): take the
            # longest tail of it that is a known marker, or a marker-shaped tail after a preposition.
            tail = _known_tail(piece)
            if tail is not None:
                for name in (tail[0] if isinstance(tail[0], list) else [tail[0]]):
                    items.append((name, offset + tail[1], offset + len(piece.rstrip())))
            break
        lead = len(piece) - len(piece.lstrip())
        items.extend((name, offset + lead, offset + len(piece.rstrip())) for name in names)
    return items


# A word that introduces the marker after it, ending the words before it ("... showing"); every match is at most
# _INTRODUCER_CHARS long, holds no space and ends the text: it is searched for in the last word's last characters.
_INTRODUCER = re.compile(r"(?:\b(?:with|for|of|and|was|were|is|are|showed|revealed|demonstrated|showing|revealing|"
                         r"demonstrating|expressing|an?)|[:;])$", re.IGNORECASE)
_INTRODUCER_CHARS = len("demonstrating")
_NON_SPACE = re.compile(r"\S+")


def _known_tail(piece: str) -> tuple[str | list[str], int] | None:
    clean = _blank_brackets(piece)
    words = list(_NON_SPACE.finditer(clean))
    spelled = "cluster" in fold(clean)  # (else no candidate below spells "cluster of differentiation" out)
    for i in range(max(0, len(words) - 5), len(words)):
        candidate = clean[words[i].start():].strip()
        canonical = canonical_marker(_CD_SPELLED.sub("CD", candidate) if spelled else candidate)
        if canonical:
            return canonical, words[i].start()
        expanded = _marker_names(candidate) if "/" in candidate else []
        if expanded and all(canonical_marker(n) for n in expanded):
            return expanded, words[i].start()
    # A marker-shaped tail after a word that introduces it ("the tumour was Hep Par-1", "lymphoma: CD20", "a
    # p16-positive carcinoma", "lymphoma showing CD20, BCL6 ... positivity").
    for i in range(max(1, len(words) - 3), len(words)):
        before = words[i - 1].group()  # the word before this one, which an introducer ends
        # (a start position keeps the word boundary's look at the character before it)
        if _INTRODUCER.search(before, max(0, len(before) - _INTRODUCER_CHARS)):
            name = _marker_name(clean[words[i].start():])
            if name:
                return name, words[i].start()
    return None


def _is_stain_sentence(sentence: Sentence) -> bool:
    rules = _rules()
    text, lower = sentence.text, sentence.lower
    # (the rule patterns begin with a word boundary, which the regex engine tries at every character: searched for
    # where one of their beginnings stands, _required.search)
    has_polarity = "positiv" in lower or "negativ" in lower or "reactiv" in lower or _SIGNED.search(text) or \
        ("%" in text and (any(search(p, text) for p in rules["ki67"]) or search(rules["receptor_percent"], text)))
    if not has_polarity and not search(rules["stain"], text):
        return any(search(p, text) for p in rules["ki67_high"])
    return True


def find(extraction: Extraction) -> list[Fact]:
    rules = _rules()
    out: list[Fact] = []
    seen: set[tuple[str, int]] = set()

    def add(sentence: Sentence, name: str, polarity: str, start: int, end: int, **detail: object) -> None:
        if (name.lower(), sentence.start + start) in seen:
            return
        # A gene found mutated ("Genetic testing was positive for NRAS, PIK3CA, KIT and TP53 mutations") is no stain.
        if (may_be_molecular and search(_MOLECULAR, sentence.text, max(0, start - 80), end)) \
                or _MOLECULAR_AFTER.match(sentence.text, end):
            return
        # ... nor a driver that names a carcinoma's molecular type ("ALK-positive lung adenocarcinoma", "ALK-positive
        # NSCLC"); in a lymphoma ALK is a stain ("ALK positive anaplastic large cell lymphoma")
        if name.upper() == "ALK" and _DRIVER_OF_CARCINOMA.match(sentence.text, end):
            return
        # A serum tumour marker ("CEA was strongly positive (3618 ng/mL)") is a blood test, not a stain.
        if may_be_serum and search(rules["serum"], sentence.text[max(0, start - 40):end + 40]) and \
                not rules["stain"].search(sentence.text[max(0, start - 40):end + 40]):
            return
        seen.add((name.lower(), sentence.start + start))
        out.append(fact("ihc", {"marker": name, "result": polarity, **detail}, sentence, start, end))

    for sentence in gate(patient_sentences(extraction), load("ihc")["triggers"]):
        if not _is_stain_sentence(sentence):
            continue
        text = sentence.text
        # whether the sentence holds a string every molecular cue holds (_required): without one, no window of it
        # holds a cue, and `add` (called for this sentence only) searches none
        may_be_molecular = may_match(_MOLECULAR, sentence.lower)
        # ... and whether a serum cue may begin in it: without one of their beginnings, no window of it holds one
        may_be_serum = may_begin(rules["serum"], sentence.lower)
        cue_ends: list[int] = []  # where each polarity phrase ends, so two lists in one clause stay apart
        cues = [(cue, polarity) for polarity, pattern in rules["before"].items()
                for _, cue in matches(pattern, [sentence])]
        for cue, polarity in cues:
            # "negative expression of": the positive cue inside it ("expression of") is part of the negative one
            if any(other is not cue and other.start() <= cue.start() and cue.end() <= other.end()
                   and other.end() - other.start() > cue.end() - cue.start() for other, _ in cues):
                continue
            cue_ends.append(cue.end() - 1)
            for name, start, end in _items_forward(text[cue.end():]):
                add(sentence, name, polarity, cue.end() + start, cue.end() + end)
        # (tried where "pos" or "neg" stands: a pattern beginning with a word boundary is tried at every character)
        cue_ends.extend(m.end() - 1 for m in finditer(_BARE_POLARITY, text))
        cue_ends.sort()
        # Trailing polarity: look at every marker name or marker-shaped word followed by a polarity word.
        boundaries = _polarity_boundaries(text)
        # what follows each boundary where a trailing cue may begin, read once: a trailing cue is a few words long
        cue_may_begin = rules["after_start"].match
        cued = [(b, text[b:b + _TAIL_CHARS]) for b in boundaries if cue_may_begin(text, b)]
        cued = [(b, tail[1:] if _SIGNED_POLARITY.match(tail) else tail) for b, tail in cued]
        for polarity, pattern in rules["after"].items():
            for boundary, tail in cued:
                cue = pattern.match(tail)
                if not cue or not cue.group(0).strip():
                    continue
                head = text[:boundary]
                earlier = bisect_right(cue_ends, len(head) - 1) - 1
                clause_start = max(head.rfind(";"), head.rfind(". "), cue_ends[earlier] if earlier >= 0 else -1)
                for name, start, end in _items_backward(head[clause_start + 1:]):
                    add(sentence, name, polarity, clause_start + 1 + start, clause_start + 1 + end)
        for pattern in rules["ki67"] if "%" in text else ():  # (each holds a share, with its percent sign)
            for match in finditer(pattern, text):
                percent = float(match.group("percent"))
                name = canonical_marker(match.group("name")) or match.group("name")
                add(sentence, name, "positive" if percent > 0 else "negative",
                    min(match.start("name"), match.start("percent")), match.end(), percent=percent)
        for pattern in rules["ki67_high"]:
            for match in finditer(pattern, text):
                name = canonical_marker(match.group("name")) or match.group("name")
                add(sentence, name, "positive", match.start(), match.end(), level="high")
        if "%" in text:
            for match in finditer(rules["receptor_percent"], text):
                name = canonical_marker(match.group("name"))
                if name is None:
                    continue
                percent = float(match.group("percent"))
                add(sentence, name, "positive" if percent >= rules["receptor_cutoff"] else "negative",
                    match.start(), match.end(), percent=percent)
    return out


# A sign as the polarity: "(+)", a plus sign closing a word ("a p16+ carcinoma", "CK7+ and CK20+", "HR+/HER2-"; not
# "Gleason 4+3"), a minus sign before a comma or a bracket ("(ER-, PR-, HER2-)"; not "T1- and T2-weighted"). Each
# branch begins with its sign, so the regex engine skips ahead to the signs.
_SIGNED = re.compile(r"\((?=\s*[+−–-]\s*\))|\+(?<=\w\+)(?=[\s,;.)/]|$)|[-−–](?<=\w[-−–])(?=[,;)])")
_MOLECULAR = re.compile(r"\b(?:mutations?|mutated|mutant|genetic\s+testing|sequencing|NGS|rearrange\w*|gene\s+fusions?|"
                        r"amplifi\w*)\b", re.IGNORECASE)
_DRIVER_OF_CARCINOMA = re.compile(r"[\s-]*(?:\([^()]{0,40}\))?[\s-]*(?:positive|negative|\+|-)?[\s-]*(?:[\w-]+\s+){0,2}?"
                                  r"(?:lung|NSCLC|non-small|adenocarcinoma|carcinoma|cancer|tumou?rs?)\b", re.IGNORECASE)
# ... told right after the gene's name ("KRAS mutation", "ALK rearrangement", "HER2 amplification"), not a clause later
# ("staining for androgen receptor (AR) expression, mutations in HRAS and PIK3CA": the stain stays a stain)
_MOLECULAR_AFTER = re.compile(r"[\s-]*(?:\([^()]{0,20}\)\s*)?(?:gene\s+)?(?:mutations?|mutated|mutant|rearrange\w*|"
                              r"amplifi\w*|fusions?|translocations?|status)\b", re.IGNORECASE)
_BARE_POLARITY = re.compile(r"\b(?:positive|negative|positivity|negativity)\b", re.IGNORECASE)
# (and the words of staining told by its extent, "the immunostaining for A was focal and sparse")
_POLARITY_WORD = re.compile(r"positiv|negativ|reactiv|express|focal|patchy|sparse|faint|\(\s*[+−–-]\s*\)|\+|"
                            r"[-−–](?=\s|[,;.)]|$)", re.IGNORECASE)
# (the place is the character after the word end, matched and then checked from behind: a pattern beginning with a
# look-behind is tried at every character, one beginning with a character set only where that set's characters stand)
_BOUNDARY = re.compile(r"[\s:(+\-−–](?<=[\w)].)(?:(?<=[-−–])(?=\s|[,;.)]|$|positive|negative)|(?<![-−–]))", re.DOTALL)


def _polarity_boundaries(text: str) -> list[int]:
    """Word ends followed (within a few characters) by a polarity word: where a trailing cue can start. A boundary
    counts when a polarity word begins at most 40 characters after it; both are found by one scan of the text each
    (a boundary is a place, the same wherever a scan for it starts), the boundaries near each word by bisection."""
    # (its words begin with letters, which case-insensitive matching keeps the regex engine from skipping ahead to:
    # tried where one of its beginnings stands, _required.finditer)
    words = [word.start() for word in finditer(_POLARITY_WORD, text)]
    if not words:
        return []
    places = [boundary.start() for boundary in _BOUNDARY.finditer(text, max(0, words[0] - 40))]
    found: set[int] = set()
    for word in words:
        found.update(places[bisect_left(places, word - 40):bisect_right(places, word)])
    return sorted(found)
