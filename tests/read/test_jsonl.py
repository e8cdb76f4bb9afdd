"""Tests for streamed JSON lines."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from khronika.read.jsonl import jsonl_documents


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_malformed_line_does_not_stop_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"text": "first", "date": "2020-01-02"}),
            '{"text": "broken',
            "",
            json.dumps({"title": "no text here"}),
            json.dumps({"body": "fifth"}),
        ],
    )
    with caplog.at_level(logging.WARNING):
        documents = list(jsonl_documents(path, "utf-8", 1000))
    assert [(d.index, d.locator, d.text) for d in documents] == [
        (0, "line 1", "first"),
        (4, "line 5", "fifth"),
    ]
    assert documents[0].hints.published == "2020-01-02"
    assert "line 2: invalid JSON" in caplog.text
    assert "line 4: no text" in caplog.text
    assert "line 3" not in caplog.text  # blank lines are not worth a warning


def test_records_too_large_are_skipped_without_stopping(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    limit = 50
    path = _write(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"text": "small"}),
            json.dumps({"text": "x" * (limit * 10)}),  # longer than the line limit
            json.dumps({"text": "y" * (limit + 1)}),  # a short line, a text too long
            json.dumps({"text": "last"}),
        ],
    )
    with caplog.at_level(logging.WARNING):
        documents = list(jsonl_documents(path, "utf-8", limit))
    assert [d.text for d in documents] == ["small", "last"]
    assert [d.locator for d in documents] == ["line 1", "line 4"]
    assert "line 2: record too large, skipped" in caplog.text
    assert "line 3: text of 51 characters is longer than the 50-character limit" in caplog.text


def test_a_last_line_without_newline_and_a_legacy_codec(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'{"text": "caf\xe9"}\n{"text": "cr\xe8me"}'  # cp1252 bytes inside JSON strings
    )
    assert [d.text for d in jsonl_documents(path, "cp1252", 100)] == ["café", "crème"]


def test_undecodable_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "\xff\xfe"}\n{"text": "ok too"}\n')
    assert [d.text for d in jsonl_documents(path, "utf-8", 100)] == ["ok", "ok too"]
