"""Which of many trigger strings a text holds, found in one pass: every string the rules ever ask about goes into one
Aho-Corasick automaton (pyahocorasick), grown when a new list of strings is asked about."""

from __future__ import annotations

import threading
from typing import Any, Iterable

import ahocorasick


def automaton_of(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton whose matches give each word found (its value is the word itself)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_BY_IDENTITY_MAX = 512


class Triggers:
    """Every trigger string the rules have asked about, in one Aho-Corasick automaton: which of them a text holds
    is found in one pass in C (a rule's trigger list then meets that set by a set intersection), where testing
    each of the ~260 triggers a text meets with `in` scanned the text once per trigger (0.6 ms per 4 KB)."""

    def __init__(self) -> None:
        self.lists: dict[tuple[str, ...], frozenset[str]] = {}
        # a list's identity -> (the list, held so the identity is never reused; its words)
        self.by_identity: dict[int, tuple[list[str], frozenset[str]]] = {}
        self.words: frozenset[str] = frozenset()
        self.state: tuple[Any, int] = (None, 0)  # (automaton, version), replaced whole: threads read it at once
        self.lock = threading.Lock()
        # the last text read, its automaton version and what it holds, replaced whole: the sentence splitter and
        # every rule's gate ask about the same text of a report, which is then scanned once
        self.last: tuple[str | None, int, set[str]] = (None, -1, set())

    def of(self, triggers: Iterable[str]) -> frozenset[str]:
        # The rules pass the lists of the loaded pattern files (kept for the process, never changed): found by
        # identity first, where a tuple of a long list cost more than the look-up it keys.
        held = self.by_identity.get(id(triggers))
        if held is not None and held[0] is triggers:
            return held[1]
        key = tuple(triggers)
        known = self.lists.get(key)
        if known is None:
            with self.lock:
                known = frozenset(key)
                if not known <= self.words:  # new words: the automaton is built again (rules' lists are few)
                    self.words = self.words | known
                    self.state = (automaton_of(self.words), self.state[1] + 1)
                self.lists[key] = known
        if isinstance(triggers, list):
            if len(self.by_identity) >= _BY_IDENTITY_MAX:  # a caller building new lists each time
                self.by_identity.clear()
            self.by_identity[id(triggers)] = (triggers, known)
        return known

    def version(self) -> int:
        return self.state[1]

    def found_in(self, text: str) -> tuple[int, set[str]]:
        """(the automaton's version, the known words the text holds): one pass over the text."""
        automaton, version = self.state
        last_text, last_version, last_found = self.last
        if last_text is text and last_version == version:
            return version, last_found
        found = {word for _, word in automaton.iter(text)} if text and automaton is not None else set()
        self.last = (text, version, found)
        return version, found


SHARED = Triggers()  # one automaton for the sentence splitter's cue words and every rule's triggers
