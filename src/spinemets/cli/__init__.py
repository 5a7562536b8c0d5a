"""The command line. Each module registers its commands on the shared Typer app."""

from __future__ import annotations

import typer

from .. import __version__
from ._app import app
from . import core  # noqa: F401  (registers analyze, validate, schema)
from . import extract  # noqa: F401  (registers extract, eval-extract)
from . import score  # noqa: F401  (registers score)
from . import serve  # noqa: F401  (registers serve, token)
from . import ihc  # noqa: F401  (registers ihc)
from . import plan  # noqa: F401  (registers plan rt, plan chemo, plan regimens)
from . import decide  # noqa: F401  (registers decide)
from . import cohort  # noqa: F401  (registers cohort score, cohort columns)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spinemets {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="print the version and exit")) -> None:
    """Decision support for metastatic spine disease (not a decision)."""


__all__ = ["app"]
