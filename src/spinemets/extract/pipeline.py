"""The extraction pipeline: a blank spaCy English tokenizer, our rule-based sentence splitter, our fact
components, and medspaCy's ConText (with our rules, patterns/context.yaml) for negation, history,
hypothetical and other-person status. Built once per process, lazily; spaCy and medspaCy load only here.

    extract_text(text) -> Extraction            one text
    extract_texts(texts) -> Iterator[Extraction]  many, batched through nlp.pipe
"""

from __future__ import annotations

import logging
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
CONTEXT_WINDOW_CHARS = 8_000
# Facts whose status ConText does not decide: a stain result carries its polarity in its value
# ("negative for S-100" is a present finding of a negative stain), a level's role is decided by its own rules.
_NO_CONTEXT = {"ihc", "intact"}
_ASSERTIONS = (("is_family", "other_person"), ("is_negated", "negated"), ("is_hypothetical", "hypothetical"),
               ("is_uncertain", "hypothetical"), ("is_historical", "historical"))


def _quiet_third_party_logging() -> None:
    # medspaCy's PyRuSH splitter logs every token at DEBUG; spaCy warns about blank pipelines. Neither may
    # print patient text into anyone's logs.
    for name in ("PyRuSH", "medspacy", "spacy", "quickumls"):
        logging.getLogger(name).setLevel(logging.WARNING)


@lru_cache(maxsize=1)
def nlp() -> Any:
    """The spaCy pipeline (built once): tokenizer, sentences, facts, ConText, assertions."""
    _quiet_third_party_logging()
    import numpy
    import spacy
    from medspacy.context import ConText, ConTextRule
    from spacy.attrs import IDX, SENT_START
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("spinemets"):
        Doc.set_extension("spinemets", default=None)

    @Language.component("spinemets_sentences")
    def _sentences(doc: Doc) -> Doc:
        text = doc.text  # rebuilt from the tokens on every access: read once
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
        for index, found in enumerate(extraction.facts):
            if found.key in _NO_CONTEXT:
                continue
            span = doc.char_span(found.start, found.end, label=found.key, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                owners.append(index)  # the fact each span stands for, read back after ConText
        doc.spans[FACT_GROUP] = spans
        doc.user_data[FACT_GROUP] = owners
        return doc

    pipeline = spacy.blank("en")
    # ConText compares every modifier with every fact of a document; run on the whole of a case report but on
    # windows of sentences for a long text, so time grows linearly with the text, never with its square.
    context = ConText(pipeline, rules=None, input_span_type="group", span_group_name=FACT_GROUP)
    context.add([ConTextRule(literal=r["literal"], category=r["category"], direction=r["direction"],
                             max_scope=r.get("max_scope")) for r in load("context")["rules"]])

    def _read_back(doc: Doc, owners: list[int], extraction: Extraction) -> None:
        for span, index in zip(doc.spans[FACT_GROUP], owners):
            found = extraction.facts[index]
            for attribute, assertion in _ASSERTIONS:
                if getattr(span._, attribute):
                    found.assertion = assertion
                    break

    @Language.component("spinemets_assertions")
    def _assertions(doc: Doc) -> Doc:
        extraction: Extraction = doc._.spinemets
        owners = doc.user_data.pop(FACT_GROUP, [])
        if len(extraction.text) <= CONTEXT_WINDOW_CHARS:
            context(doc)
            _read_back(doc, owners, extraction)
            return doc
        windows: list[tuple[int, int]] = []
        for sentence in extraction.sentences:
            if windows and sentence.end - windows[-1][0] <= CONTEXT_WINDOW_CHARS:
                windows[-1] = (windows[-1][0], sentence.end)
            else:
                windows.append((sentence.start, sentence.end))
        pending = sorted(zip(doc.spans[FACT_GROUP], owners), key=lambda pair: pair[0].start)
        position = 0
        for start, end in windows:
            window = doc.char_span(start, end, alignment_mode="expand")
            if window is None:
                continue
            chosen = []
            while position < len(pending) and pending[position][0].start < window.end:
                if pending[position][0].end <= window.end:
                    chosen.append(pending[position])
                position += 1
            if not chosen:
                continue
            part = window.as_doc()
            offset = window.start_char
            mapped = [(part.char_span(sp.start_char - offset, sp.end_char - offset, label=sp.label_,
                                      alignment_mode="expand"), index) for sp, index in chosen]
            mapped = [(sp, index) for sp, index in mapped if sp is not None]
            part.spans[FACT_GROUP] = [sp for sp, _ in mapped]
            context(part)
            _read_back(part, [index for _, index in mapped], extraction)
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

    for original, doc, name in zip(texts, pipeline.pipe(prepared, batch_size=batch_size), names):
        extraction: Extraction = doc._.spinemets
        extraction.text = original
        extraction.name = name
        yield _finish(extraction)


def facts_with_status(extraction: Extraction, key: str, status: str = "present") -> list[Fact]:
    return [f for f in extraction.of(key) if f.assertion == status]
