"""``khronika export``: standard output, --out written atomically, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TextIO

import pytest
from click.testing import CliRunner, Result

from khronika import export as export_package
from khronika.cli import cli
from khronika.store import Store


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["acled", "plover", "ftm", "jsonl", "csv"])
def test_every_format_goes_to_standard_output(sample_db: Path, fmt: str) -> None:
    result = run("--db", str(sample_db), "export", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "plover":
        assert isinstance(json.loads(result.stdout), list)
    elif fmt in {"ftm", "jsonl"}:
        assert all(json.loads(line) for line in result.stdout.splitlines())
    else:
        assert len(list(csv.DictReader(io.StringIO(result.stdout)))) > 0


def test_out_writes_the_file(sample_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    result = run("--db", str(sample_db), "export", "--format", "acled", "--out", str(target))
    assert result.exit_code == 0
    with Store.open(sample_db) as store:
        count = len(store.events())
    assert f"{count} records -> {target}" in result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == count + 1
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "events.json"
    target.write_text("the previous export\n", encoding="utf-8")

    def broken(store: Store, out: TextIO) -> int:
        out.write("[{half")
        raise RuntimeError("disk full")

    monkeypatch.setitem(export_package.WRITERS, "plover", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        run("--db", str(sample_db), "export", "--format", "plover", "--out", str(target))
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.json"]


def test_mistakes_are_reported(tmp_path: Path, sample_db: Path) -> None:
    missing = run("--db", str(tmp_path / "none.db"), "export", "--format", "csv")
    assert missing.exit_code == 1 and "no database" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    bad = run("--db", str(sample_db), "export", "--format", "xml")
    assert bad.exit_code == 2
    nowhere = tmp_path / "no" / "such" / "x.csv"
    result = run("--db", str(sample_db), "export", "--format", "csv", "--out", str(nowhere))
    assert result.exit_code == 1 and "does not exist" in result.stderr
