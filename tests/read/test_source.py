"""Tests for read_source: every format end to end, and every way a file is refused."""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from khronika.errors import SkippedSource
from khronika.model import make_id
from khronika.read import SourceRead, read_source
from khronika.settings import Settings

STORY = (
    "Harbour fire in Gdańsk\n\n"
    "Firefighters fought a blaze at the old grain store on Tuesday night, the city said.\n"
    "Nobody was hurt, according to the fire brigade.\n"
)
ACCENTED = "Café crème brûlée à Besançon: l'été où le garçon a déjà mangé.\n"

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="windows-1252">
<title>Incendie au port</title>
<meta name="author" content="Élise Moreau">
<meta name="date" content="2019-06-03">
</head><body><nav>Accueil | Monde | Sport</nav><article><h1>Incendie au port</h1>
<p>Un incendie s'est déclaré dans un entrepôt du port mardi soir, ont indiqué les pompiers,
qui ont envoyé douze camions sur place pour éviter que le feu ne se propage.</p>
<p>Personne n'a été blessé, selon la préfecture. L'entrepôt était vide depuis dix ans et
la police a ouvert une enquête pour déterminer l'origine du sinistre.</p>
</article><footer>Tous droits réservés</footer></body></html>
"""


def _read(path: Path, data: bytes, settings: Settings) -> tuple[SourceRead, list[str]]:
    path.write_bytes(data)
    read = read_source(path, settings)
    return read, [document.text for document in read.documents]


def _skip_reason(path: Path, settings: Settings) -> str:
    with pytest.raises(SkippedSource) as raised:
        read = read_source(path, settings)
        list(read.documents)
    assert raised.value.path == str(path)
    return raised.value.reason


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode(), "utf-8"),
        (b"\xef\xbb\xbf" + STORY.encode(), "utf-8-sig"),
        (STORY.encode("utf-16"), "utf-16"),
        (STORY.replace("\n", "\r\n").encode(), "utf-8"),
    ],
)
def test_text_is_decoded_exactly(
    tmp_path: Path, settings: Settings, data: bytes, encoding: str
) -> None:
    path = tmp_path / "story.txt"
    read, texts = _read(path, data, settings)
    expected = STORY.replace("\n", "\r\n") if b"\r\n" in data else STORY
    assert texts == [expected]  # newlines kept, mark stripped
    assert read.source.encoding == encoding
    sha = hashlib.sha256(data).hexdigest()
    assert read.source.sha256 == sha
    assert read.source.id == make_id("s", sha)
    assert (read.source.path, read.source.size, read.source.format) == (
        str(path),
        len(data),
        "txt",
    )


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_text_is_decoded_by_detection(
    tmp_path: Path, settings: Settings, codec: str
) -> None:
    read, texts = _read(tmp_path / "old.txt", ACCENTED.encode(codec), settings)
    assert texts == [ACCENTED]
    assert read.source.encoding in ("cp1252", "iso8859-15", "iso8859-1")


def test_a_document_of_plain_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "story.text"
    path.write_text(STORY, encoding="utf-8")
    [document] = read_source(path, settings).documents
    assert (document.index, document.locator, document.one_article) == (0, "", False)


def test_html_page(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(HTML_PAGE.encode("cp1252"))
    read = read_source(path, settings)
    [document] = read.documents
    assert read.source.format == "html"
    assert read.source.encoding == "cp1252"  # the meta charset, read as browsers do
    assert "Un incendie s'est déclaré" in document.text
    assert "Tous droits réservés" not in document.text
    assert document.one_article
    hints = document.hints
    assert (hints.title, hints.byline, hints.published, hints.language) == (
        "Incendie au port",
        "Élise Moreau",
        "2019-06-03",
        "fr",
    )


def test_jsonl_feed(tmp_path: Path, settings: Settings) -> None:
    lines = [
        json.dumps({"text": "one", "url": "https://a.example/1"}),
        "{oops",
        '{"text": "three"}',
    ]
    read, texts = _read(tmp_path / "feed.jsonl", "\n".join(lines).encode(), settings)
    assert texts == ["one", "three"]
    assert (read.source.format, read.source.encoding) == ("jsonl", "utf-8")


def test_a_jsonl_record_over_the_text_limit_is_skipped(tmp_path: Path) -> None:
    settings = replace(Settings(), max_text_chars=20)
    lines = [
        json.dumps({"text": "short"}),
        json.dumps({"text": "long " * 100}),
        json.dumps({"text": "x" * 21}),
        json.dumps({"text": "fine"}),
    ]
    _, texts = _read(tmp_path / "feed.jsonl", "\n".join(lines).encode(), settings)
    assert texts == ["short", "fine"]


def test_json_list(tmp_path: Path, settings: Settings) -> None:
    items = [{"text": "α", "title": "A"}, {"content": "β"}, {"title": "none"}]
    read, texts = _read(tmp_path / "feed.json", json.dumps(items).encode(), settings)
    assert texts == ["α", "β"]
    assert read.source.format == "json"


def test_invalid_json_is_skipped(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.json"
    path.write_text('[{"text": "a"},', encoding="utf-8")
    assert _skip_reason(path, settings).startswith("invalid JSON")


def test_csv_with_a_multi_line_field(tmp_path: Path, settings: Settings) -> None:
    data = 'title,text\nA,"first line\nsecond line"\nB,plain\n'.encode("utf-16")
    read, texts = _read(tmp_path / "feed.csv", data, settings)
    assert texts == ["first line\nsecond line", "plain"]
    assert (read.source.format, read.source.encoding) == ("csv", "utf-16")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc(
    tmp_path: Path, settings: Settings, write_warc: Callable[..., Path], name: str
) -> None:
    path = write_warc(tmp_path / name, compress=name.endswith(".gz"))
    read = read_source(path, settings)
    assert (read.source.format, read.source.encoding) == ("warc", None)
    assert [d.locator for d in read.documents] == ["https://example.org/flood", "urn:notes:1"]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("image.png", PNG, "binary file (not text)"),
        ("disguised.txt", PNG, "binary file (not text)"),
        ("feed.jsonl", PNG, "binary file (not text)"),
        ("zero.txt", b"", "empty file"),
        ("blank.html", b" \n\t\n", "empty file"),
        ("blank.csv", b"\n\n", "empty file"),
        ("blank16.txt", "  \n".encode("utf-16"), "empty file"),
        ("bom-only.json", b"\xef\xbb\xbf", "empty file"),
        ("zero.warc.gz", b"", "empty file"),
        ("fake.warc", b"<html>not an archive</html>", "not a WARC archive"),
        ("undetectable.txt", bytes(range(128, 256)) * 4, "cannot detect the text encoding"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no main text found"),
        (
            "nested.html",
            b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
            "",  # a clear skip, whichever the reason: never a crash
        ),
        ("utf16.jsonl", '{"text": "a"}\n'.encode("utf-16"), "not supported"),
    ],
)
def test_unusable_files_are_skipped(
    tmp_path: Path, settings: Settings, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in _skip_reason(path, settings)


def test_a_whole_file_over_the_limit_is_skipped_naming_the_limit(tmp_path: Path) -> None:
    settings = replace(Settings(), max_file_bytes=1024)
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    assert _skip_reason(path, settings) == (
        "file of 4.9 KB is larger than the 1.0 KB limit for whole-file formats"
    )


def test_a_streamed_feed_is_not_bound_by_the_whole_file_limit(tmp_path: Path) -> None:
    settings = replace(Settings(), max_file_bytes=100)
    lines = [json.dumps({"text": f"record {n}"}) for n in range(50)]
    _, texts = _read(tmp_path / "feed.jsonl", "\n".join(lines).encode(), settings)
    assert len(texts) == 50


def test_a_text_over_the_character_limit_is_skipped(tmp_path: Path) -> None:
    settings = replace(Settings(), max_text_chars=10)
    path = tmp_path / "long.txt"
    path.write_text("eleven chars", encoding="utf-8")
    assert "longer than the 10-character limit" in _skip_reason(path, settings)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "file not found"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
def test_paths_that_are_not_files(
    tmp_path: Path, settings: Settings, make: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / "thing.txt"
    make(path)
    assert _skip_reason(path, settings) == reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_unreadable_file_is_skipped(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    try:
        assert _skip_reason(path, settings) == "permission denied"
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.csv", "crawl.warc"])
def test_a_file_deleted_before_iterating_is_skipped(
    tmp_path: Path, settings: Settings, write_warc: Callable[..., Path], name: str
) -> None:
    path = tmp_path / name
    if name.endswith(".warc"):
        write_warc(path, compress=False)
    else:
        path.write_text("text\nsomething\n" if name.endswith(".csv") else '{"text": "a"}\n')
    read = read_source(path, settings)
    path.unlink()
    with pytest.raises(SkippedSource, match="file disappeared while reading"):
        list(read.documents)


def test_feeds_are_read_lazily(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "first"}\n', encoding="utf-8")
    read = read_source(path, settings)
    assert isinstance(read.documents, Iterator)
    # Written after read_source returned, yet read: reading happens while iterating.
    with path.open("a", encoding="utf-8") as stream:
        stream.write('{"text": "second"}\n')
    assert next(read.documents).text == "first"
    with path.open("a", encoding="utf-8") as stream:
        stream.write('{"text": "third"}\n')
    assert [d.text for d in read.documents] == ["second", "third"]


def test_documents_can_be_closed_early(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    read = read_source(path, settings)
    assert next(read.documents).text == "a"
    read.documents.close()
    assert list(read.documents) == []
