"""Sentences, sections and the start of the index presentation, found by rules (faster than PyRuSH, measured
in bench/bench_extract.py) that know case-report layout: headers, figure references, author initials."""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Callable, NamedTuple

from ._data import any_of, load, rx
from . import _prefix
from ._prefix import fold, folded_text, folds_by_slices
from ._required import finder
from ._triggers import SHARED
from .facts import CASE, DISCUSSION, LITERATURE, SOURCE, UNSECTIONED, Sentence

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {"fig", "figs", "al", "e.g", "i.e", "eg", "ie", "vs", "dr", "mr", "mrs", "ms", "no", "nos", "approx",
                  "ca", "cf", "st", "prof", "resp", "ref", "refs", "vol", "pp", "p", "inc", "ltd", "dept", "univ", "mg",
                  "ml", "min", "max", "sp", "spp", "var", "viz", "etc", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
                  "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# (citation brackets may follow the full stop: "... metastases.[2] [3] There are few reports")
# A boundary's match begins with the end mark before its gap or with the gap's first line break: a pattern that
# begins with a set of characters lets the regex engine skip ahead to them, where a leading look-behind had it try
# every place (three times slower).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])(?:\s?\[\d+(?:\s*[,–-]\s*\d+)*\])*[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])"
                       r"|(?<=\n)[ \t]*\n\s*|(?<=\n)(?=[ \t]*\S))")
MAX_SENTENCE_CHARS = 1500
_CITATIONS_AT_END = re.compile(r"(?:\s*\[\d+(?:\s*[,–-]\s*\d+)*\])+$|(?<=[A-Za-z)]\.)\d{1,3}(?:\s*[,–-]\s*\d{1,3})*$")
_WORDS = re.compile(r"[a-zà-ÿ]+")
_WORD_CHARACTERS = string.ascii_letters + "."  # what a word before a full stop is made of ("e.g", "Fig", "al")


@lru_cache(maxsize=1)
def _header_regex() -> re.Pattern[str]:
    names = []
    for kind, headers in load("sections")["headers"].items():
        for header in headers:
            names.append((header, kind))
    alternation = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in sorted(names, key=lambda n: -len(n[0])))
    numbering = r"(?:(?:\d+(?:\.\d+)*|[IVX]+)\.?[ \t]+)?"
    return re.compile(rf"\n[ \t#*]*{numbering}(?P<header>{alternation})[ \t*]*(?::|\.(?=[ \t])|$)",
                      re.IGNORECASE | re.MULTILINE)  # read by _at_line_starts


@lru_cache(maxsize=1)
def _inline_header_regex() -> re.Pattern[str]:
    names = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in load("sections")["inline_headers"])
    return re.compile(rf"\n[ \t#*]*(?P<header>{names})[ \t*]*:", re.IGNORECASE | re.MULTILINE)  # _at_line_starts


def _at_line_starts(header: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """(where the header's name starts, where the header ends, its name) for each match of a header pattern at a
    line start. The patterns begin with the line break before the line, and are searched in the text after one (so
    the first line has one too): the regex engine skips ahead to line breaks, where a leading `^` was tried at every
    place (two to five times slower). No match ends just after a line break, so none is lost to the one before."""
    return [(m.start("header") - 1, m.end() - 1, m.group("header")) for m in header.finditer("\n" + text)]


@lru_cache(maxsize=1)
def _header_kinds() -> dict[str, str]:
    return {re.sub(r"\s+", " ", h.lower()): kind for kind, headers in load("sections")["headers"].items()
            for h in headers}


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether the gap text[start:end] between two sentences ends the first (`start` is just after the end mark
    the gap follows, or at its first line break)."""
    gap = text[start:end]
    if "\n" in gap:
        if gap.count("\n") >= 2:
            return True
        line_start = text.rfind("\n", 0, start) + 1
        # a line ending in citation brackets ("... more than 90%.[1] [2]") ends as its text before them does
        # (citations end in a bracket or a digit: other lines skip the regex, tried at each of their characters)
        line = text[line_start:start].rstrip()
        if line[-1:] == "]" or line[-1:].isdigit():  # (isdigit holds for every digit \d matches)
            line = _CITATIONS_AT_END.sub("", line)
        # A single line break ends a sentence after end punctuation or a short (header-like) line; a
        # hard-wrapped paragraph keeps going.
        return not line or line[-1] in ".!?:" or len(line) < 50
    # Only a full stop follows an abbreviation. The word before it is the run of letters and dots that ends there
    # (within 30 characters), cut by rstrip: a regex search for it was tried at each of those characters.
    if text[start - 1] != ".":
        return True
    window = text[max(0, start - 30):start - 1]
    token = window[len(window.rstrip(_WORD_CHARACTERS)):].lower()
    return not (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


def split(text: str, headers: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans [start, end) over the text, headers kept apart from the sentences that follow them (the
    headers' `_at_line_starts`, when the caller has them)."""
    cuts = {0, len(text)}
    for boundary in _BOUNDARY.finditer(text):
        # the gap (whitespace, citations) after the end mark the match begins with, or from its line break
        mark, end = boundary.span()
        if _ends_sentence(text, mark + (text[mark] != "\n"), end):
            cuts.add(end)
    for header_start, header_end, _ in _at_line_starts(_header_regex(), text) if headers is None else headers:
        cuts.add(header_start)
        cuts.add(header_end)
    # A source line ("Source: URL (title)") is metadata whatever its last character: the case starts below it.
    if rx(load("language")["source_line"]).match(text):
        line_end = text.find("\n")
        if line_end > 0:
            cuts.add(line_end)
    # A "sentence" longer than this (a text without punctuation, a table flattened to one line) is cut at
    # whitespace, so no rule ever reads more than a few hundred words at once: time stays linear in the text.
    ordered = sorted(cuts)
    too_long = False
    for start, end in zip(ordered, ordered[1:]):
        position = start
        while end - position > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", position + MAX_SENTENCE_CHARS // 2, position + MAX_SENTENCE_CHARS)
            position = cut + 1 if cut > position else position + MAX_SENTENCE_CHARS
            cuts.add(position)
            too_long = True
    if too_long:
        ordered = sorted(cuts)
    spans = []
    for start, end in zip(ordered, ordered[1:]):
        # the piece without the whitespace around it: it starts where its left-stripped rest starts
        rest = text[start:end].lstrip()
        if rest:
            begin = end - len(rest)
            spans.append((begin, begin + len(rest.rstrip())))
    return spans


_OPENING_HEADING = re.compile(r"([A-Z][A-Za-z]+(?: [A-Za-z]+){0,3})\s*:\s+\S")
_BULLET = re.compile(r"\s*(?:[•·▪◦*‣-]|\d{1,2}[.)])\s")
_ANAPHOR = re.compile(r"\b(?:[Tt]he patient|[Ss]he|[Hh]e|[Hh]er|[Hh]is)\b")


class _CueAlternation:
    """A cue alternation (`any_of` the cues) searched at word starts where one of its beginnings stands, as
    `search_at_word_starts` does, but tried at each such place with only the cues that can begin with the three
    characters there: the whole alternation enters each of its fifty-odd cues at every place (3 us a place), where
    most of them cannot begin with those letters. (Not worth it for a few cues: the Python step per place costs
    more than the calls it saves.)"""

    def __init__(self, cues: list[str]) -> None:
        self.whole = any_of(cues)
        self.cues = [(pattern, _beginnings(pattern)) for pattern in map(rx, cues)]
        self.by_beginning: dict[str, tuple[re.Pattern[str], ...]] = {}  # three ASCII characters: the cues to try

    def search_at_word_starts(self, text: str, folded: str) -> bool:
        """Whether `search_at_word_starts(self.whole, text, folded)` finds a match (`folded` is fold(text))."""
        # (asked of the module each time: tests/extract/test_scanners.py records which patterns have none)
        scanner = _prefix.beginning_scanner(self.whole, True, folded.isascii())
        if scanner is None:
            return self.whole.search(text) is not None
        for place in scanner.finditer(folded):
            start = place.start()
            for cue in self._beginning_with(folded[start:start + 3]):
                if cue.match(text, start):  # (the alternation matches there exactly when one of its cues does)
                    return True
        return False

    def _beginning_with(self, characters: str) -> tuple[re.Pattern[str], ...]:
        if not characters.isascii():
            # a digit of another script (`\d`), a letter that case-insensitive matching may equate with another:
            # beginnings compared as ASCII strings do not tell, the whole alternation is tried
            return (self.whole,)
        cues = self.by_beginning.get(characters)
        if cues is None:
            cues = self.by_beginning[characters] = tuple(
                cue for cue, beginnings in self.cues if beginnings is None or characters.startswith(beginnings))
        return cues


def _beginnings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The beginnings of a cue (`_prefix.prefixes`, of any length) as one tuple for `str.startswith`; None when they
    are not known (the cue may begin anywhere)."""
    found = _prefix.prefixes(pattern)
    return None if found is None else tuple(sorted(set().union(*found)))


class _Cues(NamedTuple):
    """What `sentences` reads of language.yaml, read once: `any_of` joins and hashes the cues again on every call
    (7 us a text for the fifty-odd generic cues)."""

    generic: _CueAlternation
    generic_opening: re.Pattern[str]
    may_open: Callable[[str], bool]
    case: re.Pattern[str]
    source: re.Pattern[str]
    own_patient: re.Pattern[str]
    generic_words: frozenset[str]
    foreign_words: frozenset[str]
    english_words: frozenset[str]
    foreign_markers: frozenset[str]
    foreign_min: int


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    language = load("language")
    generic_opening = any_of(language["generic_openings"])
    foreign = language["foreign_words"]
    return _Cues(generic=_CueAlternation(language["generic_cues"]), generic_opening=generic_opening,
                 # (a substring test for the words every opening holds before the match, which backtracks through
                 # its `[^.;:]{0,60}?` in every sentence that opens with a few words)
                 may_open=finder(generic_opening) or (lambda _: True),
                 case=any_of(language["case_cues"]), source=rx(language["source_line"]),
                 own_patient=rx(language["literature_case_cue"]),
                 generic_words=SHARED.of(language["triggers"]["generic"]),  # (adds them to the shared automaton)
                 foreign_words=frozenset(foreign["words"]), english_words=frozenset(foreign["english"]),
                 # (found in the pass that finds the generic words: a substring test each scanned the text again)
                 foreign_markers=SHARED.of([f" {w} " for w in foreign["markers"]]), foreign_min=foreign["min"])


def sentences(text: str) -> list[Sentence]:
    """The text's sentences, each with its section and whether it speaks about the disease in general."""
    found_headers = _at_line_starts(_header_regex(), text)
    kinds = _header_kinds()
    headers = [(start, end, kinds.get(re.sub(r"\s+", " ", name.lower()), UNSECTIONED))
               for start, end, name in found_headers]
    cues = _cues()
    generic, generic_opening, may_open, case = cues.generic, cues.generic_opening, cues.may_open, cues.case
    # Substring tests (faster than one regex alternating them): only the words this text holds at all are
    # tried on each sentence.
    text_lower = folded_text(text)
    lower_by_slices = folds_by_slices(text)
    held = SHARED.found_in(text_lower)[1]
    generic_words = held & cues.generic_words
    foreign_words, english_words = cues.foreign_words, cues.english_words
    # Only a text holding some of those words at all (as whole words) has its sentences counted.
    may_be_foreign = not held.isdisjoint(cues.foreign_markers)
    out: list[Sentence] = []
    section = UNSECTIONED
    header_index = 0
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    source_line = bool(cues.source.match(text))
    inline = [(start, text.find("\n", start) % (len(text) + 1))
              for start, _, _ in _at_line_starts(_inline_header_regex(), text)]
    # where each header line starts, and where the longest one starting there ends (one look-up per sentence)
    header_end_at: dict[int, int] = {}
    for start, end, _ in headers:
        header_end_at[start] = max(end, header_end_at.get(start, end))
    for index, (start, end) in enumerate(split(text, found_headers)):
        while header_index < len(headers) and headers[header_index][0] <= start:
            section = headers[header_index][2]
            header_index += 1
        sentence_text = text[start:end]
        # a heading inside a paragraph, a sentence of its own: "Background. ... Case Description. The authors
        # report ..." (Hindawi's abstracts)
        inline_heading = kinds.get(sentence_text.strip().rstrip(".:").strip().lower()) \
            if len(sentence_text) <= 40 and sentence_text.rstrip().endswith((".", ":")) \
            and not (out and out[-1].lower.strip().startswith("study design")) else None  # "Study Design. Case report."
        if inline_heading:
            section = inline_heading
        elif ":" in sentence_text[:32]:
            # a heading that opens its sentence: "... the most common symptom. Case: The clinical ... of a female
            # patient of 73 years" (a structured abstract run together)
            opening = _OPENING_HEADING.match(sentence_text)
            if opening and opening.group(1).lower() in kinds and not (source_line and start < first_line_end):
                section = kinds[opening.group(1).lower()]
        kind = SOURCE if source_line and start < first_line_end else section
        metadata = bool(inline) and any(low <= start < high for low, high in inline)
        if metadata:
            kind = LITERATURE
        elif kind == LITERATURE and (cues.own_patient.search(sentence_text) or (
                # the sentences that go on about the patient just introduced, in the same paragraph ("We report a
                # woman who ... Despite multimodal therapy, the patient passed away 3 months after ...")
                out and out[-1].section == DISCUSSION and out[-1].generic is False
                and "\n" not in text[out[-1].end:start] and _ANAPHOR.search(sentence_text))):
            kind = DISCUSSION
        is_header = bool(inline_heading) or header_end_at.get(start, -1) >= end - 1
        lower = text_lower[start:end] if lower_by_slices else fold(sentence_text)
        sentence = Sentence(index=index, start=start, end=end, text=sentence_text, section=kind, lower=lower)
        # the cue alternations are tried only where one of their words begins (a scan, not a search at each place)
        is_generic = (bool(generic_words) and any(w in lower for w in generic_words)
                      and generic.search_at_word_starts(sentence_text, lower)
                      or may_open(lower) and generic_opening.match(sentence_text) is not None) \
            and _prefix.search_at_word_starts(case, sentence_text, lower) is None
        if may_be_foreign and not is_generic:
            words = _WORDS.findall(lower)
            count = sum(w in foreign_words for w in words)
            is_generic = count >= cues.foreign_min and count > sum(w in english_words for w in words)
        # the items of a list that a general or differential line opens with a colon ("Differential diagnosis of
        # ivory vertebra in adults:", "neoplasms to be considered are:") are general too
        item = bool(out) and out[-1].opens_list and _BULLET.match(sentence_text) is not None
        # (a metadata line, "Key Words: Epithelioid sarcoma, Chemotherapy", stays out of the story even where the
        # literature sections are read as the case below)
        sentence.generic = is_generic or is_header or item or metadata
        sentence.opens_list = sentence.generic and (item or sentence_text.rstrip().endswith(":"))
        out.append(sentence)
    # Without any case section, literature headers are all there is (an abstract labelled "Introduction"
    # that tells the case): read those sentences too, sentence by sentence.
    if not any(s.section == CASE for s in out):
        for s in out:
            if s.section == LITERATURE:
                s.section = DISCUSSION
    return out


_JUMP_WORDS = re.compile(r"later|after|thereafter|subsequently")  # every time_jump form holds one (a cheap test)


@lru_cache(maxsize=1)
def _presentation_rules() -> tuple[re.Pattern[str], Callable[[str], bool] | None, re.Pattern[str], re.Pattern[str],
                                   re.Pattern[str], re.Pattern[str]]:
    """(the presentation cue, its test for the strings every cue holds, time_jump, spinal_words, onset_cues,
    jump_from_treatment), read once (`any_of` joins and hashes the cues again on every call). The cue is searched
    only in sentences holding one of those strings, and there only where one of its beginnings stands (`_search`)."""
    language = load("language")
    cue = any_of(language["presentation_cues"])
    return (cue, finder(cue), rx(language["time_jump"]), rx(language["spinal_words"]), rx(language["onset_cues"]),
            rx(language["jump_from_treatment"]))


def presentation(text: str, found: list[Sentence]) -> tuple[int, int | None]:
    """(where the index presentation is first told, where the history it closes starts): the second is given
    when the text jumps in time to the presentation ("two years later she presented with back pain"), and is
    the start of that passage (the sentences of the anchor's section before it): whatever treatment it tells
    came before the jump. Without a jump it is None: an abstract may sum up this treatment before the case."""
    cue, may_hold_cue, jump, spinal, onset, from_treatment = _presentation_rules()
    first = None
    for sentence in found:
        if not sentence.about_patient:
            continue
        match = _search(cue, sentence.text, sentence.lower) \
            if may_hold_cue is None or may_hold_cue(sentence.lower) else None
        if first is None and match:
            if spinal.search(sentence.text):
                return sentence.start + match.start(), None
            first = sentence.start + match.start()
            continue
        # "Two years later he presented with back pain": the first presentation was the primary's.
        later = _search(jump, sentence.text, sentence.lower) if _JUMP_WORDS.search(sentence.lower) else None
        if later and spinal.search(sentence.text):
            # Only a jump to the first time the disease shows itself ("presented", "developed", "readmitted")
            # closes a history; a jump after a presentation ("after 8 months an MRI showed progression") or
            # from a spinal treatment ("one year after the spondylectomy she walks with a cane") is this disease's
            # course. A jump from another treatment ("eighteen months after surgery he was readmitted with neck
            # pain") may still be the presentation.
            measured_from = from_treatment.search(sentence.text)
            closes_history = first is None and (match or onset.search(sentence.text)) \
                and not (measured_from and spinal.search(measured_from.group(0)))
            return (sentence.start + (match.start() if match else later.start()),
                    _passage_start(found, sentence) if closes_history else None)
    return first or 0, None


def _search(pattern: re.Pattern[str], text: str, folded: str) -> re.Match[str] | None:
    """pattern.search(text), tried only where one of the pattern's beginnings stands in `folded` (fold(text), which
    a sentence keeps): the cues begin with `\\b`, which has the regex engine try them at every character. The first
    match found there is the leftmost, the one the search gives. (`_required.search` does the same for a window,
    which it folds itself.)"""
    places = _prefix.place_scanner(pattern)
    if places is None or (places[1] and not folded.isascii()):
        return pattern.search(text)
    scanner = places[0]
    place = scanner.search(folded)
    while place is not None:
        match = pattern.match(text, place.start())
        if match:
            return match
        # (beginnings may overlap, "aba" in "ababa": searched again from the next character, not with finditer)
        place = scanner.search(folded, place.start() + 1)
    return None


def _passage_start(found: list[Sentence], anchor: Sentence) -> int:
    """Start of the run of sentences of the anchor's section that ends with the anchor's sentence."""
    start = anchor.start
    for sentence in reversed(found[:anchor.index]):
        if sentence.section != anchor.section or (sentence.generic and not sentence.about_patient
                                                  and sentence.end - sentence.start < 60):
            break  # another section, or a header line
        start = sentence.start
    return start
