"""`spinemets serve` starts the web service; `spinemets token create NAME` makes an API token."""

from __future__ import annotations

import typer

from ._app import app, err, guarded

token_app = typer.Typer(help="API tokens for the web service (stored hashed; a new one is shown once).",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@app.command()
def serve(
    host: str = typer.Option(None, help="address to listen on [default: SPINEMETS_HOST or 127.0.0.1]"),
    port: int = typer.Option(None, min=1, max=65535, help="port [default: SPINEMETS_PORT or 8000]"),
) -> None:
    """Run the REST API and the web page (settings: SPINEMETS_* environment variables, see README)."""
    with guarded():
        from ..api.settings import Settings

        settings = Settings.from_env(host=host, port=port)
        from ..api.app import create_app

        application = create_app(settings)
    import logging

    import uvicorn

    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    err.print(f"spinemets serving on http://{settings.host}:{settings.port} (database: "
              f"{settings.database_url.split('://', 1)[0]})", highlight=False)
    # uvicorn's access log would print query strings; our own request log prints method, path and status only.
    uvicorn.run(application, host=settings.host, port=settings.port, access_log=False,
                log_level=settings.log_level.lower())


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
