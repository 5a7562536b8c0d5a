"""Terminal panels for the recommendations and the follow-up plan (JSON sections of spinemets.decide).

A recommendation shows what to consider, why (this case's facts), what would settle it when it is
conditional, what was done in practice (a departure in red), and its evidence with citations.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

_STATUS_STYLE = {"fired": "green", "conditional": "yellow"}


def _evidence_lines(evidence: list[dict[str, Any]]) -> list[Text]:
    lines = []
    for statement in evidence:
        sources = "; ".join(c["short"] + (f", doi:{c['doi']}" if c["doi"] else "") for c in statement["citations"])
        mark = "" if statement["confidence"] == "confirmed" else f" [{statement['confidence'].replace('_', ' ')}]"
        lines.append(Text(f"  - {statement['statement']}{mark} ({sources})", style="dim"))
    return lines


def _recommendation(rec: dict[str, Any]) -> Panel:
    style = _STATUS_STYLE.get(rec["status"], "white")
    body: list[Any] = [Text(rec["text"], style="bold"), Text(f"Why: {rec['rationale']}")]
    for condition in rec["conditions"]:
        body.append(Text(f"If: {condition['text']}", style="yellow"))
        body.append(Text(f"  Ask: {condition['question']}", style="yellow"))
    if rec.get("in_practice"):
        departs = "departs" in rec["in_practice"] or "differ" in rec["in_practice"]
        body.append(Text(f"In practice: {rec['in_practice']}", style="bold red" if departs else "cyan"))
    body.append(Text("Evidence:"))
    body.extend(_evidence_lines(rec["evidence"]))
    # A Text title, so "[fired]" is shown rather than read as console markup.
    return Panel(Group(*body), title=Text(f"[{rec['status']}] {rec['pathway']}", style=f"bold {style}"),
                 title_align="left", border_style=style)


def render_recommendations(value: list[dict[str, Any]]) -> list[Any]:
    if not value:
        return [Panel(Text("No recommendation applies to the recorded facts."), title="Recommendations",
                      title_align="left")]
    parts: list[Any] = []
    for framework in dict.fromkeys(rec["framework"] for rec in value):
        parts.append(Text(f"Recommendations: {framework} (decision support: consider, with reasons)",
                          style="bold magenta"))
        parts.extend(_recommendation(rec) for rec in value if rec["framework"] == framework)
    return parts


def render_follow_up(value: list[dict[str, Any]]) -> list[Any]:
    table = Table(title="Follow-up plan", title_justify="left", header_style="bold", show_lines=True)
    for column in ("watch for", "when", "why", "source", "applies because"):
        table.add_column(column)
    for item in value:
        cited = "; ".join(c["short"] for c in item["citations"])
        source = f"our synthesis of: {cited}" if item["confidence"] == "our_synthesis" else cited
        table.add_row(item["what"], item["when"], item["why"], source, f"{item['applies']}: {item['because']}")
    return [table]
