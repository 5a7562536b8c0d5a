"""The pages, rendered from templates/ with autoescaping on: login, home (paste a note or fill the form), case."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import Problem


@lru_cache(maxsize=1)
def _environment():  # noqa: ANN202 (jinja2 is imported lazily)
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("spinemets.web", "templates"),
                              autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)


def _render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def login_page(problem: str | None = None) -> str:
    return _render("login.html.j2", problem=problem)


def home_page(token_name: str, cases: list[dict[str, Any]], problems: list[Problem] | None = None,
              form: dict[str, str] | None = None, note: str = "", report_css: str = "") -> str:
    return _render("home.html.j2", token_name=token_name, cases=cases, problems=problems or [],
                   form=form or {}, note=note, report_css=report_css)


def case_page(token_name: str, case: dict[str, Any], analysis_html: str, note_html: str | None,
              history: list[dict[str, Any]], report_css: str) -> str:
    return _render("case.html.j2", token_name=token_name, case=case, analysis_html=analysis_html,
                   note_html=note_html, history=history, report_css=report_css)


def not_found_page(token_name: str) -> str:
    return _render("not_found.html.j2", token_name=token_name)
