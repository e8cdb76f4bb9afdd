"""Tests for expanding input paths and naming formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.read import format_of, iter_paths


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "txt"),
        ("a.TEXT", "txt"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.json", "json"),
        ("a.csv", "csv"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.md", "txt"),
        ("README", "txt"),
    ],
)
def test_format_of(name: str, expected: str) -> None:
    assert format_of(Path(name)) == expected


def test_directories_are_walked_in_name_order_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "b.txt",
        "a/z.html",
        "a/b/c.jsonl",
        "a.csv",
        "c.warc.gz",
        ".hidden.txt",
        ".git/d.txt",
        "image.png",
        "notes.md",
    )
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a/b/c.jsonl", "a/z.html", "a.csv", "b.txt", "c.warc.gz"]


def test_explicit_files_are_kept_whatever_their_name_and_yielded_once(tmp_path: Path) -> None:
    _touch(tmp_path, "notes.md", ".hidden.txt", "d/one.txt")
    given = [
        tmp_path / "notes.md",
        tmp_path / ".hidden.txt",
        tmp_path / "d",
        tmp_path / "d/one.txt",
    ]
    assert list(iter_paths(given)) == [
        tmp_path / "notes.md",
        tmp_path / ".hidden.txt",
        tmp_path / "d" / "one.txt",
    ]


def test_a_missing_path_is_refused_before_anything_is_yielded(tmp_path: Path) -> None:
    _touch(tmp_path, "one.txt")
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file or directory"):
        iter_paths([tmp_path / "one.txt", missing])


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    _touch(tmp_path, "d/one.txt")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    assert list(iter_paths([tmp_path])) == [tmp_path / "d" / "one.txt"]
