"""The web page: sign in with a token (kept in an HttpOnly, same-site cookie), paste a note or fill the
form, see the stored case's analysis. Pages come from spinemets.web, the analysis view from spinemets.report."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import SpinemetsError
from ..store.repository import Repository, TokenRecord
from ..web import pages
from ..web.form import FIELDS, case_from_form
from .auth import COOKIE, repository, token_from_request
from .models import MAX_NOTE_CHARS
from .routes_cases import store_new_case

router = APIRouter(include_in_schema=False)


def _report_css() -> str:
    from ..report.html import stylesheet

    return stylesheet()


def _signed_in(request: Request) -> TokenRecord | None:
    token = token_from_request(request, None)
    if token is not None:
        request.state.token_name = token.name
    return token


def _to_start() -> RedirectResponse:
    return RedirectResponse("/", status_code=303)


def _home(request: Request, owner: TokenRecord, *, problems=None, form=None, note: str = "",
          status: int = 200) -> HTMLResponse:
    cases = [r.summary() for r in repository(request).list_cases(owner, limit=50)]
    return HTMLResponse(pages.home_page(owner.name, cases, problems, form, note, _report_css()), status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    owner = _signed_in(request)
    if owner is None:
        return HTMLResponse(pages.login_page())
    return _home(request, owner)


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=200)) -> Response:
    if repository(request).token_for_secret(token.strip()) is None:
        return HTMLResponse(pages.login_page("That token is not valid."), status_code=401)
    response = _to_start()
    response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout() -> Response:
    response = _to_start()
    response.delete_cookie(COOKIE)
    return response


@router.post("/analyze/note")
def analyze_note_page(request: Request, text: str = Form(..., max_length=MAX_NOTE_CHARS)) -> Response:
    owner = _signed_in(request)
    if owner is None:
        return _to_start()
    try:
        record, _ = store_new_case(repository(request), owner, case=None, text=text, title=None)
    except SpinemetsError as exc:
        return _home(request, owner, problems=exc.problems, note=text, status=422)
    return RedirectResponse(f"/cases/{record.id}", status_code=303)


@router.post("/analyze/form")
async def analyze_form_page(request: Request) -> Response:
    owner = _signed_in(request)
    if owner is None:
        return _to_start()
    submitted = await request.form()
    form = {name: str(submitted.get(name) or "")[:500] for name in FIELDS}
    try:
        # The analysis is CPU work: off the event loop, like the synchronous routes.
        record, _ = await run_in_threadpool(store_new_case, repository(request), owner, case=case_from_form(form),
                                            text=None, title=form["title"] or None)
    except SpinemetsError as exc:
        return _home(request, owner, problems=exc.problems, form=form, status=422)
    return RedirectResponse(f"/cases/{record.id}", status_code=303)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_view(request: Request, case_id: uuid.UUID, repo: Repository = Depends(repository)) -> Response:
    owner = _signed_in(request)
    if owner is None:
        return _to_start()
    record = repo.get_case(owner, str(case_id))
    history = repo.analyses(owner, str(case_id), action=None) if record else None  # one page view, one event
    if record is None or not history:
        return HTMLResponse(pages.not_found_page(owner.name), status_code=404)
    from ..report.html import render_fragment
    from ..web.highlight import highlight_note

    latest = history[-1].analysis
    note_html = highlight_note(record.source_text, latest["case"].get("evidence") or []) \
        if record.source_text is not None else None
    page = pages.case_page(owner.name, {**record.summary()}, render_fragment(latest), note_html,
                           [{"id": h.id, "created_at": h.created_at.isoformat()} for h in history], _report_css())
    return HTMLResponse(page)
