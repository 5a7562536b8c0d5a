"""Terminal rendering of score results (the JSON form of spinemets.scores.ScoreResult).

One table per score: each item with the fact used, its points (or the points still possible) and the
reason; then the facts still missing, each with its question and the scores it would settle.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text


def _span(value: Any) -> str:
    if not value:
        return "?"
    low, high = value
    return str(low) if low == high else f"{low}-{high}"


def headline(score: dict[str, Any]) -> Text:
    """'SINS at C6: 8-17 (potentially unstable or unstable)' in one line."""
    if not score.get("available", True):
        return Text(f"{score['name']}: not available. {score.get('unavailable_reason') or ''}", style="dim")
    where = f" at {score['level']}" if score.get("level") else ""
    total = score["total"] if score["total"] is not None else _span(score["range"])
    category = score["category"] or " or ".join(score["categories"]) or "category not determined"
    style = "bold" if score["total"] is not None else "bold yellow"
    text = Text(f"{score['name']}{where}: ", style="bold")
    text.append(f"{total}", style=style)
    text.append(f"  ({category})")
    if score["total"] is None:
        text.append("  range: unknown facts remain", style="yellow")
    return text


def score_table(score: dict[str, Any]) -> Table:
    table = Table(
        title=headline(score), title_justify="left", header_style="bold", show_lines=False, expand=False
    )
    table.add_column("item")
    table.add_column("fact used")
    table.add_column("points", justify="right")
    table.add_column("reason")
    for item in score["items"]:
        if item["option"] is not None:
            points = str(item["points"]) if item["points"] is not None else item["option"]
        else:
            points = Text(" / ".join(str(p) for p in item["possible"]), style="yellow")
        reason = item["reason"] + (f" [{item['conversion']}]" if item.get("conversion") else "")
        table.add_row(item["label"], item["fact"] or Text("unknown", style="dim italic"), points, reason)
    return table


def footer(score: dict[str, Any]) -> list[Text]:
    lines = []
    if score.get("meaning"):
        lines.append(Text(f"  meaning: {score['meaning']}"))
    if score.get("variant"):
        lines.append(Text(f"  variant: {score['variant']}", style="cyan"))
    for note in score.get("notes") or []:
        lines.append(Text(f"  note: {note}", style="dim"))
    cite = score.get("citation") or {}
    if cite:
        parts = [
            cite["authors"],
            cite["journal"],
            str(cite["year"]) if cite.get("year") else None,
            f"doi:{cite['doi']}" if cite.get("doi") else None,
            cite.get("locator"),
        ]
        lines.append(Text("  source: " + "; ".join(p for p in parts if p), style="dim"))
    return lines


def render_score(score: dict[str, Any]) -> list[Any]:
    """One score: its table, meaning, variant, notes, citation and missing questions."""
    if not score.get("available", True):
        return [headline(score)]
    parts: list[Any] = [score_table(score), *footer(score)]
    for fact in score["missing"]:
        parts.append(Text(f"  ? {fact['question']}  [{fact['fact']}]", style="yellow"))
    return parts


def render_scores(scores: dict[str, dict[str, Any]]) -> list[Any]:
    """Every score of an analysis, then the missing facts once each with the scores they would settle."""
    parts: list[Any] = [Text("Scores", style="bold magenta underline")]
    questions: dict[str, tuple[str, list[str]]] = {}
    for key, score in scores.items():
        if not score.get("available", True):
            parts.append(headline(score))
            continue
        parts.append(score_table(score))
        parts.extend(footer(score))
        for fact in score["missing"]:
            entry = questions.setdefault(fact["fact"], (fact["question"], []))
            for settled in fact.get("scores") or [key]:
                if settled not in entry[1]:
                    entry[1].append(settled)
    if questions:
        parts.append(Text("Facts that would settle the open score items", style="bold yellow"))
        for path, (question, keys) in questions.items():
            parts.append(Text(f"  ? {question}  [{path}; settles {', '.join(keys)}]", style="yellow"))
    return parts
