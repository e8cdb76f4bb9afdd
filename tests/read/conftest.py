"""Fixtures for the reader tests: settings and a WARC writer."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khronika.settings import Settings


@pytest.fixture
def settings() -> Settings:
    """Default settings (the database path is never used by the readers)."""
    return Settings()


PAGE = (
    "<html><head><title>Flood in the valley</title></head><body><article>"
    "<h1>Flood in the valley</h1>"
    "<p>The river burst its banks on Sunday and flooded forty houses in the valley, "
    "the regional government said. Residents were taken to the school gym.</p>"
    "<p>Rescue teams worked through the night to reach villages cut off by the water, "
    "and the army sent two helicopters to help with the evacuation.</p>"
    "</article></body></html>"
)


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2022-08-15T12:30:00Z"},
    )
    writer.write_record(record)


def _write_warc(path: Path, *, compress: bool) -> Path:
    """A small archive: warcinfo, an HTML page, an image, a 404 and a text resource."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        _response(
            writer, "https://example.org/flood", PAGE.encode(), "text/html; charset=utf-8", "200 OK"
        )
        _response(writer, "https://example.org/logo.png", b"\x89PNG\r\n", "image/png", "200 OK")
        _response(
            writer,
            "https://example.org/gone",
            b"<html>Not found</html>",
            "text/html",
            "404 Not Found",
        )
        note = "Plain notes: the dam held.\n".encode("cp1252")
        resource = writer.create_warc_record(
            "urn:notes:1", "resource", payload=BytesIO(note), warc_content_type="text/plain"
        )
        writer.write_record(resource)
    return path


@pytest.fixture
def write_warc() -> Callable[..., Path]:
    """``write_warc(path, compress=bool)`` writes the small test archive."""
    return _write_warc
