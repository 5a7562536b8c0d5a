"""Age and sex of the index patient: the first '45-year-old', 'aged 63', '64-year male' about the patient."""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import load, phrase_alternation
from ..facts import CASE, Extraction, Fact
from ..normalize import number
from ._util import fact, gate, patient_sentences

_NUM = r"(\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str],
                         re.Pattern[str]]:
    language = load("language")
    sex_of = {w: sex for sex, words in language["sex_words"].items() for w in words}
    nouns = phrase_alternation(list(sex_of) + ["patient", "person", "individual", "subject", "case"])
    # a bound is no one's age ("patients less than 40 years of age"), nor is a group's average ("a median age of 30")
    bound = r"(?<!than )(?<!under )(?<!over )(?<!above )(?<!below )(?<!to )(?<!and )"  # ... or a range's end
    group = r"(?<!mean )(?<!median )(?<!average )"
    age = re.compile(
        rf"{bound}\b{_NUM}(?:[- ]?(?:years?|yrs?|y)[- ]?(?:old\b|(?=\s+(?:\w+\s+)?(?:{nouns})\b))"
        # ... or a young child's age in months ("a 28-month-old boy"; not "a 3-month-old fracture"): the schema's age
        # is in whole years
        rf"|(?P<in_months>[- ]months?[- ]old)(?=\s+(?:[\w-]+\s+)?(?:{nouns}|child|infant|toddler|baby)\b))"
        rf"|{group}\bage\s*[:=]\s*{_NUM}\b|\baged\s+{_NUM}\b|{group}\bage\s+(?:of\s+)?{_NUM}\b|{bound}\b{_NUM}\s+years\s+of\s+age\b|\b{_NUM}\s?(?:yo|y/o|y\.o\.)(?!\w)"
        # a case-report header "Patient: Male, 56", whose label the sentence splitter may set apart
        rf"|\bpatient\s*:\s*(?:male|female|man|woman)\s*,\s*{_NUM}\b|^\s*(?:male|female)\s*,\s*{_NUM}\s*$"
        # ... or with the age first: "Patient: 59 years, female"
        rf"|\b(?:patient|woman|man|female|male|lady|gentleman)\s+(?:aged\s+)?of\s+{_NUM}\s+years\b"  # "a female patient of 73 years"
        rf"|\bpatient\s*:\s*{_NUM}\s*(?:years?|yrs?|y)\b|^\s*{_NUM}\s*(?:years?|yrs?)\s*,\s*(?:male|female)\s*$",
        re.IGNORECASE)
    sex = re.compile(rf"\b(?:{phrase_alternation(list(sex_of))})\b", re.IGNORECASE)
    # a teaching file's header "Age / Sex : 67 / F"
    header = re.compile(rf"\bage\s*/\s*(?:sex|gender)\s*:?\s*{_NUM}\s*(?:y(?:ears?|rs?)?\.?\s*)?/\s*(?P<sex>[MF]|male|female)\b",
                        re.IGNORECASE)
    pronoun_of = {w: sex for sex, words in language["sex_pronouns"].items() for w in words}
    pronoun = re.compile(rf"\b(?:{phrase_alternation(list(pronoun_of))})\b", re.IGNORECASE)
    return age, sex, sex_of, pronoun, pronoun_of, header


def find(extraction: Extraction) -> list[Fact]:
    age_rx, sex_rx, sex_of, pronoun_rx, pronoun_of, header_rx = _patterns()
    out: list[Fact] = []
    sentences = patient_sentences(extraction)
    triggers = load("language")["triggers"]
    for sentence in gate(sentences, ["age /", "age/"]):
        header = header_rx.search(sentence.text)
        if header:
            value = number(header.group(1))
            if value is not None and 0 <= value <= 120:
                written = header.group("sex").lower()
                out.append(fact("age", int(value), sentence, header.start(), header.end()))
                out.append(fact("sex", "male" if written in ("m", "male") else "female", sentence,
                                header.start("sex"), header.end("sex")))
                return out
    # The case section's first age before an abstract's (which may be misprinted or rounded).
    for sentence in sorted(gate(sentences, triggers["age"]), key=lambda s: s.section != CASE):
        match = age_rx.search(sentence.text)
        if match:
            value = number(next(g for g in match.groups() if g))
            if value is not None and match.group("in_months"):
                value = value // 12
            if value is not None and 0 <= value <= 120:
                out.append(fact("age", int(value), sentence, match.start(), match.end()))
                # The sex word nearest after the age ("a 45-year-old male") is the patient's.
                near = sex_rx.search(sentence.text, match.end(), match.end() + 40)
                if near:
                    out.append(fact("sex", sex_of[near.group(0).lower()], sentence, near.start(), near.end()))
                break
    if not any(f.key == "sex" for f in out):
        for sentence in gate(sentences, triggers["sex"]):
            match = sex_rx.search(sentence.text)
            if match:
                out.append(fact("sex", sex_of[match.group(0).lower()], sentence, match.start(), match.end()))
                break
    if not any(f.key == "sex" for f in out):
        # Pronouns decide only when they agree: one sex only, or 3 to 1 or better.
        counts: dict[str, list[tuple]] = {}
        for sentence in sentences:
            for match in pronoun_rx.finditer(sentence.text):
                counts.setdefault(pronoun_of[match.group(0).lower()], []).append((sentence, match))
        ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
        if ranked and (len(ranked) == 1 or len(ranked[0][1]) >= 3 * len(ranked[1][1])):
            sentence, match = ranked[0][1][0]
            out.append(fact("sex", ranked[0][0], sentence, match.start(), match.end(), from_pronouns=True))
    return out
