"""The few library calls the routes share: validate a case, analyse a case or a note."""

from __future__ import annotations

from typing import Any

from ..analysis import Analysis, analyze, analyze_text
from ..case import Case
from ..casefile import case_from_data
from ..errors import CaseFileError, Problem


def validated_case(data: dict[str, Any], field: str = "case") -> Case:
    try:
        return case_from_data(data)
    except CaseFileError as exc:
        prefixed = [Problem(field=f"{field}.{p.field}" if p.field != "case" else field, value=p.value,
                            allowed=p.allowed, message=p.message) for p in exc.problems]
        raise CaseFileError(prefixed) from None


def run(case: Case | dict[str, Any] | None = None, text: str | None = None, name: str | None = None) -> Analysis:
    """The analysis of a note, a validated case, or case data (the web form's) still to be validated."""
    if text is not None:
        return analyze_text(text, name=name)
    assert case is not None
    return analyze(case if isinstance(case, Case) else validated_case(case))
