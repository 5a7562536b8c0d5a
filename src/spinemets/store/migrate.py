"""Bringing a database to the current schema with the Alembic migrations shipped inside the package."""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy import Engine


def alembic_config(engine: Engine):  # noqa: ANN201 (alembic is imported lazily)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("spinemets.store") / "migrations"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
