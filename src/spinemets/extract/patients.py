"""Case series: which sentences tell another patient than the index one.

Only a text that says it tells several patients ("two cases", "both patients", "Case 2") is read as a series; its
index patient is the first one it introduces (introduced again in another section, by the same sex, it is the same
patient: an abstract, then the case). A later introduction of a patient of another age or sex
("A 54-year-old man presented with ..."), or a heading such as "Case 2", starts another patient's story; it lasts
until the text speaks of the patients together again ("both patients", "respectively"), names the index patient
again, or changes section. Those sentences are kept, but none of their facts is the index patient's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import load, rx
from ._prefix import folded_text
from .facts import SOURCE, Sentence

# Cheap word tests before any regex (most sentences hold none of these words)
_INTRO_WORDS = ("year", "yr")
_HEADING_WORDS = ("case", "patient", "second", "third", "fourth", "first")
_TOGETHER_WORDS = ("patients", "cases", "respectively", "our ", "present ", "index ")
_AGE_OLD = re.compile(r"\d[- ](?:years?|yrs?)[- ]old", re.IGNORECASE)  # what every introduction holds
# Every form of the series cue holds the word "case" or "patient": the cue is looked for only around those words
# (a search of the whole text tries its four alternatives at every character: half a millisecond per 4 KB).
_SERIES_WORD = re.compile(r"case|patient")
# A heading of another case at a line start. The pattern begins with the line break before the line and is searched
# in the text after one (so the first line has one too): the regex engine skips ahead to line breaks, where a
# leading `^` was tried at every character.
_ANY_OTHER_HEADING = re.compile(r"\n\W*(?:(?:case|patient)\s*(?:no\.?\s*|number\s+|#\s*)?(?:[2-9]|ii|iii|iv|two|three|four)\b"
                                r"|(?:the\s+)?(?:second|third|fourth)\s+(?:case|patient)\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    language = load("language")
    return {key: rx(language[key]) for key in ("patient_intro", "other_case_heading", "index_case_heading",
                                                 "patients_together", "literature_cue", "series_cue")}


def _who(word: str) -> str | None:
    word = word.lower()
    if word in ("man", "male", "gentleman", "boy"):
        return "male"
    if word in ("woman", "female", "lady", "girl"):
        return "female"
    return None  # "patient": no sex told


def _says_series(text: str, cue: re.Pattern[str]) -> bool:
    """Whether the text says it tells several patients: the cue searched within 40 characters before and 30
    after each "case" or "patient" (its longest form, "three   case reports", fits), bounds that keep the
    text's own line starts and word boundaries."""
    return any(cue.search(text, max(word.start() - 40, 0), word.end() + 30)
               for word in _SERIES_WORD.finditer(text.lower()))


def _two_introductions(text: str) -> bool:
    """Whether the text holds "<age>-year-old" twice. Each one ends in "-old" or " old": a text with fewer of those
    (counted in C) skips the regex, whose leading digit class is tested at every character (70 us per 4 KB)."""
    folded = folded_text(text)
    if folded.count("-old") + folded.count(" old") < 2:
        return False
    return len(_AGE_OLD.findall(text)) >= 2


def mark_other_patients(found: list[Sentence], text: str) -> None:
    rules = _rules()
    # Another patient needs a second introduction or a heading: most texts have neither, told by two scans of
    # the whole text instead of tests on every sentence.
    if not _two_introductions(text) and not _ANY_OTHER_HEADING.search("\n" + text):
        return
    if not _says_series(text, rules["series_cue"]):
        return
    index: tuple[int, str | None] | None = None
    index_section: str | None = None
    other = False
    section = None
    for sentence in found:
        if sentence.section == SOURCE:
            continue
        if sentence.section != section:
            section, other = sentence.section, False
        lower = sentence.lower
        opening = lower[:24]
        heading = any(w in opening for w in _HEADING_WORDS)
        if any(w in lower for w in _TOGETHER_WORDS) and rules["patients_together"].search(sentence.text) \
                or heading and rules["index_case_heading"].search(sentence.text):
            other = False
        elif heading and index is not None and rules["other_case_heading"].search(sentence.text):
            other = True
        intro = rules["patient_intro"].search(sentence.text) if any(w in lower for w in _INTRO_WORDS) else None
        if intro and not rules["literature_cue"].search(sentence.text):
            age, sex = int(intro.group("age")), _who(intro.group("who"))
            if index is None:
                index, index_section = (age, sex), sentence.section
            elif sentence.section != index_section and not other and not (sex and index[1] and sex != index[1]):
                # The case section telling again the patient the abstract introduced (an age may differ by a
                # misprint, or by the time between diagnosis and presentation): the same patient, told in full.
                index, index_section = (age, sex or index[1]), sentence.section
            elif age != index[0] or (sex and index[1] and sex != index[1]):
                other = True
            elif not (heading and rules["other_case_heading"].search(sentence.text)):
                other = False
        sentence.other_patient = other
