"""The extraction pipeline: our rule-based sentences and sections, our fact components, then spaCy's English
tokenizer and medspaCy's ConText (with our rules, patterns/context.yaml) for negation, history, hypothesis
and other-person status. Built once per process, lazily; spaCy and medspaCy load only here.

    extract_text(text) -> Extraction              one text
    extract_texts(texts) -> Iterator[Extraction]  many, in batches

Why spaCy sees sentences, not whole texts: ConText's scope never leaves a sentence, and only sentences that
hold both a fact and a ConText cue can change a fact's status. Tokenizing those sentences alone (in batches,
through `tokenizer.pipe`) gives the same statuses as tokenizing the whole text and saves most of the
tokenizer's and the span bookkeeping's time (bench/bench_extract.py, docs/adr/0007-extraction-pipeline.md).
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError, Problem
from ._data import load
from ._deferred_import import deferring
from ._prefix import alternation_by_first
from .components import ordered
from .facts import Extraction, Fact, Sentence
from .normalize import clean_text
from .patients import mark_other_patients
from .sentences import presentation, sentences

# A case report is a few kilobytes; past this the text is not one case, and reading it would take long.
MAX_TEXT_CHARS = 1_000_000
# Facts whose status ConText does not decide: a stain result carries its polarity in its value
# ("negative for S-100" is a present finding of a negative stain); demographics and performance status are
# the patient's whatever words surround them ("a clinical history of a 67-year-old").
_NO_CONTEXT = {"ihc", "intact", "age", "sex", "ecog", "kps"}
# ConText categories in the order they decide a fact's status when several cues reach it.
_ASSERTIONS = (("FAMILY", "other_person"), ("NEGATED_EXISTENCE", "negated"), ("HYPOTHETICAL", "hypothetical"),
               ("POSSIBLE_EXISTENCE", "hypothetical"), ("HISTORICAL", "historical"))


def _quiet_third_party_logging() -> None:
    # medspaCy's PyRuSH splitter logs every token at DEBUG; spaCy warns about blank pipelines. Neither may
    # print patient text into anyone's logs.
    for name in ("PyRuSH", "medspacy", "spacy", "quickumls"):
        logging.getLogger(name).setLevel(logging.WARNING)
    try:  # PyRuSH logs through loguru, not the standard logging module
        from loguru import logger

        for name in ("PyRuSH", "medspacy"):
            logger.disable(name)
    except ImportError:
        pass


@lru_cache(maxsize=1)
def _context_literals() -> tuple[str, ...]:
    return tuple(r["literal"].lower() for r in load("context")["rules"] if r["category"] != "TERMINATE")


def _whole_tokens(words: Iterable[str]) -> re.Pattern[str]:
    """The words as ConText's phrase matcher finds them, whole tokens (no letter or digit either side: not 'no'
    inside 'normal'; spaCy cuts tokens at every other character), for `_first_token`. The pattern takes the
    character before the word too (it is searched in the text after a space), so the regex engine skips ahead to
    the characters that are neither letter nor digit, where a leading look-behind had it try every place (three
    times slower); grouped by their first character (_prefix.alternation_by_first), one group's words are tried
    at a place."""
    alternatives = alternation_by_first(sorted(set(words), key=len, reverse=True))
    return re.compile(rf"[^a-z0-9](?:{alternatives})(?![a-z0-9])")


def _first_token(words: re.Pattern[str], lower: str) -> int:
    """Where in the lower-case text the first of the words (`_whole_tokens`) begins; -1 where none stands."""
    found = words.search(" " + lower)
    return -1 if found is None else found.start()  # the space before the text shifts every place by one


# spaCy cuts 'cannot' inside its word (can, not): found as a string, not as a whole token
_CANNOT = "cannot"


@lru_cache(maxsize=1)
def _context_cue() -> re.Pattern[str]:
    """Every ConText cue but the terminators (`_whole_tokens`)."""
    return _whole_tokens(_context_literals())


def _has_cue(lower: str) -> bool:
    return _CANNOT in lower or _first_token(_context_cue(), lower) >= 0


@lru_cache(maxsize=1)
def _directed_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Cues that govern what follows them (forward, both ways), and, written backwards, those that govern what
    precedes them (backward, both ways): the first found in a sentence gives the earliest place a cue can reach
    forward from, the first found in the reversed sentence the latest place one reaches back to."""
    rules = load("context")["rules"]

    def words(directions: tuple[str, ...], backwards: bool) -> re.Pattern[str]:
        return _whole_tokens(r["literal"].lower()[::-1] if backwards else r["literal"].lower()
                             for r in rules if r["direction"] in directions)

    return words(("FORWARD", "BIDIRECTIONAL"), False), words(("BACKWARD", "BIDIRECTIONAL"), True)


def _reachable(sentence: Sentence, facts: list[Fact]) -> bool:
    """Whether a cue of the sentence can reach one of its facts at all: a forward cue before a fact's end, or
    a backward cue after a fact's start (ConText's scope never runs the other way)."""
    forward, backward = _directed_cues()
    lower = sentence.lower
    ahead = min((at for at in (_first_token(forward, lower), lower.find(_CANNOT)) if at >= 0), default=-1)
    if ahead >= 0 and any(f.end - sentence.start > ahead for f in facts):
        return True
    behind = _first_token(backward, lower[::-1])
    if behind < 0:
        return False
    reach = len(lower) - behind  # where the last backward cue ends, in the sentence
    return any(f.start - sentence.start < reach for f in facts)


@dataclass
class _Context:
    """spaCy's blank English pipeline (tokenizer and vocabulary) and medspaCy's ConText with our rules."""

    nlp: Any
    context: Any
    matcher: Any
    modifier: Any  # medspacy.context.ConTextModifier
    graph: Any  # medspacy.context.context_graph.ConTextGraph
    cues: Callable[[Any], list[tuple[int, int, int]]]  # the matcher's (match_id, start, end) of a doc (_cue_matches)


@lru_cache(maxsize=1)
def nlp() -> _Context:
    """spaCy and ConText, built once."""
    _quiet_third_party_logging()
    # medspaCy's ConText matcher warns on every text that its token matcher is empty (our rules are phrases).
    warnings.filterwarnings("ignore", message=r"\[W036\]")
    import spacy
    with deferring("nltk"):  # medspaCy's package imports QuickUMLS, and QuickUMLS NLTK, which we never use
        from medspacy.context import ConText, ConTextModifier, ConTextRule
        from medspacy.context.context_graph import ConTextGraph

    pipeline = spacy.blank("en")
    # no window of ConText's own (max_scope): a cue reaches across its sentence, up to its rule's max_scope
    # (sentence_scope)
    context = ConText(pipeline, rules=None, input_span_type="group", span_group_name="spinemets_facts",
                      max_scope=None)
    context.add([ConTextRule(literal=r["literal"], category=r["category"], direction=r["direction"],
                             max_scope=r.get("max_scope")) for r in load("context")["rules"]])
    matcher = context._ConText__matcher  # medspaCy keeps its rule matcher private; we reuse it as is
    return _Context(pipeline, context, matcher, ConTextModifier, ConTextGraph, _cue_matches(matcher))


def _cue_matches(matcher: Any) -> Callable[[Any], list[tuple[int, int, int]]]:
    """What medspaCy's rule matcher gives for a doc: its token matcher's matches, its phrase matcher's and its regex
    matcher's, pruned to the longest of overlapping ones. Our rules are all phrases: with the other two empty, the
    phrase matcher alone gives the same list, without the empty token matcher's warning on every call (a third of
    the matcher's time)."""
    from medspacy.common.util import prune_overlapping_matches

    tokens, phrases, regexes = (getattr(matcher, f"_MedspacyMatcher__{name}", None)
                                for name in ("matcher", "phrase_matcher", "regex_matcher"))
    if tokens is None or phrases is None or len(tokens) or getattr(regexes, "_patterns", True):
        return matcher  # another medspaCy, or rules that are not phrases: its own call
    if not matcher._prune:
        return lambda doc: list(phrases(doc))
    return lambda doc: prune_overlapping_matches(list(phrases(doc)))


def _open_sentences(extraction: Extraction) -> dict[int, list[int]]:
    """Sentence index -> indexes of its facts whose status ConText may change (a fact, and a cue word)."""
    by_sentence: dict[int, list[int]] = {}
    for index, found in enumerate(extraction.facts):
        if found.key not in _NO_CONTEXT:
            by_sentence.setdefault(found.sentence, []).append(index)
    return {s: facts for s, facts in by_sentence.items()
            if _has_cue(extraction.sentences[s].lower)
            and _reachable(extraction.sentences[s], [extraction.facts[i] for i in facts])}


def sentence_scope(direction: str, max_scope: int | None, start: int, end: int, length: int) -> tuple[int, int]:
    """The tokens a cue at tokens [start, end) of a one-sentence doc of `length` tokens reaches, as medspaCy 1.3.1's
    ConTextModifier sets its scope from the cue's sentence (ConText without a window of its own): what follows it,
    what precedes it or both (a terminator's too), each side cut to the rule's `max_scope` tokens. Given to the
    modifier, it spares medspaCy marking the doc as one sentence and finding the cue's sentence in it."""
    direction = direction.lower()
    if direction == "forward":
        return end, length if max_scope is None or length - end <= max_scope else end + max_scope
    if direction == "backward":
        return 0 if max_scope is None or start <= max_scope else start - max_scope, start
    low, high = 0, length
    if max_scope is not None and start - low > max_scope:
        low = start - max_scope
    if max_scope is not None and high - end > max_scope:
        high = end + max_scope
    return low, high


def _assert(engine: _Context, doc: Any, sentence: Sentence, extraction: Extraction, indexes: list[int]) -> None:
    """medspaCy's ConText over one sentence: its own matcher, modifiers and graph, as ConText.__call__ runs
    them over a document (which compares every cue with every fact of the text: quadratic in its length)."""
    spans = []
    for index in indexes:
        found = extraction.facts[index]
        span = doc.char_span(found.start - sentence.start, found.end - sentence.start, label=found.key,
                             alignment_mode="expand")
        if span is not None:
            spans.append((span, found))
    if not spans:
        return
    length, rule_map, strings = len(doc), engine.matcher.rule_map, engine.nlp.vocab.strings
    modifiers = []
    for match_id, start, end in engine.cues(doc):
        rule = rule_map[strings[match_id]]
        scope_start, scope_end = sentence_scope(rule.direction, rule.max_scope, start, end, length)
        modifiers.append(engine.modifier(rule, start, end, doc, scope_start=scope_start, scope_end=scope_end))
    if not modifiers:
        return
    # medspaCy 1.3.1 limits a cue's scope by a terminating word ("did not show X but showed a fracture") only when
    # the two scopes overlap by its tuple_overlaps, which misses a scope lying wholly inside another: a cue with a
    # max_scope inside the terminator's whole-sentence scope was never cut. The terminator's scope made its own
    # word, the test is true exactly when the word lies inside the cue's scope.
    for modifier in modifiers:
        if modifier.direction.upper() == "TERMINATE":
            modifier._scope_start, modifier._scope_end = modifier.modifier_span
    graph = engine.graph(prune_on_modifier_overlap=engine.context.prune_on_target_overlap)
    graph.targets = [span for span, _ in spans]
    graph.modifiers = modifiers
    graph.update_scopes()
    graph.apply_modifiers()
    # The edges read directly (the span attributes ConText would set are keyed by the span's characters, so
    # facts with the same span share their cues, as here).
    categories: dict[tuple[int, int], set[str]] = {}
    for target, modifier in graph.edges:
        categories.setdefault((target.start_char, target.end_char), set()).add(modifier.category)
    for span, found in spans:
        reached = categories.get((span.start_char, span.end_char))
        if reached:
            for category, assertion in _ASSERTIONS:
                if category in reached:
                    found.assertion = assertion
                    break


_BRACKET_OPEN = re.compile(r"\(\s*$")
_BRACKET_CLOSE = re.compile(r"\s*\)")


def _abbreviations_follow_their_phrase(extraction: Extraction) -> None:
    """'no prior androgen-deprivation therapy (ADT)': an abbreviation in brackets right after the phrase it
    stands for takes that phrase's status (ConText's token scope may end before the bracket)."""
    text = extraction.text
    by_end: dict[tuple[str, int], Fact] = {}
    for found in extraction.facts:
        if found.key not in _NO_CONTEXT:
            by_end.setdefault((found.key, found.end), found)
    for found in extraction.facts:
        if found.key in _NO_CONTEXT or found.start == 0:
            continue
        opening = _BRACKET_OPEN.search(text, max(0, found.start - 4), found.start)
        if opening is None or not _BRACKET_CLOSE.match(text, found.end):
            continue
        end = opening.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        phrase = by_end.get((found.key, end))
        if phrase is not None and phrase is not found:
            found.assertion = phrase.assertion


def prepare(text: str, name: str | None = None, kind: str | None = None) -> str:
    """The text the pipeline reads: checked for size, HTML and Markdown blanked out (offsets unchanged)."""
    if not isinstance(text, str):
        raise InputError([Problem(field="text", value=type(text).__name__, allowed="text (str)",
                                  message="not text")])
    if len(text) > MAX_TEXT_CHARS:
        raise InputError([Problem(field="text", value=f"{name or 'input'} ({len(text)} characters)",
                                  allowed=f"at most {MAX_TEXT_CHARS} characters (one case report)",
                                  message="text too long for one case")])
    return clean_text(text, kind=kind)


# A text whose words are this rarely English function words ("the", "and", "of", ...) is not in English: clinical
# English holds them at a fifth to a third of its words, a Spanish or French case report at a few hundredths.
_ENGLISH_SHARE_MIN = 0.10
_ENGLISH_WORDS_MIN = 40  # shorter texts say too little to judge
_WORD = re.compile(r"[a-zà-ÿ]+")
_FEW_FACTS = 15  # a text read into this many facts or more is not checked (a text in another language gives a few)


def _not_english(text: str) -> bool:
    words = _WORD.findall(text.lower())
    if len(words) < _ENGLISH_WORDS_MIN:
        return False
    english = frozenset(load("language")["foreign_words"]["english"])
    return sum(w in english for w in words) / len(words) < _ENGLISH_SHARE_MIN


def _finish(extraction: Extraction) -> Extraction:
    if not extraction.text.strip():
        extraction.warnings.append("the text is empty: nothing was extracted")
        return extraction
    # (judged only where few facts were found: a text read well needs no warning, and the count costs a pass over it)
    if len(extraction.facts) < _FEW_FACTS and _not_english(extraction.text):
        extraction.warnings.append("the text does not read as English: spinemets reads clinical English, so facts "
                                   "written in another language are missed")
    if not any(f.key in ("level", "histology", "age", "compression", "surgery", "radiotherapy")
               for f in extraction.facts if f.assertion == "present"):
        extraction.warnings.append("no case found in the text: no age, histology, vertebral level or treatment "
                                   "was recognised")
    return extraction


def _facts(text: str) -> Extraction:
    """Sentences, sections and every component's facts of one prepared text (status still 'present')."""
    extraction = Extraction(text=text)
    extraction.sentences = sentences(text)
    mark_other_patients(extraction.sentences, text)
    extraction.anchor, extraction.history_from = presentation(text, extraction.sentences)
    for component in ordered():
        extraction.facts.extend(component.find(extraction))
    return extraction


def extract_text(text: str, name: str | None = None, kind: str | None = None) -> Extraction:
    """Every fact of one clinical text, with spans into `text` and assertion status."""
    return next(extract_texts([text], names=[name], kind=kind))


def extract_texts(texts: Iterable[str], names: Iterable[str | None] | None = None, kind: str | None = None,
                  batch_size: int = 32) -> Iterator[Extraction]:
    """Many texts, in input order; the sentences ConText reads are tokenized in batches per group of texts."""
    texts = list(texts)
    names = list(names) if names is not None else [None] * len(texts)
    prepared = [prepare(t, n, kind) for t, n in zip(texts, names)]  # every input checked before any work
    engine = nlp()
    for first in range(0, len(texts), batch_size):
        extractions = [_facts(text) for text in prepared[first:first + batch_size]]
        work = [(extraction, extraction.sentences[s], indexes) for extraction in extractions
                for s, indexes in _open_sentences(extraction).items()]
        docs = engine.nlp.tokenizer.pipe((sentence.text for _, sentence, _ in work), batch_size=256)
        for (extraction, sentence, indexes), doc in zip(work, docs):
            if len(doc):
                _assert(engine, doc, sentence, extraction, indexes)
        for offset, extraction in enumerate(extractions):
            _abbreviations_follow_their_phrase(extraction)
            extraction.text = texts[first + offset]
            extraction.name = names[first + offset]
            yield _finish(extraction)


def facts_with_status(extraction: Extraction, key: str, status: str = "present") -> list[Fact]:
    return [f for f in extraction.of(key) if f.assertion == status]
