"""What the form tests read: the schema's 18 keys the extractor gives for a sentence of our own."""

from __future__ import annotations

from spinemets.extract import extract_text, to_schema


def schema(text: str) -> dict:
    return to_schema(extract_text(text))
