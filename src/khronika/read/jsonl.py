"""JSON lines, streamed: one record per line, in bounded memory."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from khronika.model import RawDocument
from khronika.read.records import record_document
from khronika.read.unusable import Unusable

logger = logging.getLogger(__name__)

_SKIP_CHUNK = 1024 * 1024
LINE_BYTES_PER_CHAR = 4


def jsonl_documents(path: Path, codec: str, max_text_chars: int) -> Iterator[RawDocument]:
    """One document per usable line, ``line N`` (1-based, index N-1).

    ``codec`` must write ASCII as ASCII. Lines longer than
    ``max_text_chars * 4`` bytes are passed over without being held in memory;
    bad lines are logged and skipped.
    """
    limit = max_text_chars * LINE_BYTES_PER_CHAR
    with path.open("rb") as stream:
        for number, line in _lines(stream, limit):
            locator = f"line {number}"
            try:
                document = _line_document(path, line, number, codec, max_text_chars)
            except Unusable as error:
                logger.warning("%s: %s: %s, skipped", path, locator, error.reason)
                continue
            if document is not None:
                yield document


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``limit`` bytes; ``None`` stands for a longer one."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _line_document(
    path: Path, line: bytes | None, number: int, codec: str, max_text_chars: int
) -> RawDocument | None:
    if line is None:
        raise Unusable("record too large")
    try:
        text = line.decode(codec)
    except UnicodeDecodeError as error:
        raise Unusable(f"not valid {codec} text") from error
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unusable(f"invalid JSON ({error.msg})") from error
    except (ValueError, RecursionError) as error:
        raise Unusable(f"invalid JSON ({error})") from error
    return record_document(
        record,
        index=number - 1,
        locator=f"line {number}",
        max_text_chars=max_text_chars,
        path=path,
    )
