"""JSON files read whole: a list of records, one record, or a wrapped list."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from khronika.model import RawDocument
from khronika.read.records import record_document
from khronika.read.unusable import Unusable

logger = logging.getLogger(__name__)

CONTAINER_KEYS = ("articles", "items", "records")


def parse_json_items(text: str) -> list[object]:
    """The records a JSON text holds; raises :class:`Unusable` if it is not JSON.

    >>> parse_json_items('{"items": [{"text": "a"}, {"text": "b"}]}')
    [{'text': 'a'}, {'text': 'b'}]
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unusable(f"invalid JSON: {error.msg} at line {error.lineno}") from error
    except (ValueError, RecursionError) as error:
        raise Unusable(f"invalid JSON: {error}") from error
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in CONTAINER_KEYS:
            items = data.get(key)
            if isinstance(items, list):
                return items
        return [data]
    raise Unusable("JSON holds neither an object nor a list of objects")


def json_documents(items: list[object], path: Path, max_text_chars: int) -> Iterator[RawDocument]:
    """One document per usable record, ``item N`` (1-based); others are logged and skipped."""
    for number, item in enumerate(items, start=1):
        locator = f"item {number}"
        try:
            yield record_document(
                item,
                index=number - 1,
                locator=locator,
                max_text_chars=max_text_chars,
                path=path,
            )
        except Unusable as error:
            logger.warning("%s: %s: %s, skipped", path, locator, error.reason)
