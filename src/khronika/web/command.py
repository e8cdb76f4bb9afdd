"""``khronika serve``: the web application on a local port."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from khronika.errors import InputError, KhronikaError
from khronika.settings import Settings

TOKEN_ENV = "KHRONIKA_REVIEW_TOKEN"


def read_token(path: Path) -> str:
    """The review token in ``path``: its first line, without surrounding blanks."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the review token from {path}: {err}") from err
    token = lines[0].strip() if lines else ""
    if not token:
        raise InputError(f"the token file {path} is empty")
    return token


def _typed_on_command_line(token: str) -> bool:
    return os.environ.get(TOKEN_ENV) != token


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
    "--token-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A file holding the secret reviewers send as 'Authorization: Bearer TOKEN'.",
)
@click.option(
    "--token",
    default=None,
    envvar=TOKEN_ENV,
    show_envvar=True,
    help=f"The review secret. Prefer ${TOKEN_ENV} or --token-file: a value typed on the "
    "command line is visible to every user of the machine (ps).",
)
@click.pass_obj
def serve(
    settings: Settings,
    db_path: Path | None,
    host: str,
    port: int,
    allowed_hosts: tuple[str, ...],
    review: bool,
    token_file: Path | None,
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
        if token_file is not None:
            if token:
                raise InputError(f"give the review token once: --token-file or ${TOKEN_ENV}")
            token = read_token(token_file)
        elif token and _typed_on_command_line(token):
            click.echo(
                f"khronika: warning: a token given with --token shows in 'ps'; "
                f"use ${TOKEN_ENV} or --token-file",
                err=True,
            )
        if review and not token:
            raise InputError(f"--review needs a token: ${TOKEN_ENV} or --token-file FILE")
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
