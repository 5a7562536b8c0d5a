"""The few library calls the routes share: validate a case, analyse a case or a note."""

from __future__ import annotations

from typing import Any

from ..analysis import Analysis, analyze
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


def analyze_note(text: str, name: str | None = None) -> Analysis:
    from .. import analysis

    return analysis.analyze_text(text, name=name)


def run(case: dict[str, Any] | None = None, text: str | None = None, name: str | None = None) -> Analysis:
    if text is not None:
        return analyze_note(text, name)
    assert case is not None
    return analyze(validated_case(case))
