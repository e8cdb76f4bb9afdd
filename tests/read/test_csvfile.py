"""Tests for streamed CSV files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from khronika.read.csvfile import csv_documents, guess_delimiter
from khronika.read.unusable import Unusable


def test_rows_with_quoted_multi_line_fields(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(
        b"Title,Date,Text\r\n"
        b'First,2021-05-06,"Line one,\r\nline two\nand ""three"""\r\n'
        b"Second,,\r\n"
        b"Third,May 2021,plain\r\n"
    )
    with caplog.at_level(logging.WARNING):
        documents = list(csv_documents(path, "utf-8", ",", 100))
    assert [(d.index, d.locator) for d in documents] == [(0, "row 1"), (2, "row 3")]
    assert documents[0].text == 'Line one,\r\nline two\nand "three"'
    assert documents[0].hints.title == "First"
    assert documents[0].hints.published == "2021-05-06"
    assert documents[1].hints.published == "2021-05"
    assert "row 2: no text" in caplog.text


def test_semicolons_and_a_legacy_codec(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes("Title;Text\nÉté;Déjà vu à Besançon\n".encode("cp1252"))
    [document] = csv_documents(path, "cp1252", ";", 100)
    assert (document.hints.title, document.text) == ("Été", "Déjà vu à Besançon")


def test_bytes_the_codec_cannot_decode_end_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(b"text\nfine\n\xff\xfe\xfd\n")
    with pytest.raises(Unusable, match="cannot decode"):
        list(csv_documents(path, "utf-8", ",", 100))


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [("a,b\n1,2", ","), ("a;b;c\n", ";"), ("a\tb\n", "\t"), ("a|b", "|"), ("text", ",")],
)
def test_guess_delimiter(sample: str, delimiter: str) -> None:
    assert guess_delimiter(sample) == delimiter
