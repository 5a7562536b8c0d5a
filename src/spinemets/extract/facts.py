"""What the extractor finds: facts with their spans and assertion status, sentences with their section."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._prefix import fold

# Sections of a text (sections.yaml): the patient's story, discussion, literature, the source line.
CASE, DISCUSSION, LITERATURE, SOURCE, UNSECTIONED = "case", "discussion", "literature", "source", "unsectioned"


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    section: str = UNSECTIONED
    generic: bool = False  # speaks about the disease in general or the literature, not about the patient
    other_patient: bool = False  # tells another patient of a case series than the index one (patients.py)
    opens_list: bool = False  # a general line that opens a list with a colon, or an item of such a list
    # the text in lower case (_prefix.fold: same length), for the rules; the splitter gives it as a slice of the
    # whole text's where that is the same (_prefix.folds_by_slices), a lower case per sentence cost more
    lower: str = field(default="", repr=False)
    word_starts: list[int] | None = field(default=None, repr=False)  # filled on first use by the rules

    def __post_init__(self) -> None:
        if not self.lower:
            self.lower = fold(self.text)

    @property
    def about_patient(self) -> bool:
        return not self.generic and not self.other_patient and self.section in (CASE, DISCUSSION, UNSECTIONED)


@dataclass
class Fact:
    """One finding in the text. `key` names what it is (see KEYS), `value` its normalised value."""

    key: str
    value: Any
    start: int
    end: int
    sentence: int
    assertion: str = "present"  # present, negated, historical, hypothetical, other_person
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def present(self) -> bool:
        return self.assertion == "present"

    def as_dict(self, text: str) -> dict[str, Any]:
        return {"key": self.key, "value": self.value, "start": self.start, "end": self.end,
                "text": text[self.start:self.end], "assertion": self.assertion, **({"detail": self.detail}
                                                                                   if self.detail else {})}


# Fact keys the components emit (the schema keys they feed are assembled in assemble.py).
KEYS = {
    "age": "age in years", "sex": "sex", "histology": "histology of the primary", "site": "primary site",
    "level": "vertebra involved", "fracture": "fracture or collapse (with the levels it names)",
    "compression": "cord / conus / cauda compression", "bone": "bone character", "deficit": "neurological deficit",
    "intact": "neurologically intact", "pain": "pain", "frankel": "Frankel grade", "asia": "ASIA grade",
    "metastasis": "organ with metastases", "ihc": "immunohistochemical result", "surgery": "spinal surgery",
    "radiotherapy": "radiotherapy", "dose": "radiotherapy dose", "chemotherapy": "systemic therapy",
    "agent": "systemic agent", "follow_up": "follow-up duration (months)", "ecog": "ECOG performance status",
    "kps": "Karnofsky performance status",
}


@dataclass
class Extraction:
    """Everything found in one text: the text, its sentences, the facts, and warnings."""

    text: str
    name: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    anchor: int = 0  # character offset where the index presentation starts
    # Set when the text jumps in time to the presentation ("two years later ..."): treatment told between this
    # offset and the anchor came before the jump (sentences.presentation).
    history_from: int | None = None
    # Work a component does once per text and reuses (never across texts: each text is its own).
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def of(self, key: str) -> list[Fact]:
        return [f for f in self.facts if f.key == key]

    def sentence_of(self, fact: Fact) -> Sentence:
        return self.sentences[fact.sentence]
