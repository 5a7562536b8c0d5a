"""Histology of the primary and the organ it arose in.

Histology: every vocabulary name the text uses about the patient; the assembly keeps the most specific one
(deepest in histology.yaml's parent chain), then the most repeated. Site: an organ word tied to a tumour word
("jejunal GIST", "carcinoma of the thyroid", "lung cancer", "a mass in the left thigh"), never one tied to
metastasis ("pulmonary metastases"). Names inside stain lists ("RCC stains were negative") are not histologies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from .._data import load, phrase_alternation, rx
from .. import _prefix
from .._prefix import fold, folded_text, prefixes
from .._required import finder, may_match, required, search
from .._triggers import automaton_of
from ..facts import SOURCE, Extraction, Fact, Sentence
from ._util import all_sentences, fact, gate, matches, matches_in_windows, windows_of

_METASTATIC_AFTER = re.compile(r"^\W{0,3}(?:and\s+\w+\s+)?(?:metasta|deposits|secondar|mets\b|involvement)", re.IGNORECASE)
_METASTATIC_BEFORE = re.compile(r"(?:metasta\w+|spread|deposits?|secondaries|involvement)\s+(?:\w+\s+){0,2}(?:to|in|into|within|involving)\s+(?:the\s+|both\s+|left\s+|right\s+|multiple\s+)*$",
                                re.IGNORECASE)


@lru_cache(maxsize=1)
def _histology_groups() -> tuple[tuple[str, ...], dict[str, str]]:
    """The vocabulary's named groups (one per histology's names, one per its abbreviations), most specific names
    first, and the histology each group names."""
    data = load("histology")
    entries = sorted(data["histologies"].items(), key=lambda kv: -depth(kv[0]))
    groups, names = [], {}
    for number, (name, entry) in enumerate(entries):
        forms = entry.get("forms") or []
        if forms:
            names[f"h{number}"] = name
            groups.append(f"(?P<h{number}>(?i:\\b(?:{phrase_alternation(forms)})\\b))")
        abbreviations = entry.get("abbreviations") or []
        if abbreviations:
            names[f"a{number}"] = name
            groups.append(f"(?P<a{number}>(?<![\\w-])(?:{'|'.join(map(re.escape, abbreviations))})(?![\\w-]))")
    return tuple(groups), names


@lru_cache(maxsize=1)
def _histology() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """One regex for the whole vocabulary (a named group per histology), most specific names first, so that at
    any place the longest, most specific name wins; abbreviations are matched case-sensitively."""
    groups, names = _histology_groups()
    return re.compile("|".join(groups)), names, rx(load("histology")["not_after"])


# The whole vocabulary tried at one place costs about 6 us: the engine enters each of ~80 groups in turn (a group
# or a case-insensitive letter first defeats its quick test of an alternative's first character). Only the
# alternatives whose names can begin with the letters standing there can match, so each place is tried with those
# alone, in the vocabulary's order: the first one that matches is the same, and so are the match, its span and its
# group.
class _ByBeginning:
    """An alternation (`template` holding the alternatives joined by "|") split by the alternatives' beginnings
    (_prefix.prefixes, up to three characters)."""

    def __init__(self, alternatives: tuple[str, ...], template: str = "{}", flags: int = 0) -> None:
        self.alternatives, self.template, self.flags = alternatives, template, flags
        # (an alternative whose beginnings are not known, or hold a letter outside ASCII, which no scanner compares
        # with the folded text, is tried everywhere)
        self.beginnings = [found if found is None or all(b.isascii() for part in found for b in part) else None
                           for found in (prefixes(self.compile((a,))) for a in alternatives)]
        self.unknown = tuple(i for i, found in enumerate(self.beginnings) if found is None)
        # by beginning of three, two and one characters, the alternatives that can match where it stands (with
        # those whose shorter beginnings it starts with)
        self.tables = [{key: tuple(i for i in range(len(alternatives)) if self._can_begin(i, key))
                        for key in {b for found in self.beginnings if found is not None for b in found[3 - length]}}
                       for length in (3, 2, 1)]
        self.subsets: dict[tuple[int, ...], re.Pattern[str] | None] = {}  # compiled on first use

    def compile(self, alternatives: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile(self.template.format("|".join(alternatives)), self.flags)

    def _can_begin(self, i: int, key: str) -> bool:
        found = self.beginnings[i]
        # found[0], [1], [2]: the beginnings of three, two and one characters
        return found is None or any(key[:n] in found[3 - n] for n in range(1, len(key) + 1))

    def at(self, folded: str, at: int) -> re.Pattern[str] | None:
        """The part of the alternation that can match at `at` (folded: fold(text)); None when none can."""
        by_three, by_two, by_one = self.tables
        chosen = by_three.get(folded[at:at + 3])
        if chosen is None:
            chosen = by_two.get(folded[at:at + 2])
            if chosen is None:
                chosen = by_one.get(folded[at:at + 1], self.unknown)
        subset = self.subsets.get(chosen, False)
        if subset is False:
            subset = self.subsets[chosen] = \
                self.compile(tuple(self.alternatives[i] for i in chosen)) if chosen else None
        return subset


@lru_cache(maxsize=1)
def _histology_split() -> _ByBeginning:
    return _ByBeginning(_histology_groups()[0])


def _vocabulary_at(folded: str, at: int) -> re.Pattern[str] | None:
    return _histology_split().at(folded, at)


def _organ_forms() -> list[str]:
    return [form for forms in load("sites")["sites"].values() for form in forms]


@lru_cache(maxsize=1)
def _sites() -> tuple[re.Pattern[str], dict[str, str], str]:
    data = load("sites")
    by_form: dict[str, str] = {}
    for site, forms in data["sites"].items():
        for form in forms:
            by_form[form] = site
    return rx(rf"\b(?:{phrase_alternation(_organ_forms())})\b"), by_form, data["primary_nouns"]


@lru_cache(maxsize=1)
def _organ_split() -> tuple[_ByBeginning, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]:
    """(the organ vocabulary of `_sites` split by beginning, as the histology names are: its ~150 forms cost each
    place they are tried at several us; where an organ word can begin, in any folded text and in an ASCII one)."""
    site_rx = _sites()[0]
    # the forms in the order of site_rx's alternation (phrase_alternation: longest first)
    split = _ByBeginning(tuple(sorted(_organ_forms(), key=len, reverse=True)), r"\b(?:{})\b", site_rx.flags)
    return split, (_prefix.beginning_scanner(site_rx), _prefix.beginning_scanner(site_rx, ascii_text=True))


def _organ_matches(sentence: Sentence) -> list[re.Match[str]]:
    """The organ words of the sentence: `matches(site_rx, [sentence], vocabulary=True)`, each place tried with
    the words that can begin there."""
    split, scanners = _organ_split()
    scanner = scanners[sentence.lower.isascii()]
    if scanner is None or finder(_sites()[0]) is not None:  # (neither happens with this vocabulary)
        return [match for _, match in matches(_sites()[0], [sentence], vocabulary=True)]
    return _matches_by_beginning(split, scanner, sentence, [(0, len(sentence.text))])


def _matches_by_beginning(split: _ByBeginning, scanner: re.Pattern[str], sentence: Sentence,
                          windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Non-overlapping matches of the split alternation inside the windows, tried at the places `scanner` finds in
    the folded sentence, each with the alternatives that can begin there (`_ByBeginning.at`)."""
    text, folded = sentence.text, sentence.lower
    found: list[re.Match[str]] = []
    last_end = -1
    for low, high in windows:
        for place in scanner.finditer(folded, low, high):
            start = place.start()
            if start < last_end:
                continue
            subset = split.at(folded, start)
            match = subset.match(text, start, high) if subset is not None else None
            if match and match.end() > match.start():
                found.append(match)
                last_end = match.end()
    return found


@lru_cache(maxsize=1)
def _organ_words() -> Any:
    """An automaton finding, in a folded text, the strings one of which each organ word holds (_required.required
    of each of its forms; None when a form's are not known). Most sentences with a tumour word name no organ: one
    pass over them in C spares the scan for the vocabulary's word starts, which costs ten times as much."""
    strings: set[str] = set()
    for forms in load("sites")["sites"].values():
        for form in forms:
            need = required(re.compile(form, re.IGNORECASE))
            if need is None:
                return None
            strings.update(need)
    return automaton_of(strings)


def _may_name_organ(sentence: Sentence) -> bool:
    automaton = _organ_words()
    return automaton is None or next(automaton.iter(sentence.lower), None) is not None


def site_of(word: str) -> str | None:
    return _site_of_lower(word.lower())


@lru_cache(maxsize=4096)  # the same few organ words recur in every text; the forms are tried once per word
def _site_of_lower(word: str) -> str | None:
    _, by_form, _ = _sites()
    for form, site in by_form.items():
        # a form may end with the context its word needs ("cervical" before a tumour word): the word alone is
        # matched without it
        if re.fullmatch(_NEEDS_CONTEXT.sub("", form), word, re.IGNORECASE):
            return site
    return None


_NEEDS_CONTEXT = re.compile(r"\(\?=.*\)$")


def histology_info(name: str) -> dict:
    return load("histology")["histologies"].get(name, {})


def ancestors(name: str) -> list[str]:
    """The names above `name` in histology.yaml's parent chain, nearest first."""
    chain: list[str] = []
    parent = histology_info(name).get("parent")
    while parent and parent not in chain and parent != name:
        chain.append(parent)
        parent = histology_info(parent).get("parent")
    return chain


def depth(name: str) -> int:
    return len(ancestors(name))


def _in_stain_list(start: int, end: int, stains: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of the stain lists' spans."""
    return any(low < end and start < high for low, high in stains)


# Every histology name ends in one of these head words or is an abbreviation: the vocabulary regex (slow: it
# tries ~150 alternatives at each place) runs only on short windows that end at a head word.
_WINDOW_BEFORE, _WINDOW_AFTER = 50, 30


@lru_cache(maxsize=1)
def _head() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the head words, in lower case, for the folded text; the abbreviations, case-sensitive). Two plain
    alternations: the engine skips ahead to their first letters, where one case-insensitive alternation with a
    look-behind was tried at every character (three times slower)."""
    triggers = load("histology")["triggers"]
    abbreviations = "|".join(re.escape(a) for a in sorted(triggers["abbreviations"], key=len, reverse=True))
    return re.compile("|".join(re.escape(w.lower()) for w in triggers["words"])), re.compile(abbreviations)


def _head_spans(sentence: Sentence) -> list[tuple[int, int]]:
    words, abbreviations = _head()
    spans = [hit.span() for hit in words.finditer(sentence.lower)]
    text = sentence.text
    # an abbreviation counts only at a word start (not after a letter, a digit, "_" or a hyphen)
    spans += [hit.span() for hit in abbreviations.finditer(text)
              if hit.start() == 0 or not (text[hit.start() - 1].isalnum() or text[hit.start() - 1] in "_-")]
    return sorted(spans)


@lru_cache(maxsize=1)
def _name_scanners() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], Callable[[str], bool] | None]:
    """(where a name can begin, a word start not after a hyphen ("small" in "non-small cell" is none), in any
    folded text and in an ASCII one (_prefix.beginning_scanner); the test for the strings every name holds)."""
    pattern = _histology()[0]
    return ((_prefix.beginning_scanner(pattern, after_hyphen=False),
             _prefix.beginning_scanner(pattern, after_hyphen=False, ascii_text=True)), finder(pattern))


def _candidates(pattern: re.Pattern[str], sentence: Sentence) -> list[re.Match[str]]:
    # Names start at word starts (not after a hyphen), only where a name's first letters stand (_prefix.py), and
    # end inside the window around their head word; each place is tried with the names that can begin there.
    windows = windows_of(_head_spans(sentence), len(sentence.text), _WINDOW_BEFORE, _WINDOW_AFTER)
    scanners, holds = _name_scanners()
    scanner = scanners[sentence.lower.isascii()]
    if scanner is None or holds is not None:  # (neither happens with this vocabulary: the general loop)
        return matches_in_windows(pattern, sentence, windows, after_hyphen=False, bounded=True)
    return _matches_by_beginning(_histology_split(), scanner, sentence, windows)


def histology_of_name(text: str) -> str | None:
    """The histology a whole name denotes ('HCC', 'renal cell carcinoma'), or None."""
    pattern, names, _ = _histology()
    match = pattern.fullmatch(text.strip())
    return names[match.lastgroup] if match else None


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Every abbreviation the vocabulary reads as a histology (the only ones whose definition matters)."""
    return frozenset(a for entry in load("histology")["histologies"].values() for a in entry.get("abbreviations") or ())


NOT_A_HISTOLOGY = ""  # an abbreviation the text defines as something else ("spinal cord compression (SCC)")
# A verb between an organ word and a tumour word ends the tie ("the biopsy of the chest wall showed HCC").
_NOT_A_QUALIFIER = r"(?!(?:showed|shows|revealed|reveals|was|were|is|are|confirmed|demonstrated|indicated|suggested|with)\s)"
_ADJACENT = re.compile(rf"[\s-]*(?:{_NOT_A_QUALIFIER}[A-Za-z-]+\s+){{0,2}}", re.IGNORECASE)  # "jejunal GIST", "gastric mucinous adenocarcinoma"
_DEFINITION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z]{1,6})\)")  # "(MM)": the long form is the words before it


def defined_abbreviations(text: str, spelled: list[tuple[str, str]] = ()) -> dict[str, str]:
    """Abbreviations the text defines for a histology: 'malignant melanoma (MM)' makes MM melanoma here, whatever
    MM means elsewhere (multiple myeloma). `spelled` holds (written name, histology) the text spells out."""
    _, names, _ = _histology()
    known = _abbreviations()
    found: dict[str, str] = {}
    for definition in _DEFINITION.finditer(text):
        abbreviation = definition.group("abbr")
        if abbreviation not in known:
            continue  # only a histology abbreviation's meaning is ever looked up ("(MRI)", "(ECOG)" are not)
        long = text[max(0, definition.start() - 60):definition.start()].rstrip()
        folded = fold(long)
        for start in (m.start() for m in re.finditer(r"(?<![\w-])[\w-]", long)):
            # (the names that can begin there: the same match as the whole vocabulary's)
            names_here = _vocabulary_at(folded, start)
            match = names_here.fullmatch(long, start) if names_here is not None else None
            if match and match.lastgroup.startswith("h"):
                found.setdefault(abbreviation, names[match.lastgroup])
                break
        else:
            # "spinal cord compression (SCC)": defined here as something that is not a tumour, if its words'
            # initials spell it
            words = re.findall(r"[A-Za-z]+", long)[-len(abbreviation):]
            if "".join(w[0] for w in words).upper() == abbreviation.upper():
                found.setdefault(abbreviation, NOT_A_HISTOLOGY)
    # Undefined but spelled out elsewhere in the text: an abbreviation is the initials of a name the text uses
    # ("malignant melanoma ... MM").
    for written, name in spelled:
        initials = "".join(w[0] for w in re.split(r"[\s-]+", written) if w).upper()
        if len(initials) >= 2:
            found.setdefault(initials, name)
    return found


def _hits(sentence: Sentence, stains: list[tuple[int, int]]) -> list[tuple[int, int, str, bool]]:
    """(start, end, histology, written as an abbreviation) for each vocabulary name in the sentence."""
    pattern, names, not_after = _histology()
    hits = []
    for match in _candidates(pattern, sentence):
        if not_after.match(sentence.text[match.end():]):
            continue
        if _in_stain_list(sentence.start + match.start(), sentence.start + match.end(), stains):
            continue
        hits.append((match.start(), match.end(), names[match.lastgroup], match.lastgroup.startswith("a")))
    return hits


def _histologies(sentence: Sentence, raw: list[tuple[int, int, str, bool]], defined: dict[str, str]) -> list[Fact]:
    hits: list[tuple[int, int, str]] = []
    for start, end, name, abbreviation in raw:
        if abbreviation:
            name = defined.get(sentence.text[start:end], name)
            if name == NOT_A_HISTOLOGY:
                continue
        hits.append((start, end, name))
    # Keep the longest name at each place ("hepatocellular carcinoma", not also "carcinoma" inside it).
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if any(k[0] <= hit[0] and hit[1] <= k[1] for k in kept):
            continue
        kept.append(hit)
    return [fact("histology", name, sentence, start, end) for start, end, name in kept]


@lru_cache(maxsize=1)
def _ties() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nouns = _sites()[2]
    return (re.compile(rf"^\s*(?:{_NOT_A_QUALIFIER}[\w-]+\s+){{0,3}}?(?:{nouns})\b", re.IGNORECASE),
            # ... also of a part of it: "squamous cell carcinoma of the right apex of the lung"; or right after it, the
            # clinical shorthand "carcinoma breast", "Ca prostate"; a description set off by commas may come between:
            # "Adenocarcinoma with mucin production, from pancreas"
            # ... or a bracketed aside: "mixed carcinoma (small cell and endometrioid) of the endometrium"
            re.compile(r"^\s*$|^\s*(?:,?\s*(?:with|showing)\s+(?!metasta)(?:[\w-]+\s+){0,3}[\w-]+\s*,\s*|\([^()]{1,90}\)\s*)?"
                       r"(?:of|in|from|(?:arising|originating|developing)\s+(?:in|from|at|on))\s+(?:the\s+)?"
                       r"(?:(?:left|right|upper|lower|proximal|distal|medial|lateral|anterior|posterior)\s+)*"
                       r"(?:(?:apex|base|lobe|hilum|head|tail|body|neck|wall|pole|fundus|dome)\s+of\s+(?:the\s+)?"
                       r"(?:(?:left|right|upper|lower|proximal|distal|medial|lateral|anterior|posterior)\s+)*)?$",
                       re.IGNORECASE),
            # "a mass in the left thigh", and in the passive of removal: "a mass was excised from his left thigh"
            re.compile(rf"(?:{nouns})\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                       r"(?:(?:excised|resected|removed|biopsied|enucleated|amputated|located|situated|found|seen)\s+)?"
                       r"(?:in|of|on|at|from)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                       r"(?:left\s+|right\s+|upper\s+|lower\s+)*$", re.IGNORECASE))


@lru_cache(maxsize=1)
def _spine_rules() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = load("histology")
    roots = set(data["arise_in_spine"])
    names = frozenset(name for name in data["histologies"] if name in roots or roots & set(ancestors(name)))
    return rx(data["spine_after"]), rx(data["spine_before"]), names


def _spine_sites(sentence: Sentence, histologies: list[Fact]) -> list[Fact]:
    """The spine as the primary site of a tumour that can arise there, written tied to it."""
    after, before, names = _spine_rules()
    text = sentence.text
    out = []
    for h in histologies:
        if h.value not in names:
            continue
        start, end = h.start - sentence.start, h.end - sentence.start
        if _METASTATIC_AFTER.match(text[end:]) or _METASTATIC_BEFORE.search(text[:start]):
            continue
        following = after.match(text[end:])
        preceding = before.search(text, max(0, start - 30), start)
        if following or preceding:
            span_start = preceding.start() if preceding else start
            span_end = end + following.end() if following else end
            out.append(fact("site", "spine", sentence, span_start, span_end,
                            tie="a tumour of the spine itself", histology=h.value, spine=True))
    return out


# A growth in an organ called metastatic is a metastasis there; a cancer so called is one that has spread
_GROWTH_NOUNS = {"tumour", "tumor", "tumours", "tumors", "lesion", "lesions", "nodule", "nodules", "mass", "masses"}
_METASTATIC_JUST_BEFORE = re.compile(r"\bmetastatic\s+(?:(?:left|right|solitary|single|multiple)\s+)?$", re.IGNORECASE)

# Words for a finding that need not be the primary: "adrenal nodules" beside a hepatocellular carcinoma
_UNSPECIFIC_NOUNS = {"lesion", "lesions", "nodule", "nodules", "mass", "masses"}
_LESION_WORDS = {"lesion", "lesions", "nodule", "nodules"}  # "a mass in the left thigh" still names a primary


# A likely primary concluded from the findings ("immunostains ... suggestive of lung primary"), not a first impression
# the text revises ("initially thought to be consistent with a renal primary")
_CONCLUDED_BEFORE = re.compile(r"\b(?:suggestive\s+of|favou?ring|indicative\s+of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
                               re.IGNORECASE)
_FIRST_IMPRESSION = re.compile(r"\b(?:initially|at\s+first|first\s+(?:thought|considered|suspected))\b", re.IGNORECASE)

# how far after a histology's name its organ may stand ("HISTOLOGY (an aside) of the ORGAN"; _ties bounds the words)
_AFTER_OF_REACH = 140


def _site_facts(sentence: Sentence, histologies: list[Fact]) -> list[Fact]:
    site_rx, by_form, nouns = _sites()
    qualifies, after_of, place_of = _ties()
    if not _may_name_organ(sentence):
        return []
    text = sentence.text
    # The searches before an organ word below need words the sentence seldom holds ("metastases", "suggestive"):
    # tested once per sentence, not in each stretch
    metastasis_words = may_match(_METASTATIC_BEFORE, sentence.lower)
    conclusion_words = may_match(_CONCLUDED_BEFORE, sentence.lower)
    out = []
    for match in _organ_matches(sentence):
        site = site_of(match.group(0))
        if site is None:
            continue
        # the words around it, bounded: every tie below reads a few words either side
        before, after = text[max(0, match.start() - 120):match.start()], text[match.end():match.end() + 120]
        if _METASTATIC_AFTER.match(after) or metastasis_words and search(_METASTATIC_BEFORE, before):
            continue
        tied, histology, noun = None, None, None
        # "[site] (mucinous) carcinoma", "jejunal GIST", "lung cancer", "hepatic lesion", "liver primary"
        qualified = qualifies.match(after)
        if qualified:
            tied, noun = "qualifies a tumour word", qualified.group(0).split()[-1].lower()
            if noun in _GROWTH_NOUNS and _METASTATIC_JUST_BEFORE.search(before):
                continue  # "the metastatic lung tumour" stands in the lung; "metastatic lung cancer" began there
        for h in histologies:
            rel_start, rel_end = h.start - sentence.start, h.end - sentence.start
            if 0 <= match.start() - rel_end <= _AFTER_OF_REACH and after_of.match(text[rel_end:match.start()]):
                tied, histology = "after 'HISTOLOGY of'", h.value
            if 0 <= rel_start - match.end() <= 25 and _ADJACENT.fullmatch(text[match.end():rel_start]) \
                    or rel_start <= match.start() and match.end() <= rel_end:  # inside the name: "prostate cancer"
                tied, histology = "qualifies the histology", h.value
        if noun == "origin" and histology is None:
            # "adenocarcinoma showing papillary configuration with pulmonary origin": the origin of the tumour named
            # just before
            before_it = [h for h in histologies if 0 <= match.start() - (h.end - sentence.start) <= 100]
            if before_it:
                histology = max(before_it, key=lambda h: h.end).value
        # "a mass in the left thigh ... from which leiomyosarcoma was diagnosed"
        place = search(place_of, before[-80:])
        if place:
            # "lesions of the lung" beside other organs are where the disease went, not where it began
            tied = "qualifies a lesion word" if place.group(0).split()[0].lower() in _LESION_WORDS \
                else "place of a tumour word"
        if tied:
            if histology is None and noun in _UNSPECIFIC_NOUNS:
                tied = "qualifies a lesion word"  # weaker than an organ the histology itself names
            extra = {"histology": histology} if histology else {}
            if conclusion_words and _CONCLUDED_BEFORE.search(before) and not _FIRST_IMPRESSION.search(before):
                extra["concluded"] = True  # "stains ... suggestive of lung primary": the pathologist's conclusion
            out.append(fact("site", site, sentence, match.start(), match.end(), tie=tied, **extra))
    return out


def find(extraction: Extraction) -> list[Fact]:
    stains = [(f.start, f.end) for f in extraction.of("ihc")]  # read once per name found
    out: list[Fact] = []
    triggers = load("histology")["triggers"]
    with_tumour_words = {s.index for s in gate(all_sentences(extraction), triggers["words"])}
    # Case-sensitive, as abbreviations are: a search of their alternation finds one wherever a substring test
    # would, and skips ahead to their capitals (one search, where a test per abbreviation read the text 31 times)
    abbreviations = _head()[1]
    if abbreviations.search(extraction.text):
        with_tumour_words |= {s.index for s in extraction.sentences
                              if s.index not in with_tumour_words and abbreviations.search(s.text)}
    with_site_words = {s.index for s in gate(all_sentences(extraction), triggers["sites"])}
    raw = {s.index: _hits(s, stains) for s in extraction.sentences if s.index in with_tumour_words}
    spelled = [(s.text[a:b], name) for s in extraction.sentences for a, b, name, abbr in raw.get(s.index, ()) if not abbr]
    defined = defined_abbreviations(extraction.text, spelled)
    # an abbreviation with a common other meaning names the tumour only in a text that spells the tumour's word
    # somewhere ("SCC" with no "squamous" anywhere is spinal cord compression)
    folded = folded_text(extraction.text)
    for abbreviation, word in load("histology").get("needs_word", {}).items():
        if abbreviation not in defined and word not in folded:
            defined[abbreviation] = NOT_A_HISTOLOGY
    final = rx(load("histology")["final_cue"])
    abbreviation_sites = load("histology").get("abbreviation_sites", {})
    name_sites = load("histology").get("name_sites", {})
    for sentence in extraction.sentences:
        if sentence.opens_list:
            continue  # a general list ("Differential diagnosis of ...:" and its items) names no one's tumour
        found = _histologies(sentence, raw[sentence.index], defined) if sentence.index in raw else []
        if not found and sentence.index not in with_site_words:
            continue  # no name, and no word an organ can be tied to
        if found and may_match(final, sentence.lower):  # a substring test before the regex
            for f in found:
                if final.search(sentence.text, 0, f.start - sentence.start):
                    f.detail["final"] = True
        sites = _site_facts(sentence, found) if sentence.index in with_site_words else []
        sites += _spine_sites(sentence, found)
        # "NSCLC" names its organ as "non-small cell lung cancer" would; so does "cholangiocarcinoma"
        for f in found:
            written = extraction.text[f.start:f.end]
            organ = abbreviation_sites.get(written) or name_sites.get(written.lower())
            if organ:
                sites.append(fact("site", organ, sentence, f.start - sentence.start, f.end - sentence.start,
                                  tie="the name holds the organ", histology=f.value))
        # Sentences not about the patient (literature, generic, the source line) are kept as a fallback
        # only: the assembly reads them when the patient's own sentences name no histology or site.
        fallback = not sentence.about_patient
        for f in found + sites:
            if fallback:
                f.detail["fallback"] = "source line" if sentence.section == SOURCE else "not about the patient"
            out.append(f)
    return out
