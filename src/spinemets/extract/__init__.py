"""Clinical text to a structured case with provenance; the only place spaCy and medspaCy are imported.

    from spinemets.extract import extract_text, to_schema, to_case
    extraction = extract_text(open("note.txt").read())
    to_schema(extraction)   # the 18 keys of the extraction benchmark
    to_case(extraction)     # a spinemets Case, every fact with its evidence spans

Nothing heavy loads on import: the spaCy pipeline is built on the first extraction.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_text", "extract_texts", "to_schema", "to_case", "SCHEMA_KEYS", "Extraction", "Fact"]

_WHERE = {"extract_text": "pipeline", "extract_texts": "pipeline", "to_schema": "assemble", "SCHEMA_KEYS": "assemble",
          "to_case": "case_builder", "Extraction": "facts", "Fact": "facts"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(name)
