"""The FastAPI application: settings, storage, middleware (body limit, request log) and the routers.

The request log holds method, path, status and time only: bodies carry patient text and are never logged.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import traceback
from typing import Any, AsyncIterator

from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import Problem, SpinemetsError
from ..store.repository import Repository
from . import problems
from .auth import require_token
from .settings import Settings

log = logging.getLogger("spinemets.api")


class BodyLimit:
    """Refuse request bodies over the limit with 413: by the declared length, or by reading a chunked body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        # No declared length (chunked): read the body here, up to the limit, then hand it on. Raising from
        # inside the app's own body reading would be turned into a 400 by the framework.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        replay = iter(messages)

        async def replaying_receive() -> Message:
            return next(replay, None) or await receive()

        await self.app(scope, replaying_receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problems.problem_response(
            413, "body_too_large",
            [Problem(field="body", value=None, allowed=f"at most {self.max_bytes} bytes (SPINEMETS_MAX_BODY_BYTES)",
                     message="request body too large")])
        await response(scope, receive, send)


class RequestLog:
    """One line per request: method, path, status, milliseconds. No query string, no body, no headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500
        started = False

        async def recording_send(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        except Exception as exc:  # noqa: BLE001 - the last line of defence, see below
            # An exception's message may quote the request (a note, a field value): log where it happened,
            # never what it says, and answer 500 ourselves so the server does not print the traceback.
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            log.error("%s %s unhandled %s at %s:%d", scope["method"], scope["path"], type(exc).__name__,
                      frame.filename.rsplit("/", 1)[-1], frame.lineno)
            if not started:
                response = problems.problem_response(500, "internal_error", [Problem(
                    field="request", value=None, allowed="a request the service can answer",
                    message="internal error; the server log names where it happened")])
                await response(scope, receive, send)
        finally:
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status,
                     (time.perf_counter() - start) * 1000)


def _warm_up_extraction() -> None:
    """Build the spaCy pipeline once, so the first pasted note does not wait for it."""
    try:
        from ..extract import extract_text

        extract_text("Warm-up: lytic lesion at T8.")
    except Exception as exc:  # noqa: BLE001 - a failed warm-up only means the first note loads it
        log.warning("extraction warm-up failed: %s", type(exc).__name__)
        return
    # The pipeline and tables now loaded live as long as the process: move them out of the garbage
    # collector's view, so full collections stop re-walking them (they showed as latency spikes under load).
    import gc

    gc.collect()
    gc.freeze()


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    if app.state.settings.warm_up:
        threading.Thread(target=_warm_up_extraction, name="spinemets-warm-up", daemon=True).start()
    yield


def create_app(settings: Settings | None = None, repository: Repository | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(
        lifespan=_lifespan,
        docs_url=None, openapi_url=None, redoc_url=None,  # served below, behind the token like every route
        title="spinemets",
        version=__version__,
        description=("Decision support for metastatic spine disease (not a decision). Every route but /healthz "
                     "and /static needs an API token: `Authorization: Bearer <token>`; create one with "
                     "`spinemets token create NAME`."),
    )
    app.state.settings = settings
    app.state.repository = repository or Repository.open(settings.database_url)

    app.add_exception_handler(SpinemetsError, problems.on_spinemets_error)
    app.add_exception_handler(RequestValidationError, problems.on_validation_error)
    app.add_exception_handler(StarletteHTTPException, problems.on_http_error)

    from . import routes_analysis, routes_cases, routes_reports, routes_web
    from ..web import static_dir

    app.include_router(routes_analysis.router)
    app.include_router(routes_cases.router)
    app.include_router(routes_reports.router)
    app.include_router(routes_web.router)
    app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(require_token)])
    def openapi_document() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=[Depends(require_token)])
    def docs_page() -> HTMLResponse:
        # With a token in the header or the web page's cookie; the page itself loads Swagger UI's assets.
        return get_swagger_ui_html(openapi_url="/openapi.json", title="spinemets API")

    @app.get("/healthz", tags=["service"], summary="liveness and database check (no token needed)")
    def healthz() -> dict[str, Any]:
        app.state.repository.ping()
        return {"status": "ok", "version": __version__}

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLog)
    return app


def configure_logging(level: str) -> None:
    """The service's log format; called by `spinemets serve` and by each worker process it starts."""
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")


def app_from_env() -> FastAPI:
    """The app as each server worker process builds it: settings from the environment (see settings.py)."""
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    return create_app(settings)
