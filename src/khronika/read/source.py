"""Reading one source file: checks, hashing, decoding, and its documents."""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from khronika.errors import SkippedSource
from khronika.model import RawDocument, SourceFile, SourceFormat, make_id
from khronika.read.csvfile import csv_documents, guess_delimiter
from khronika.read.decode import decode_sample, decode_text
from khronika.read.detect import ascii_compatible
from khronika.read.html import declared_charset, extract_html
from khronika.read.jsonfile import json_documents, parse_json_items
from khronika.read.jsonl import jsonl_documents
from khronika.read.paths import format_of
from khronika.read.probe import EMPTY, Scan, scan_bytes, scan_file, text_problem
from khronika.read.unusable import Unusable, too_long
from khronika.read.warc import looks_like_warc, warc_documents
from khronika.settings import Settings

logger = logging.getLogger(__name__)

WHOLE_FILE_FORMATS: frozenset[SourceFormat] = frozenset({"txt", "html", "json"})
NO_ENCODING = "cannot detect the text encoding"
VANISHED = "file disappeared while reading"


@dataclass(frozen=True, slots=True)
class SourceRead:
    """A source file and its documents, read lazily while iterating.

    ``documents`` is a generator (an iterator that can be closed early with
    ``close()``, releasing its file, e.g. under :func:`contextlib.closing`).

    Iterating may raise :class:`~khronika.errors.SkippedSource` (the file
    vanished or turned out to be damaged): the caller then drops the source.
    """

    source: SourceFile
    documents: Generator[RawDocument, None, None]


def read_source(path: Path, settings: Settings) -> SourceRead:
    """Open ``path`` as a source; raises :class:`~khronika.errors.SkippedSource` if unusable.

    Text, HTML and JSON files are read and decoded whole here (bounded by
    ``settings.max_file_bytes``); JSON lines, CSV and WARC are hashed here
    and read as streams while the documents are iterated.
    """
    fmt = format_of(path)
    try:
        if not path.is_file():
            reason = "is a directory" if path.is_dir() else "not a regular file"
            raise Unusable(reason if path.exists() else "file not found")
        if fmt in WHOLE_FILE_FORMATS:
            return _read_whole(path, fmt, settings)
        return _read_stream(path, fmt, settings)
    except Unusable as error:
        raise SkippedSource(str(path), error.reason) from error
    except OSError as error:
        raise SkippedSource(str(path), _os_reason(error, vanished="file not found")) from error


def _read_whole(path: Path, fmt: SourceFormat, settings: Settings) -> SourceRead:
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise Unusable(
            f"file of {_human_size(size)} is larger than the "
            f"{_human_size(settings.max_file_bytes)} limit for whole-file formats"
        )
    data = path.read_bytes()
    scan = scan_bytes(data)
    _check_text(scan)
    decoded = decode_text(data, declared_charset(data) if fmt == "html" else None)
    if decoded is None:
        raise Unusable(NO_ENCODING)
    text, encoding = decoded
    if not text.strip():
        raise Unusable(EMPTY)
    source = _source_file(path, scan, fmt, encoding)
    if fmt == "json":
        items = parse_json_items(text)
        return SourceRead(
            source, _guarded(path, json_documents(items, path, settings.max_text_chars))
        )
    if fmt == "html":
        text, hints = extract_html(text)
        document = RawDocument(index=0, locator="", text=text, hints=hints, one_article=True)
    else:
        document = RawDocument(index=0, locator="", text=text)
    _check_length(document.text, settings.max_text_chars)
    return SourceRead(source, _guarded(path, iter([document])))


def _read_stream(path: Path, fmt: SourceFormat, settings: Settings) -> SourceRead:
    scan = scan_file(path)
    if fmt == "warc":
        if scan.size == 0:
            raise Unusable(EMPTY)
        if not looks_like_warc(scan.head):
            raise Unusable("not a WARC archive")
        source = _source_file(path, scan, fmt, None)
        documents = warc_documents(path, settings.max_file_bytes, settings.max_text_chars)
        return SourceRead(source, _guarded(path, documents))
    _check_text(scan)
    decoded = decode_sample(scan.head, complete=scan.complete)
    if decoded is None:
        raise Unusable(NO_ENCODING)
    sample, codec = decoded
    if scan.complete and not sample.strip():
        raise Unusable(EMPTY)
    source = _source_file(path, scan, fmt, codec)
    if fmt == "csv":
        delimiter = guess_delimiter(sample)
        documents = csv_documents(path, codec, delimiter, settings.max_text_chars)
    elif ascii_compatible(codec):
        documents = jsonl_documents(path, codec, settings.max_text_chars)
    else:
        raise Unusable(f"JSON lines in {codec} are not supported (convert the file to UTF-8)")
    return SourceRead(source, _guarded(path, documents))


def _guarded(path: Path, documents: Iterator[RawDocument]) -> Generator[RawDocument, None, None]:
    """``documents``, with failures while reading turned into :class:`SkippedSource`."""
    try:
        yield from documents
    except Unusable as error:
        raise SkippedSource(str(path), error.reason) from error
    except OSError as error:
        raise SkippedSource(str(path), _os_reason(error, vanished=VANISHED)) from error


def _check_text(scan: Scan) -> None:
    problem = text_problem(scan)
    if problem is not None:
        raise Unusable(problem)


def _check_length(text: str, limit: int) -> None:
    if len(text) > limit:
        raise too_long(len(text), limit)


def _source_file(path: Path, scan: Scan, fmt: SourceFormat, encoding: str | None) -> SourceFile:
    return SourceFile(
        id=make_id("s", scan.sha256),
        path=str(path),
        sha256=scan.sha256,
        size=scan.size,
        format=fmt,
        encoding=encoding,
    )


def _os_reason(error: OSError, *, vanished: str) -> str:
    if isinstance(error, FileNotFoundError):
        return vanished
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"read error: {error.strerror or error}"


def _human_size(size: int) -> str:
    """A byte count for people.

    >>> _human_size(412 * 1024 * 1024), _human_size(2048), _human_size(100)
    ('412.0 MB', '2.0 KB', '100 bytes')
    """
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
