"""WARC archives (plain or gzipped), streamed record by record with warcio."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from warcio.archiveiterator import ArchiveIterator

from khronika.model import DocumentHints, RawDocument
from khronika.read.decode import decode_text
from khronika.read.hints import iso_date
from khronika.read.html import declared_charset, extract_html
from khronika.read.unusable import Unusable, too_long

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
RECORD_TYPES = frozenset({"response", "resource"})
GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"

_T = TypeVar("_T")
_REASON_CHARS = 200


def looks_like_warc(head: bytes) -> bool:
    """Whether a file starts like a WARC archive (or a gzip stream, checked later)."""
    return head.startswith((GZIP_MAGIC, WARC_MAGIC))


def warc_documents(path: Path, max_record_bytes: int, max_text_chars: int) -> Iterator[RawDocument]:
    """One document per HTML or plain-text response/resource record.

    The index counts every record in the file; the locator is the target URI.
    Records of other kinds, failed HTTP responses and unusable pages are
    passed over; a damaged archive ends with :class:`Unusable`.
    """
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        index = 0
        while (record := _damage_checked(next, records, None)) is not None:
            document = _record_document(path, record, index, max_record_bytes, max_text_chars)
            if document is not None:
                yield document
            index += 1


def _damage_checked(call: Callable[..., _T], *args: Any) -> _T:
    """``call(*args)``, with warcio's many ways of failing on damage made :class:`Unusable`."""
    try:
        return call(*args)
    except OSError:
        raise
    except Exception as error:
        # ArchiveLoadFailed, zlib.error and EOFError on damaged data; on
        # truncated headers even AttributeError or ValueError from inside warcio.
        reason = f"WARC could not be read: {type(error).__name__}: {error}"
        raise Unusable(reason[:_REASON_CHARS]) from error


def _record_document(
    path: Path, record: Any, index: int, max_record_bytes: int, max_text_chars: int
) -> RawDocument | None:
    media, charset = _content_type(record)
    if media not in HTML_TYPES and media not in TEXT_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    payload = _damage_checked(_read_payload, record, max_record_bytes + 1)
    try:
        if len(payload) > max_record_bytes:
            raise Unusable("record too large")
        text, hints = _payload_text(payload, media, charset, uri, record)
        if len(text) > max_text_chars:
            raise too_long(len(text), max_text_chars)
    except Unusable as error:
        logger.warning("%s: record %d (%s): %s, skipped", path, index, uri, error.reason)
        return None
    return RawDocument(index=index, locator=uri, text=text, hints=hints, one_article=True)


def _read_payload(record: Any, limit: int) -> bytes:
    payload: bytes = record.content_stream().read(limit)
    return payload


def _content_type(record: Any) -> tuple[str | None, str | None]:
    """The media type and charset of a usable record, or ``(None, None)``."""
    if record.rec_type not in RECORD_TYPES:
        return None, None
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not str(headers.get_statuscode()).startswith("2"):
            return None, None
    else:
        headers = record.rec_headers
    value = headers.get_header("Content-Type") or ""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, given = param.partition("=")
        if name.strip().lower() == "charset":
            charset = given.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def _payload_text(
    payload: bytes, media: str | None, charset: str | None, uri: str, record: Any
) -> tuple[str, DocumentHints]:
    is_html = media in HTML_TYPES
    declared = charset or (declared_charset(payload) if is_html else None)
    decoded = decode_text(payload, declared)
    if decoded is None:
        raise Unusable("cannot detect the text encoding")
    text = decoded[0]
    if not text.strip():
        raise Unusable("empty record")
    hints = DocumentHints(url=uri or None)
    if is_html:
        crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
        text, hints = extract_html(text, url=uri or None, fallback_date=crawled)
    return text, hints
