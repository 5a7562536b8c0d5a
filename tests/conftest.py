"""Shared test fixtures: where the repository, its examples and ../shared live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
SEED_CASE = EXAMPLES / "leiomyosarcoma-c6.yaml"


@pytest.fixture(scope="session")
def seed_case():
    from spinemets.casefile import load_case

    return load_case(SEED_CASE)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is expected beside the repository (looked in {SHARED})")
    return SHARED
