"""Rules as typed data: a condition over facts, the recommendation it supports, and the evidence behind it.

A fact is the set of values still possible for it (an unknown fact allows its whole domain), so conditions
are three-valued: True when every possible value satisfies them, False when none does, None (not
evaluable) otherwise. Learning a fact only narrows a set, so a rule that fired or did not fire keeps its
verdict when facts are added; only "not evaluable" can change (tests/decide/test_properties.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from ..case import Case


# --- facts ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Fact:
    """What the case says about one decision input: the values still possible, where that came from."""

    name: str
    label: str
    domain: tuple[Any, ...]
    possible: frozenset[Any]
    source: str
    question: str | None = None
    shown: str | None = None  # a reading of the value in words, when plain values say too little

    def __post_init__(self) -> None:
        if not self.possible:
            raise ValueError(f"fact {self.name}: no value is possible (contradictory facts)")
        stray = self.possible - set(self.domain)
        if stray:
            raise ValueError(f"fact {self.name}: {sorted(map(str, stray))} outside its domain {self.domain}")

    @classmethod
    def unknown(cls, name: str, label: str, domain: Iterable[Any], source: str, question: str | None = None,
                shown: str | None = None) -> "Fact":
        domain = tuple(domain)
        return cls(name, label, domain, frozenset(domain), source, question, shown)

    @classmethod
    def of(cls, name: str, label: str, domain: Iterable[Any], value: Any, source: str,
           question: str | None = None, shown: str | None = None) -> "Fact":
        """A fact whose value is `value`; None means unknown (the whole domain stays possible)."""
        domain = tuple(domain)
        possible = frozenset(domain) if value is None else frozenset([value])
        return cls(name, label, domain, possible, source, question, shown)

    @property
    def known(self) -> bool:
        return len(self.possible) == 1

    @property
    def unknown_entirely(self) -> bool:
        return self.possible == frozenset(self.domain)

    @property
    def value(self) -> Any:
        return next(iter(self.possible)) if self.known else None

    def values_text(self) -> str:
        ordered = [v for v in self.domain if v in self.possible]
        if self.unknown_entirely:
            return "unknown"
        words = [_word(v) for v in ordered]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]

    def describe(self) -> str:
        return f"{self.label}: {self.shown or self.values_text()}"

    def narrowed(self, values: Iterable[Any], source: str) -> "Fact":
        values = frozenset(values)
        return replace(self, possible=self.possible & values, source=source, shown=None)

    def as_dict(self) -> dict[str, Any]:
        return {"fact": self.name, "label": self.label, "value": self.value if self.known else None,
                "possible": [v for v in self.domain if v in self.possible], "known": self.known,
                "reading": self.shown or self.values_text(), "source": self.source}


def _word(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class Facts(Mapping[str, Fact]):
    """The facts of one case, by name, and the words rule texts may quote ({level}, {histology}, ...)."""

    by_name: dict[str, Fact]
    words: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Fact:
        return self.by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_name)

    def __len__(self) -> int:
        return len(self.by_name)

    def with_fact(self, fact: Fact) -> "Facts":
        return Facts({**self.by_name, fact.name: fact}, self.words)


# --- conditions -------------------------------------------------------------------------------------------
class Condition:
    """A three-valued test over facts."""

    def evaluate(self, facts: Facts) -> bool | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def atoms(self) -> list["OneOf"]:  # pragma: no cover - abstract
        raise NotImplementedError

    def undecided(self, facts: Facts) -> list["OneOf"]:
        """The tests whose facts, once known, would settle a condition that is not yet evaluable."""
        if self.evaluate(facts) is not None:
            return []
        return [atom for atom in self.atoms() if atom.evaluate(facts) is None]


@dataclass(frozen=True)
class OneOf(Condition):
    """The fact's value is one of `values`; `text` says it in words ("ESCC grade is 2 or 3")."""

    fact: str
    values: frozenset[Any]
    text: str

    def evaluate(self, facts: Facts) -> bool | None:
        possible = facts[self.fact].possible
        if possible <= self.values:
            return True
        if not possible & self.values:
            return False
        return None

    def atoms(self) -> list["OneOf"]:
        return [self]


@dataclass(frozen=True)
class _Compound(Condition):
    parts: tuple[Condition, ...]

    def atoms(self) -> list[OneOf]:
        return _unique(atom for part in self.parts for atom in part.atoms())

    def undecided(self, facts: Facts) -> list[OneOf]:
        if self.evaluate(facts) is not None:
            return []
        return _unique(atom for part in self.parts for atom in part.undecided(facts))


class AllOf(_Compound):
    """Kleene AND: false as soon as one part is false, true when all are."""

    def evaluate(self, facts: Facts) -> bool | None:
        results = [part.evaluate(facts) for part in self.parts]
        if any(r is False for r in results):
            return False
        return True if all(r is True for r in results) else None


class AnyOf(_Compound):
    """Kleene OR: true as soon as one part is true, false when all are."""

    def evaluate(self, facts: Facts) -> bool | None:
        results = [part.evaluate(facts) for part in self.parts]
        if any(r is True for r in results):
            return True
        return False if all(r is False for r in results) else None


@dataclass(frozen=True)
class Not(Condition):
    part: Condition

    def evaluate(self, facts: Facts) -> bool | None:
        result = self.part.evaluate(facts)
        return None if result is None else not result

    def atoms(self) -> list[OneOf]:
        return self.part.atoms()

    def undecided(self, facts: Facts) -> list[OneOf]:
        return self.part.undecided(facts)


def _unique(atoms: Iterable[OneOf]) -> list[OneOf]:
    seen: list[OneOf] = []
    for atom in atoms:
        if atom not in seen:
            seen.append(atom)
    return seen


def all_of(*parts: Condition) -> AllOf:
    return AllOf(tuple(parts))


def any_of(*parts: Condition) -> AnyOf:
    return AnyOf(tuple(parts))


def is_(fact: str, value: Any, text: str) -> OneOf:
    return OneOf(fact, frozenset([value]), text)


def one_of(fact: str, values: Iterable[Any], text: str) -> OneOf:
    return OneOf(fact, frozenset(values), text)


# --- rules ------------------------------------------------------------------------------------------------
class Pathway(str, Enum):
    """What a recommendation is about: the NOMS pathways, then the surgical considerations."""

    CEBRT = "conventional EBRT"
    SRS = "SRS"
    SEPARATION_SURGERY_SRS = "separation surgery then SRS"
    STABILIZATION = "stabilization"
    CEMENT_AUGMENTATION = "cement augmentation"
    BEST_SUPPORTIVE_CARE = "best supportive care"
    SURGICAL_APPROACH = "surgical approach"
    SURGICAL_AIM = "aim of surgery"

    def __str__(self) -> str:
        return self.value


# What was done in practice, compared with the recommendation (None when the case records nothing to compare).
PracticeNote = Callable[["Case", Facts], "str | None"]


@dataclass(frozen=True)
class Rule:
    """One recommendation and the condition under which the framework supports it.

    `text`, `reason` and `otherwise` may quote the case's words ({level}, {histology}, ...). `context` names
    facts the rationale cites without deciding on them (e.g. myelopathy beside the ESCC grade).
    """

    id: str
    framework: str
    pathway: Pathway
    when: Condition
    text: str
    reason: str
    evidence: tuple[str, ...]
    otherwise: str | None = None
    context: tuple[str, ...] = ()
    practice: PracticeNote | None = None
