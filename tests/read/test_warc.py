"""Tests for WARC archives (written with warcio by the ``write_warc`` fixture)."""

from __future__ import annotations

import gzip
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from khronika.read.unusable import Unusable
from khronika.read.warc import looks_like_warc, warc_documents

WarcWriterFn = Callable[..., Path]


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_and_text_records_are_read(
    tmp_path: Path, write_warc: WarcWriterFn, name: str, compress: bool
) -> None:
    path = write_warc(tmp_path / name, compress=compress)
    assert looks_like_warc(path.read_bytes()[:8])
    page, note = warc_documents(path, 1_000_000, 100_000)
    assert page.locator == "https://example.org/flood"
    assert page.index == 1  # the warcinfo record is number 0
    assert page.one_article
    assert "river burst its banks" in page.text
    assert page.hints.title == "Flood in the valley"
    assert page.hints.url == "https://example.org/flood"
    assert page.hints.published == "2022-08-15"  # from WARC-Date: the page has none
    assert (note.index, note.locator, note.text) == (
        4,
        "urn:notes:1",
        "Plain notes: the dam held.\n",
    )
    assert note.hints.url == "urn:notes:1"


def test_oversized_records_are_skipped(
    tmp_path: Path, write_warc: WarcWriterFn, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_warc(tmp_path / "crawl.warc", compress=False)
    with caplog.at_level(logging.WARNING):
        documents = list(warc_documents(path, 100, 100_000))
    assert [d.locator for d in documents] == ["urn:notes:1"]
    assert "record too large" in caplog.text


@pytest.mark.parametrize(
    "data",
    [
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated",
        gzip.compress(b"x" * 1000)[:30],  # a gzip stream cut short
    ],
)
def test_a_damaged_archive_is_unusable(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    with pytest.raises(Unusable, match="WARC could not be read"):
        list(warc_documents(path, 1000, 1000))


def test_looks_like_warc() -> None:
    assert looks_like_warc(b"WARC/1.1\r\n") and looks_like_warc(b"\x1f\x8b\x08")
    assert not looks_like_warc(b"<html>")
