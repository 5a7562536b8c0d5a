"""Turning every refusal into JSON a program can act on: {"error": code, "problems": [field, value, allowed, message]}.

Values echoed back are shortened: a rejected note goes back to its sender only in part, and never to a log.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..casefile import _allowed_from, _loc_to_path
from ..errors import Problem, SpinemetsError

ECHO_LIMIT = 80


def problem_response(status: int, code: str, problems: list[Problem], headers: dict[str, str] | None = None
                     ) -> JSONResponse:
    return JSONResponse({"error": code, "problems": [_shortened(p.as_dict()) for p in problems]},
                        status_code=status, headers=headers)


def _shortened(problem: dict[str, Any]) -> dict[str, Any]:
    value = problem.get("value")
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        problem["value"] = value[: ECHO_LIMIT - 3] + "..."
    elif isinstance(value, (dict, list)):
        problem["value"] = "{...}" if isinstance(value, dict) else "[...]"
    return problem


def _from_request_validation(exc: RequestValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        message = str(error.get("msg", "invalid"))
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        if error.get("type") == "extra_forbidden":
            message = "unknown field"
        value = None if error.get("type") == "missing" else error.get("input")
        if loc[:1] == ("body",) and len(loc) > 1:
            loc = loc[1:]  # a body field is named as the caller wrote it: "case.lesions[0].level"
        problems.append(Problem(field=_loc_to_path(loc), value=value, allowed=_allowed_from(error), message=message))
    return problems


async def on_spinemets_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SpinemetsError)
    return problem_response(422, exc.code, exc.problems)


async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(422, "invalid_input", _from_request_validation(exc))


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "request refused"
    return problem_response(exc.status_code, _CODES.get(exc.status_code, "http_error"),
                            [Problem(field="request", value=request.url.path, allowed=_ALLOWED.get(
                                exc.status_code, "see /docs"), message=detail)],
                            headers=getattr(exc, "headers", None))


_CODES = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large",
          415: "unsupported_media_type"}
_ALLOWED = {401: "a valid API token in 'Authorization: Bearer <token>' (create one: spinemets token create NAME)",
            404: "a path listed at /docs, and case ids your token created",
            405: "the methods listed at /docs for this path"}
