"""The extraction pipeline: a blank spaCy English tokenizer, our rule-based sentence splitter, our fact
components, and medspaCy's ConText (with our rules, patterns/context.yaml) for negation, history,
hypothetical and other-person status. Built once per process, lazily; spaCy and medspaCy load only here.

    extract_text(text) -> Extraction            one text
    extract_texts(texts) -> Iterator[Extraction]  many, batched through nlp.pipe
"""

from __future__ import annotations

import logging
import warnings
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..errors import InputError, Problem
from ._data import load
from .components import ordered
from .facts import Extraction, Fact
from .normalize import clean_text
from .sentences import presentation_anchor, sentences

FACT_GROUP = "spinemets_facts"
# A case report is a few kilobytes; past this the text is not one case, and reading it would take long.
MAX_TEXT_CHARS = 1_000_000
# Facts whose status ConText does not decide: a stain result carries its polarity in its value
# ("negative for S-100" is a present finding of a negative stain), a level's role is decided by its own rules.
_NO_CONTEXT = {"ihc", "intact", "age", "sex", "ecog", "kps"}  # "a clinical history of a 67-year-old" is no history
_ASSERTIONS = (("is_family", "other_person"), ("is_negated", "negated"), ("is_hypothetical", "hypothetical"),
               ("is_uncertain", "hypothetical"), ("is_historical", "historical"))


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


@lru_cache(maxsize=1)
def nlp() -> Any:
    """The spaCy pipeline (built once): tokenizer, sentences, facts, ConText, assertions."""
    _quiet_third_party_logging()
    # medspaCy's ConText matcher warns on every text that its token matcher is empty (our rules are phrases).
    warnings.filterwarnings("ignore", message=r"\[W036\]")
    import numpy
    import spacy
    from medspacy.context import ConText, ConTextModifier, ConTextRule
    from medspacy.context.context_graph import ConTextGraph
    from spacy.attrs import IDX, SENT_START
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("spinemets"):
        Doc.set_extension("spinemets", default=None)

    @Language.component("spinemets_sentences")
    def _sentences(doc: Doc) -> Doc:
        text = doc.user_data.pop("spinemets_text", None) or doc.text  # doc.text is rebuilt from the tokens
        extraction = Extraction(text=text)
        extraction.sentences = sentences(text)
        extraction.anchor = presentation_anchor(text, extraction.sentences)
        doc._.spinemets = extraction
        # Set every token's sentence start in one array write (token by token costs a document scan each).
        if len(doc):
            offsets = doc.to_array([IDX]).reshape(-1)
            starts = numpy.array(sorted({s.start for s in extraction.sentences}), dtype=offsets.dtype)
            flags = numpy.where(numpy.isin(offsets, starts), 1, -1).astype("int64").astype("uint64")  # -1 wraps, as spaCy reads it
            flags[0] = 1
            doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc

    @Language.component("spinemets_facts")
    def _facts(doc: Doc) -> Doc:
        extraction: Extraction = doc._.spinemets
        for component in ordered():
            extraction.facts.extend(component.find(extraction))
        spans, owners = [], []
        # Only facts in sentences where a ConText rule's words occur can change status: spans for those only.
        literals = _context_literals()
        open_sentences = {s.index for s in extraction.sentences if any(w in s.lower for w in literals)}
        for index, found in enumerate(extraction.facts):
            if found.key in _NO_CONTEXT or found.sentence not in open_sentences:
                continue
            span = doc.char_span(found.start, found.end, label=found.key, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                owners.append(index)  # the fact each span stands for, read back after ConText
        doc.spans[FACT_GROUP] = spans
        doc.user_data[FACT_GROUP] = owners
        return doc

    pipeline = spacy.blank("en")
    context = ConText(pipeline, rules=None, input_span_type="group", span_group_name=FACT_GROUP)
    context.add([ConTextRule(literal=r["literal"], category=r["category"], direction=r["direction"],
                             max_scope=r.get("max_scope")) for r in load("context")["rules"]])
    matcher = context._ConText__matcher  # medspaCy keeps its rule matcher private; we reuse it as is

    @Language.component("spinemets_assertions")
    def _assertions(doc: Doc) -> Doc:
        """medspaCy's ConText, one sentence at a time.

        ConText.__call__ builds one graph per document and compares every modifier with every fact (quadratic:
        20 ms for a 4 KB report). A modifier's scope never leaves its sentence, so a graph per sentence gives
        the same edges; we run ConText's own matcher, modifiers and graph that way.
        """
        extraction: Extraction = doc._.spinemets
        owners = doc.user_data.pop(FACT_GROUP, [])
        targets = list(doc.spans[FACT_GROUP])
        if not targets:
            return doc
        sentence_starts = [s.start for s in doc.sents]
        by_sentence: dict[int, tuple[list, list]] = {}
        for span, index in zip(targets, owners):
            by_sentence.setdefault(bisect_right(sentence_starts, span.start) - 1, ([], []))[0].append((span, index))
        for match_id, start, end in matcher(doc):
            key = bisect_right(sentence_starts, start) - 1
            if key not in by_sentence:
                continue  # no fact in that sentence: nothing to modify
            rule = matcher.rule_map[pipeline.vocab[match_id].text]
            by_sentence[key][1].append(ConTextModifier(rule, start, end, doc, max_scope=context.max_scope))
        for found, modifiers in by_sentence.values():
            if not modifiers:
                continue
            graph = ConTextGraph(prune_on_modifier_overlap=context.prune_on_target_overlap)
            graph.targets = [span for span, _ in found]
            graph.modifiers = modifiers
            graph.update_scopes()
            graph.apply_modifiers()
            context.set_context_attributes(graph.edges)
            for span, index in found:
                fact = extraction.facts[index]
                for attribute, assertion in _ASSERTIONS:
                    if getattr(span._, attribute):
                        fact.assertion = assertion
                        break
        return doc

    pipeline.add_pipe("spinemets_sentences")
    pipeline.add_pipe("spinemets_facts")
    pipeline.add_pipe("spinemets_assertions")
    return pipeline


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


def _finish(extraction: Extraction) -> Extraction:
    if not extraction.text.strip():
        extraction.warnings.append("the text is empty: nothing was extracted")
    elif not any(f.key in ("level", "histology", "age", "compression", "surgery", "radiotherapy")
                 for f in extraction.facts if f.assertion == "present"):
        extraction.warnings.append("no case found in the text: no age, histology, vertebral level or treatment "
                                   "was recognised")
    return extraction


def _doc_input(text: str, name: str | None) -> tuple[str, dict[str, Any]]:
    return text, {"name": name}


def extract_text(text: str, name: str | None = None, kind: str | None = None) -> Extraction:
    """Every fact of one clinical text, with spans into `text` and assertion status."""
    return next(extract_texts([text], names=[name], kind=kind))


def extract_texts(texts: Iterable[str], names: Iterable[str | None] | None = None, kind: str | None = None,
                  batch_size: int = 32) -> Iterator[Extraction]:
    """Many texts through one pipeline (nlp.pipe), in input order."""
    texts = list(texts)
    names = list(names) if names is not None else [None] * len(texts)
    prepared = [prepare(t, n, kind) for t, n in zip(texts, names)]
    pipeline = nlp()
    from spacy.tokens import Doc  # noqa: F401  (the extension is registered by nlp())

    def docs() -> Iterator[Any]:
        for text in prepared:
            doc = pipeline.make_doc(text)
            doc.user_data["spinemets_text"] = text
            yield doc

    for original, doc, name in zip(texts, pipeline.pipe(docs(), batch_size=batch_size), names):
        extraction: Extraction = doc._.spinemets
        extraction.text = original
        extraction.name = name
        yield _finish(extraction)


def facts_with_status(extraction: Extraction, key: str, status: str = "present") -> list[Fact]:
    return [f for f in extraction.of(key) if f.assertion == status]
