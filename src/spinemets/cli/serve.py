"""`spinemets serve` starts the web service; `spinemets token create NAME` makes an API token."""

from __future__ import annotations

import os

import typer

from ._app import app, err, guarded

token_app = typer.Typer(help="API tokens for the web service (stored hashed; a new one is shown once).",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@app.command()
def serve(
    host: str = typer.Option(None, help="address to listen on [default: SPINEMETS_HOST or 127.0.0.1]"),
    port: int = typer.Option(None, min=1, max=65535, help="port [default: SPINEMETS_PORT or 8000]"),
    workers: int = typer.Option(None, min=1, max=64, help="server processes [default: SPINEMETS_WORKERS or 1]"),
) -> None:
    """Run the REST API and the web page (settings: SPINEMETS_* environment variables, see README)."""
    with guarded():
        from ..api.settings import Settings

        settings = Settings.from_env(host=host, port=port, workers=workers)
        from ..api.app import configure_logging, create_app
        from ..store.migrate import upgrade
        from ..store.database import open_engine

        # Migrate once here, before any worker starts, so workers never race to create tables.
        engine = open_engine(settings.database_url)
        upgrade(engine)
        engine.dispose()
        application = create_app(settings) if settings.workers == 1 else None
    import uvicorn

    configure_logging(settings.log_level)
    err.print(f"spinemets serving on http://{settings.host}:{settings.port} with {settings.workers} worker(s) "
              f"(database: {settings.database_url.split('://', 1)[0]})", highlight=False)
    # uvicorn's access log would print query strings; our own request log prints method, path and status only.
    options = dict(host=settings.host, port=settings.port, access_log=False, log_level=settings.log_level.lower())
    if application is not None:
        uvicorn.run(application, **options)
        return
    # Worker processes build the app from the environment: pass on what the command line overrode.
    os.environ.update({"SPINEMETS_DATABASE_URL": settings.database_url, "SPINEMETS_DATA_DIR": str(settings.data_dir)})
    uvicorn.run("spinemets.api.app:app_from_env", factory=True, workers=settings.workers, **options)


@token_app.command("create")
def token_create(name: str = typer.Argument(..., help="who or what will use the token, e.g. 'ward-3' or 'registry'")
                 ) -> None:
    """Create an API token and print it once (only its hash is stored)."""
    with guarded():
        if not name.strip() or len(name) > 100:
            from ..errors import InputError, Problem

            raise InputError([Problem("NAME", name, "1 to 100 characters", "invalid token name")])
        from ..api.settings import Settings
        from ..store.repository import Repository

        repo = Repository.open(Settings.from_env().database_url)
        record, secret = repo.create_token(name.strip())
        repo.close()
    err.print(f"token {record.id} '{record.name}' created; it is shown only now, keep it safe:", highlight=False)
    typer.echo(secret)
