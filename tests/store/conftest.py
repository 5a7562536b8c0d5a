"""Storage tests run on SQLite and on PostgreSQL.

PostgreSQL comes from SPINEMETS_TEST_POSTGRES_URL (a server URL whose user may create databases; `.ci/run`
starts Debian's PostgreSQL on loopback and sets it). Each test gets a database of its own, dropped after.
Without the variable the PostgreSQL runs are skipped, saying why.
"""

from __future__ import annotations

import os
import uuid

import pytest

POSTGRES_ENV = "SPINEMETS_TEST_POSTGRES_URL"


def _postgres_database():
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(os.environ[POSTGRES_ENV])
    name = "spinemets_test_" + uuid.uuid4().hex[:12]
    admin_dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'spinemets.db'}"
        return
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"{POSTGRES_ENV} is not set (.ci/run starts PostgreSQL and sets it)")
    yield from _postgres_database()


@pytest.fixture
def repository(database_url):
    from spinemets.store.repository import Repository

    repo = Repository.open(database_url)
    yield repo
    repo.close()
