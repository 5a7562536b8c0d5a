"""The note with each extracted fact marked where it was found, built from the case's evidence spans."""

from __future__ import annotations

from html import escape
from typing import Any


def highlight_note(text: str, evidence: list[dict[str, Any]]) -> str:
    """HTML of the note; each evidence span becomes <mark> titled with the fact it supports.

    Overlapping spans are merged into the first one that starts, so the markup stays well nested.
    """
    spans: list[tuple[int, int, str]] = []
    for item in evidence:
        label = f"{item.get('field', 'fact')}: {item.get('value')}"
        if item.get("assertion") not in (None, "present"):
            label += f" ({item['assertion']})"
        for span in item.get("spans") or []:
            try:
                start, end = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= start < end <= len(text):
                spans.append((start, end, label))
    spans.sort()
    out, cursor = [], 0
    for start, end, label in spans:
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="fact" title="{escape(label)}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)
