"""Tests for turning feed records into documents."""

from __future__ import annotations

import pytest

from khronika.model import DocumentHints
from khronika.read.records import record_document
from khronika.read.unusable import Unusable


def test_fields_become_text_and_hints() -> None:
    record = {
        "Title": " Fire ",
        "published": "2020-05-06T08:00:00+02:00",
        "byline": "Ann Lee",
        "url": "https://example.org/a",
        "language": "en-US",
        "text": "  Body as given\n",
    }
    document = record_document(record, index=4, locator="line 5", max_text_chars=100)
    assert document.text == "  Body as given\n"
    assert (document.index, document.locator, document.one_article) == (4, "line 5", True)
    assert document.hints == DocumentHints(
        title="Fire",
        published="2020-05-06",
        byline="Ann Lee",
        url="https://example.org/a",
        language="en",
    )


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ({"text": "", "body": "from body"}, "from body"),
        ({"text": 3, "content": "from content"}, "from content"),
        ({"body": " ", "content": "c"}, "c"),
    ],
)
def test_text_fallbacks(record: dict[str, object], text: str) -> None:
    assert record_document(record, index=0, locator="", max_text_chars=100).text == text


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "not a JSON object"),
        ({"title": "only a title"}, "no text"),
        ({"text": "x" * 11}, "longer than the 10-character limit"),
    ],
)
def test_unusable_records(record: object, reason: str) -> None:
    with pytest.raises(Unusable, match=reason):
        record_document(record, index=0, locator="", max_text_chars=10)
