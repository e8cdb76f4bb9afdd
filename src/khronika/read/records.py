"""One feed record (a JSON object, a CSV row) made into a document."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path

from khronika.model import DocumentHints, RawDocument
from khronika.read.hints import clean_string, iso_date, language_code
from khronika.read.paths import path_text
from khronika.read.unusable import Unusable, too_long

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("text", "body", "content")
REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(value: object) -> tuple[object, int]:
    """``value`` with every lone surrogate in its strings made U+FFFD, and how many.

    JSON's ``\\ud800`` escapes decode to lone surrogates, which no UTF-8
    writer (SQLite among them) accepts. Lists and mappings are walked.

    >>> replace_surrogates({"t": ["a\\ud800b"]})
    ({'t': ['a\ufffdb']}, 1)
    """
    if isinstance(value, str):
        return _SURROGATE.subn(REPLACEMENT, value)
    if isinstance(value, list):
        items = [replace_surrogates(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(value, Mapping):
        total = 0
        fields: dict[object, object] = {}
        for key, item in value.items():
            new_key, key_count = replace_surrogates(key)
            new_item, item_count = replace_surrogates(item)
            fields[new_key] = new_item
            total += key_count + item_count
        return fields, total
    return value, 0


def record_document(
    record: object,
    *,
    index: int,
    locator: str,
    max_text_chars: int,
    path: Path | None = None,
) -> RawDocument:
    """The document a record holds; raises :class:`Unusable` saying why not.

    The text comes from ``text``, else ``body``, else ``content`` (field
    names are matched without regard to case); it is kept exactly as given,
    except that lone surrogates become U+FFFD (logged with ``path`` and
    ``locator``).
    """
    if not isinstance(record, Mapping):
        raise Unusable("not a JSON object")
    record, replaced = replace_surrogates(record)
    assert isinstance(record, Mapping)
    if replaced:
        logger.warning(
            "%s: %s: %d lone surrogate(s) replaced by U+FFFD",
            path_text(path) if path is not None else "<record>",
            locator,
            replaced,
        )
    fields = {str(key).strip().lower(): value for key, value in record.items() if key is not None}
    text = _text(fields)
    if len(text) > max_text_chars:
        raise too_long(len(text), max_text_chars)
    return RawDocument(
        index=index, locator=locator, text=text, hints=_hints(fields), one_article=True
    )


def _text(fields: Mapping[str, object]) -> str:
    for name in TEXT_FIELDS:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value
    raise Unusable('no text (fields "text", "body" and "content" are missing or empty)')


def _first(fields: Mapping[str, object], *names: str) -> str | None:
    for name in names:
        value = clean_string(fields.get(name))
        if value:
            return value
    return None


def _hints(fields: Mapping[str, object]) -> DocumentHints:
    return DocumentHints(
        title=_first(fields, "title"),
        published=iso_date(_first(fields, "date", "published")),
        byline=_first(fields, "author", "byline"),
        url=_first(fields, "url"),
        language=language_code(_first(fields, "language")),
    )
