"""The analysis as HTML: a fragment (the web page embeds it) and a standalone document (one file, CSS inline).

Works on the analysis JSON (`analyze(case).to_json()`): a section with its own template in
templates/sections/<key>.html.j2 is drawn as a clinician reads it; any other section is shown in full as
nested tables, so nothing computed is ever hidden.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..case import Case
from .spine_svg import STATES, spine_svg


@lru_cache(maxsize=1)
def _environment():  # noqa: ANN202 (jinja2 is imported lazily)
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("spinemets.report", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["humanize"] = lambda key: str(key).replace("_", " ")
    return env


def _section_templates() -> set[str]:
    folder = files("spinemets.report") / "templates" / "sections"
    return {entry.name.removesuffix(".html.j2") for entry in folder.iterdir() if entry.name.endswith(".html.j2")}


def stylesheet() -> str:
    return (files("spinemets.report") / "templates" / "report.css").read_text(encoding="utf-8")


def _context(analysis: dict[str, Any]) -> dict[str, Any]:
    case = Case.model_validate(analysis["case"])
    skip = {"case", "spinemets_version", "disclaimer", "warnings"}
    sections = [(key, value) for key, value in analysis.items() if key not in skip]
    return {"a": analysis, "case": case, "c": analysis["case"], "spine_svg": spine_svg(case), "states": STATES,
            "sections": sections, "section_templates": _section_templates()}


def render_fragment(analysis: dict[str, Any]) -> str:
    return _environment().get_template("analysis.html.j2").render(**_context(analysis))


def render_document(analysis: dict[str, Any]) -> str:
    context = _context(analysis)
    return _environment().get_template("document.html.j2").render(
        **context, css=stylesheet(), fragment=render_fragment(analysis))
