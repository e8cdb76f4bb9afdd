"""Tests for JSON files read whole."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from khronika.read.jsonfile import json_documents, parse_json_items
from khronika.read.unusable import Unusable


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ('[{"text": "a"}, {"text": "b"}]', 2),
        ('{"text": "a"}', 1),
        ('{"articles": [{"text": "a"}]}', 1),
        ('{"items": [{"text": "a"}, {"text": "b"}]}', 2),
        ('{"records": []}', 0),
    ],
)
def test_shapes(text: str, count: int) -> None:
    assert len(parse_json_items(text)) == count


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "invalid JSON"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON"),
        ('"just a string"', "neither an object nor a list"),
    ],
)
def test_unusable_json(text: str, reason: str) -> None:
    with pytest.raises(Unusable, match=reason):
        parse_json_items(text)


def test_items_become_documents_and_bad_items_are_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    items: list[object] = [{"text": "one", "title": "T"}, "stray", {"body": "three"}]
    with caplog.at_level(logging.WARNING):
        documents = list(json_documents(items, Path("feed.json"), 100))
    assert [(d.index, d.locator, d.text) for d in documents] == [
        (0, "item 1", "one"),
        (2, "item 3", "three"),
    ]
    assert "feed.json: item 2: not a JSON object, skipped" in caplog.text
