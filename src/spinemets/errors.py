"""The one family of exceptions spinemets raises, each carrying problems a user can act on.

Every problem names the field, the value that was given and what is allowed, so the CLI can print it
(exit code 2) and the API can return it (422) without a traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input."""

    field: str
    value: Any
    allowed: str
    message: str = ""

    def render(self) -> str:
        shown = _shorten(repr(self.value)) if self.value is not _NOTHING else "(missing)"
        head = f"{self.field}: {self.message}" if self.message else f"{self.field}: invalid value"
        return f"{head} (given {shown}; allowed: {self.allowed})"

    def as_dict(self) -> dict[str, Any]:
        value = None if self.value is _NOTHING else self.value
        try:
            import json

            json.dumps(value)
        except (TypeError, ValueError):
            value = repr(value)
        return {"field": self.field, "value": value, "allowed": self.allowed, "message": self.message}


class _Nothing:
    def __repr__(self) -> str:  # pragma: no cover - display only
        return "(missing)"


_NOTHING: Any = _Nothing()
MISSING = _NOTHING


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class SpinemetsError(ValueError):
    """Root of every error spinemets raises on purpose. Stable `code` for programs, `problems` for people."""

    code = "spinemets_error"

    def __init__(self, problems: Iterable[Problem] | str, *, code: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem(field="input", value=MISSING, allowed="see --help", message=problems)]
        self.problems: list[Problem] = list(problems)
        if code:
            self.code = code
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.code, "problems": [p.as_dict() for p in self.problems]}


class InputError(SpinemetsError):
    """The user's input is wrong; fixing the input fixes it."""

    code = "invalid_input"


class LevelError(InputError):
    """Text that should name vertebral levels does not."""

    code = "invalid_level"


class CaseFileError(InputError):
    """A case file cannot be read or does not describe a valid case."""

    code = "invalid_case_file"


class UnknownNameError(InputError):
    """A name (score, marker, regimen, histology) that spinemets does not know; suggests close names."""

    code = "unknown_name"

    def __init__(self, field_name: str, value: str, known: Iterable[str], what: str = "name") -> None:
        known = sorted(set(known), key=str.lower)
        close = difflib.get_close_matches(str(value).lower(), [k.lower() for k in known], n=3, cutoff=0.5)
        lookup = {k.lower(): k for k in known}
        hint = f"did you mean {', '.join(lookup[c] for c in close)}?" if close else ""
        allowed = ", ".join(known) if len(known) <= 40 else f"{len(known)} known names, e.g. {', '.join(known[:10])}"
        message = f"unknown {what}" + (f"; {hint}" if hint else "")
        self.suggestions = [lookup[c] for c in close]
        super().__init__([Problem(field=field_name, value=value, allowed=allowed, message=message)])


@dataclass
class Warning_:
    """A non-fatal remark about an input (kept apart from errors)."""

    field: str
    message: str
    extra: dict[str, Any] = field(default_factory=dict)
