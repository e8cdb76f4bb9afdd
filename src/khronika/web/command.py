"""``khronika serve``: the web application on a local port."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from khronika.errors import InputError, KhronikaError
from khronika.settings import Settings


@click.command("serve")
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Database to serve (the same as khronika --db PATH serve).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="Another host name requests may use (repeatable); the bound address and "
    "localhost are always allowed, any other Host header is refused.",
)
@click.option("--review", is_flag=True, help="Accept review decisions (needs --token).")
@click.option(
    "--token",
    default=None,
    envvar="KHRONIKA_REVIEW_TOKEN",
    help="The secret reviewers send as 'Authorization: Bearer TOKEN' "
    "(or set KHRONIKA_REVIEW_TOKEN).",
)
@click.pass_obj
def serve(
    settings: Settings,
    db_path: Path | None,
    host: str,
    port: int,
    allowed_hosts: tuple[str, ...],
    review: bool,
    token: str | None,
) -> None:
    """Serve the web application: search, events, timeline, map, review."""
    if db_path is not None:
        settings = replace(settings, db_path=db_path)
    # imported here so that the other commands start without the web stack
    import uvicorn

    from khronika.web.app import create_app
    from khronika.web.security import served_hosts

    try:
        if review and not token:
            raise InputError("--review needs --token TOKEN (or KHRONIKA_REVIEW_TOKEN)")
        if token and not review:
            raise InputError("--token is only used with --review")
        app = create_app(
            settings.db_path,
            review_token=token if review else None,
            allowed_hosts=served_hosts(host, allowed_hosts),
        )
    except InputError as err:
        raise click.UsageError(str(err)) from err
    except KhronikaError as err:  # one line and exit status 1, as every command does
        click.echo(f"khronika: error: {err}", err=True)
        sys.exit(1)
    mode = "review enabled" if review else "read-only"
    click.echo(f"khronika: serving {settings.db_path} at http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
