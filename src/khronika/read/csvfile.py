"""CSV files, streamed row by row with the codec found in their first bytes."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from pathlib import Path

from khronika.model import RawDocument
from khronika.read.records import record_document
from khronika.read.unusable import Unusable

logger = logging.getLogger(__name__)

DELIMITERS = (",", ";", "\t", "|")
FIELD_CHARS_PER_TEXT_CHAR = 4


def guess_delimiter(sample: str) -> str:
    """The delimiter used most in the header line (comma when none is).

    >>> guess_delimiter("title;text\\nA;B\\n"), guess_delimiter("text\\n")
    (';', ',')
    """
    header = sample.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def csv_documents(
    path: Path, codec: str, delimiter: str, max_text_chars: int
) -> Iterator[RawDocument]:
    """One document per usable row, ``row N`` (1-based after the header).

    Rows without text are logged and skipped. A decoding or parsing error
    ends the file with :class:`Unusable`.
    """
    _raise_field_size_limit(max_text_chars * FIELD_CHARS_PER_TEXT_CHAR)
    number = 0
    try:
        with path.open("r", encoding=codec, newline="") as stream:
            for number, row in enumerate(csv.DictReader(stream, delimiter=delimiter), start=1):
                document = _row_document(path, row, number, max_text_chars)
                if document is not None:
                    yield document
    except UnicodeDecodeError as error:
        raise Unusable(f"cannot decode the text after row {number} as {codec}") from error
    except csv.Error as error:
        raise Unusable(f"CSV could not be parsed after row {number}: {error}") from error


def _row_document(
    path: Path, row: dict[str | None, object], number: int, max_text_chars: int
) -> RawDocument | None:
    locator = f"row {number}"
    try:
        return record_document(
            row, index=number - 1, locator=locator, max_text_chars=max_text_chars, path=path
        )
    except Unusable as error:
        logger.warning("%s: %s: %s, skipped", path, locator, error.reason)
        return None


def _raise_field_size_limit(limit: int) -> None:
    """Let fields be as long as a record's text may be (the limit is process-wide)."""
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)
