"""``khronika export``: the command over :func:`khronika.export.export`.

With ``--out`` the export is written to a temporary file beside the target
and renamed over it only when complete, so a failed export leaves the old
file as it was.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from khronika.errors import InputError, KhronikaError
from khronika.export import FORMATS, export
from khronika.settings import Settings
from khronika.store import Store


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="acled (CSV in ACLED's columns), plover (PLOVER JSON), ftm (FollowTheMoney "
    "entities, JSON lines), jsonl or csv (one event a line or row).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file (atomically) instead of standard output.",
)
@click.pass_obj
def export_cmd(settings: Settings, fmt: str, out: Path | None) -> None:
    """Export the reviewed events (corrections applied, rejected events left out)."""
    try:
        with Store.open(settings.db_path, read_only=True) as store:
            if out is None:
                count = export(store, fmt, sys.stdout)
            else:
                count = export_to_file(store, fmt, out)
    except KhronikaError as err:
        click.echo(f"khronika: error: {err}", err=True)
        sys.exit(1)
    if out is not None:
        click.echo(f"{count} records -> {out}", err=True)


def export_to_file(store: Store, fmt: str, out: Path) -> int:
    """Export into ``out`` through a temporary file renamed over it when done."""
    folder = out.parent
    if not folder.is_dir():
        raise InputError(f"{out}: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    try:
        newline = "" if fmt in {"acled", "csv"} else None
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            count = export(store, fmt, stream)
        # mkstemp makes the file private; keep the old file's mode, or the usual one
        Path(temporary).chmod(out.stat().st_mode & 0o777 if out.exists() else 0o644)
        Path(temporary).replace(out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
