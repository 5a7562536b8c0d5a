"""Opening the database: the URL decides SQLite or PostgreSQL; SQLite gets WAL and full sync.

Durability: a case is acknowledged only after its transaction commits. With SQLite in WAL mode and
synchronous=FULL each commit is fsynced, so neither a killed server nor a lost machine loses it; PostgreSQL
does the same by default (synchronous_commit=on).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import InputError, Problem

ALLOWED_URLS = "sqlite:///path/to/file.db or postgresql+psycopg://user:password@host:port/database"


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def normalize_url(url: str) -> str:
    """Accept the usual spellings; PostgreSQL always goes through psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError([Problem("SPINEMETS_DATABASE_URL", "(not shown)", ALLOWED_URLS,
                                  "not a database URL")]) from None
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if not (parsed.drivername.startswith("sqlite") or parsed.drivername == "postgresql+psycopg"):
        raise InputError([Problem("SPINEMETS_DATABASE_URL", parsed.drivername, ALLOWED_URLS,
                                  "unsupported database")])
    return parsed.render_as_string(hide_password=False)


def open_engine(url: str) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError([Problem("SPINEMETS_DATABASE_URL", url, "a SQLite file in a folder you may write",
                                          f"cannot create {folder} ({exc.strerror})")]) from None
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
