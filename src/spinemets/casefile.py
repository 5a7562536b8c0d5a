"""Reading and writing case files (YAML or JSON), turning every defect into a problem a person can fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .case import Case
from .errors import MISSING, CaseFileError, Problem

# A case is a few kilobytes; anything this large is not a case file and is refused before parsing.
MAX_CASE_FILE_BYTES = 2 * 1024 * 1024
CASE_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _problem(field: str, value: Any, allowed: str, message: str) -> CaseFileError:
    return CaseFileError([Problem(field=field, value=value, allowed=allowed, message=message)])


def read_text_file(path: Path | str, *, max_bytes: int, what: str = "file") -> str:
    """The text of a file, or a clear error: missing, unreadable, a folder, empty, binary, not UTF-8, too big."""
    path = Path(path)
    shown = str(path)
    if not path.exists():
        raise _problem(what, shown, "an existing file", "no such file")
    if path.is_dir():
        raise _problem(what, shown, "a file, not a folder", "is a folder")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _problem(what, f"{shown} ({size} bytes)", f"at most {max_bytes} bytes", "file too large")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise _problem(what, shown, "a file you may read", "permission denied") from None
    except OSError as exc:
        raise _problem(what, shown, "a readable file", f"cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise _problem(what, shown, f"at most {max_bytes} bytes", "file too large")
    return decode_text(data, field=what, name=shown)


def decode_text(data: bytes, *, field: str = "text", name: str = "input") -> str:
    """UTF-8 text from bytes, refusing binary data and empty input with a message saying which."""
    if not data.strip():
        raise _problem(field, name, "a non-empty text", "empty")
    if b"\x00" in data[:8192]:
        raise _problem(field, name, "UTF-8 text", "binary data (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _problem(field, name, "UTF-8 text", f"not valid UTF-8 (byte {exc.start})") from None
    return text


def _loc_to_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "constrained-")) or part in {"str", "int", "float", "bool"}:
            continue  # pydantic's internal validator names say nothing to a user
        else:
            out += ("." if out else "") + str(part)
    return out or "case"


def _allowed_from(error: dict[str, Any], model_fields: set[str] | None = None) -> str:
    ctx = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "enum":
        return str(ctx.get("expected", "one of the listed values"))
    if kind == "literal_error":
        return str(ctx.get("expected", "one of the listed values"))
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        bounds = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}
        return f"a number {bounds[kind]} {next(iter(ctx.values()))}"
    if kind == "extra_forbidden":
        return "only the fields of the case schema (see `spinemets schema`)"
    if kind == "missing":
        return "a value is required here"
    if kind.startswith(("int_", "float_")):
        return "a number"
    if kind.startswith("bool"):
        return "true, false or unknown"
    if kind.startswith("date"):
        return "a date as YYYY-MM-DD"
    if kind == "value_error":
        message = str(ctx.get("error", ""))
        if "allowed:" in message:
            return message.split("allowed:", 1)[1].strip().rstrip(")")
        return "see the message"
    if kind.startswith("list"):
        return "a list"
    if kind.startswith(("model_", "dict")):
        return "a mapping of fields"
    return "see `spinemets schema`"


def problems_from_validation(exc: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        message = error.get("msg", "invalid")
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        if error.get("type") == "extra_forbidden":
            message = "unknown field"
        if "(given" in message:  # our own level errors already name value and allowed values
            message = message.split(" (given", 1)[0].split(": ", 1)[-1]
        path = _loc_to_path(tuple(error.get("loc", ())))
        value = error.get("input", MISSING) if error.get("type") != "missing" else MISSING
        if isinstance(value, dict) and error.get("type") not in {"model_type", "dict_type"}:
            value = "{...}"
        problems.append(Problem(field=(prefix + path) if prefix else path, value=value,
                                allowed=_allowed_from(error), message=message))
    return problems


def case_from_data(data: Any, *, name: str = "case") -> Case:
    """A validated Case from parsed YAML/JSON, or a CaseFileError listing every problem."""
    if not isinstance(data, dict):
        raise _problem("case", type(data).__name__, "a mapping of fields (patient, primary, lesions, ...)",
                       f"{name} does not hold a case")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(problems_from_validation(exc)) from None


def parse_case_text(text: str, *, fmt: str = "yaml", name: str = "case") -> Case:
    try:
        data = json.loads(text) if fmt == "json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise _problem("file", name, "valid JSON", f"JSON syntax error at line {exc.lineno}, column {exc.colno}: "
                                                 f"{exc.msg}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise _problem("file", name, "valid YAML", f"YAML syntax error{where}: "
                                                 f"{getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        raise _problem("file", name, "a case (see examples/)", "the file holds no data")
    return case_from_data(data, name=name)


def is_case_file(path: Path | str) -> bool:
    return Path(path).suffix.lower() in CASE_SUFFIXES


def load_case(path: Path | str) -> Case:
    """Load a case from a .yaml/.yml/.json file."""
    path = Path(path)
    fmt = CASE_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise _problem("file", str(path), ", ".join(CASE_SUFFIXES), "not a case file suffix")
    text = read_text_file(path, max_bytes=MAX_CASE_FILE_BYTES)
    return parse_case_text(text, fmt=fmt, name=str(path))


def case_to_data(case: Case) -> dict[str, Any]:
    """The case as plain JSON-compatible data; unknown fields are written as null so nothing is implied."""
    return case.model_dump(mode="json")


def dump_case(case: Case, fmt: str = "yaml") -> str:
    data = case_to_data(case)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def save_case(case: Case, path: Path | str) -> None:
    path = Path(path)
    fmt = CASE_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise _problem("output", str(path), ", ".join(CASE_SUFFIXES), "not a case file suffix")
    path.write_text(dump_case(case, fmt), encoding="utf-8")


def case_json_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "spinemets case"
    return schema
