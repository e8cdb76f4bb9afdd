"""Docs are tested: every command and option of the CLI appears in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from khronika.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_option_is_in_the_readme(name: str) -> None:
    assert f"khronika {name}" in README
    command = cli.commands[name]
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert any(opt in README for opt in param.opts), f"{name} {param.opts}"


def test_global_options_and_settings_are_in_the_readme() -> None:
    for text in ("--db", "KHRONIKA_DB", "-v", "make demo", "make test"):
        assert text in README
