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
    assert code == 2 and "--review needs a token" in output


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


def _served(
    monkeypatch: object, *args: str, env: dict[str, str] | None = None
) -> tuple[int, str, dict[str, object]]:
    import uvicorn

    seen: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        seen["app"] = app
        seen.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, list(args), env={"KHRONIKA_REVIEW_TOKEN": "", **(env or {})})
    return result.exit_code, result.output, seen


def test_the_token_may_come_from_a_file(
    sample_db: Path, tmp_path: Path, monkeypatch: object
) -> None:
    secret = tmp_path / "token"
    secret.write_text("s3cret-from-file\n", encoding="utf-8")
    code, output, seen = _served(
        monkeypatch, "--db", str(sample_db), "serve", "--review", "--token-file", str(secret)
    )
    assert code == 0, output
    assert "review enabled" in output and "warning" not in output
    assert seen["app"].state.khronika.review_token == "s3cret-from-file"  # type: ignore[attr-defined]


def test_the_token_from_the_environment_gives_no_warning(
    sample_db: Path, monkeypatch: object
) -> None:
    code, output, _ = _served(
        monkeypatch,
        "--db",
        str(sample_db),
        "serve",
        "--review",
        env={"KHRONIKA_REVIEW_TOKEN": "env-secret"},
    )
    assert code == 0, output
    assert "warning" not in output


def test_a_token_on_the_command_line_is_warned_about(sample_db: Path, monkeypatch: object) -> None:
    code, output, _ = _served(
        monkeypatch, "--db", str(sample_db), "serve", "--review", "--token", "typed"
    )
    assert code == 0, output
    assert "shows in 'ps'" in output


def test_an_empty_or_missing_token_file_is_refused(
    sample_db: Path, tmp_path: Path, monkeypatch: object
) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    code, output, seen = _served(
        monkeypatch, "--db", str(sample_db), "serve", "--review", "--token-file", str(empty)
    )
    assert code == 2 and "is empty" in output and not seen
    code, output, seen = _served(
        monkeypatch,
        "--db",
        str(sample_db),
        "serve",
        "--review",
        "--token-file",
        str(tmp_path / "nope"),
    )
    assert code == 2 and "cannot read the review token" in output and not seen
