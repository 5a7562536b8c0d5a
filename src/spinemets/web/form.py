"""The web form's fields turned into case data: the same validation as a case file then applies."""

from __future__ import annotations

import re
from typing import Any

from ..anatomy import parse_levels
from ..errors import InputError, Problem

FIELDS = ("title", "age_years", "sex", "histology", "site", "levels", "index_level", "fractured_levels",
          "compressing_levels", "frankel", "ecog", "kps", "markers")
_MARKER = re.compile(r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9 ./_-]*?)\s*(?P<sign>\+|-|positive|negative|focal)\s*$",
                     re.IGNORECASE)
_RESULTS = {"+": "positive", "-": "negative", "positive": "positive", "negative": "negative", "focal": "focal"}


def _markers(text: str) -> list[dict[str, str]]:
    markers = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", text))):
        match = _MARKER.match(part)
        if match is None:
            raise InputError([Problem("markers", part, "a marker name followed by + or - (e.g. 'desmin+, S100-')",
                                      "cannot read this marker")])
        markers.append({"name": match["name"], "result": _RESULTS[match["sign"].lower()]})
    return markers


def case_from_form(form: dict[str, str]) -> dict[str, Any]:
    """Case data from the form; a blank field stays unknown."""
    value = {k: (form.get(k) or "").strip() for k in FIELDS}
    levels = parse_levels(value["levels"], field="levels") if value["levels"] else []
    fractured = set(parse_levels(value["fractured_levels"], field="fractured_levels")) \
        if value["fractured_levels"] else set()
    compressing = set(parse_levels(value["compressing_levels"], field="compressing_levels")) \
        if value["compressing_levels"] else set()
    stray = sorted((fractured | compressing) - set(levels))
    if stray:
        raise InputError([Problem("levels", value["levels"], "every fractured or compressing level listed here too",
                                  f"{', '.join(l.name for l in stray)} not among the involved levels")])
    lesions = []
    for level in levels:
        lesion: dict[str, Any] = {"level": level.name}
        if level in fractured:
            lesion["pathological_fracture"] = True
        if level in compressing:
            lesion["neural_compression"] = True
        lesions.append(lesion)
    case: dict[str, Any] = {
        "title": value["title"] or None,
        "source": {"kind": "structured", "name": "web form"},
        "patient": {"age_years": value["age_years"] or None, "sex": value["sex"] or None},
        "primary": {"histology": value["histology"] or None, "site": value["site"] or None},
        "lesions": lesions,
        "index_level": value["index_level"] or None,
        "neurology": {"frankel": value["frankel"] or None},
        "performance": {"ecog": value["ecog"] or None, "kps": value["kps"] or None},
        "pathology": {"markers": _markers(value["markers"])},
    }
    return case
