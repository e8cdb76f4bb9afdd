"""One feed record (a JSON object, a CSV row) made into a document."""

from __future__ import annotations

from collections.abc import Mapping

from khronika.model import DocumentHints, RawDocument
from khronika.read.hints import clean_string, iso_date, language_code
from khronika.read.unusable import Unusable, too_long

TEXT_FIELDS = ("text", "body", "content")


def record_document(
    record: object, *, index: int, locator: str, max_text_chars: int
) -> RawDocument:
    """The document a record holds; raises :class:`Unusable` saying why not.

    The text comes from ``text``, else ``body``, else ``content`` (field
    names are matched without regard to case); it is kept exactly as given.
    """
    if not isinstance(record, Mapping):
        raise Unusable("not a JSON object")
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
