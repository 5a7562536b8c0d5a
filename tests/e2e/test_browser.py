"""End to end in headless Chromium: a clinician signs in, pastes the seed case report, and sees C6 marked on
the spine, the SINS breakdown, and leiomyosarcoma first in the IHC differential.

Uses Debian's chromium (/usr/bin/chromium, installed by .ci/run) driven by the Python playwright package;
Playwright's own browser download is not used. Screenshots go to tests/artifacts/ (kept out of git).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.store.live_server import Server, create_token, service_env

ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = os.environ.get("SPINEMETS_TEST_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out, which this machine refuses.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED_NOTE = "seed/leiomyosarcoma-cervical-spine-case-report.md"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        if os.environ.get("SPINEMETS_TEST_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} not found; .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not found (Debian package 'chromium'; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def service(tmp_path):
    env = service_env(f"sqlite:///{tmp_path / 'e2e.db'}", tmp_path)
    token = create_token(env, "e2e")
    server = Server(env, tmp_path / "server.log").start()
    yield server, token
    server.stop()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _sign_in(page, server, token) -> None:
    page.goto(server.url + "/")
    page.fill("#token", token)
    page.click("#sign-in")
    page.wait_for_selector("#note")


def test_paste_the_seed_note_and_see_c6_sins_and_leiomyosarcoma_first(browser, service, shared_dir):
    server, token = service
    note = (shared_dir / SEED_NOTE).read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, server, token)
    page.fill("#note", note)
    _shot(page, "01-note-pasted")
    page.click("#analyze-note")
    page.wait_for_url("**/cases/*")
    _shot(page, "02-analysis")

    c6 = page.locator('svg.spine g[data-level="C6"]')
    assert c6.get_attribute("data-state") in {"fractured", "compressing"}
    assert page.locator('svg.spine g[data-level="C1"]').get_attribute("data-state") == "clear"

    sins = page.locator('[data-score="sins"]')
    assert sins.count() == 1, "the SINS breakdown should be on the page"
    items = sins.locator("[data-item]")
    assert items.count() >= 6  # location, pain, bone lesion, alignment, collapse, posterolateral involvement
    # Fisher et al. 2010: C3-C6 is "mobile spine", 2 points.
    location = sins.locator('[data-item="location"]').inner_text()
    assert "mobile" in location and location.rstrip().endswith("2")

    first = page.locator('#section-ihc_differential tr.diagnosis[data-rank="1"]')
    assert first.get_attribute("data-diagnosis") == "leiomyosarcoma"

    assert page.locator("#note mark.fact").count() >= 3  # the extracted facts highlighted in the note
    page.locator("#note").scroll_into_view_if_needed()
    _shot(page, "03-note-highlighted")
    page.close()


def test_the_form_path_and_the_pdf_link(browser, service):
    server, token = service
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, server, token)
    page.fill('input[name="levels"]', "T8-T10")
    page.fill('input[name="index_level"]', "T9")
    page.fill('input[name="compressing_levels"]', "T9")
    page.click("#analyze-form")
    page.wait_for_url("**/cases/*")
    assert page.locator('svg.spine g[data-level="T9"]').get_attribute("data-state") == "compressing"
    assert page.locator('svg.spine g[data-level="T8"]').get_attribute("data-state") == "involved"
    _shot(page, "04-form-analysis")
    response = page.request.get(server.url + page.locator("#report-pdf").get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF-")
    page.close()
