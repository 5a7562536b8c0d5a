"""An app over a fresh SQLite database, two tokens (an owner and a stranger), the seed case as JSON."""

from __future__ import annotations

import warnings

import pytest
import yaml

from tests.conftest import SEED_CASE


@pytest.fixture
def settings(tmp_path):
    from spinemets.api.settings import Settings

    return Settings.from_env({}, data_dir=tmp_path, warm_up=False)


@pytest.fixture
def app(settings):
    from spinemets.api.app import create_app

    application = create_app(settings)
    yield application
    application.state.repository.close()


@pytest.fixture
def client(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx is what FastAPI documents
        from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


def _headers(app, name):
    _, secret = app.state.repository.create_token(name)
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def owner(app):
    return _headers(app, "owner")


@pytest.fixture
def stranger(app):
    return _headers(app, "stranger")


@pytest.fixture(scope="session")
def seed_data():
    return yaml.safe_load(SEED_CASE.read_text(encoding="utf-8"))
