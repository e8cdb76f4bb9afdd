"""``khronika serve``: its options are checked before anything is served."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from khronika.cli import cli


def _serve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"KHRONIKA_REVIEW_TOKEN": ""})
    return result.exit_code, result.output


def test_review_needs_a_token(sample_db: Path) -> None:
    code, output = _serve("--db", str(sample_db), "serve", "--review")
    assert code == 2 and "--review needs --token" in output


def test_a_token_without_review_is_a_mistake(sample_db: Path) -> None:
    code, output = _serve("--db", str(sample_db), "serve", "--token", "abc")
    assert code == 2 and "only used with --review" in output


def test_a_missing_database_is_one_error_line(tmp_path: Path) -> None:
    code, output = _serve("--db", str(tmp_path / "none.db"), "serve")
    assert code == 1
    assert output.strip().startswith("khronika: error:") and "no database" in output
    assert not (tmp_path / "none.db").exists()


def test_serve_takes_its_database_after_the_command_too(tmp_path: Path) -> None:
    missing = tmp_path / "after.db"
    code, output = _serve("--db", str(tmp_path / "before.db"), "serve", "--db", str(missing))
    assert code == 1 and str(missing) in output
