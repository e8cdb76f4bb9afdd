"""Loose metadata (feed fields, meta tags, headers) made into clean hint values."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?![\d/-])")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_WRITTEN_DATES = (  # English month names; precision is what the format holds
    ("%B %d, %Y", 10),
    ("%b %d, %Y", 10),
    ("%d %B %Y", 10),
    ("%d %b %Y", 10),
    ("%B %Y", 7),
    ("%b %Y", 7),
)


def clean_string(value: object) -> str | None:
    """A hint string with whitespace collapsed; lists of strings are joined.

    >>> clean_string("  Jane\\n Doe "), clean_string(["A", "B"]), clean_string(3)
    ('Jane Doe', 'A; B', None)
    """
    if isinstance(value, list):
        parts = [part for part in (clean_string(item) for item in value) if part]
        return "; ".join(parts) or None
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def iso_date(value: str | None) -> str | None:
    """An ISO date prefix as long as what ``value`` says: year, month or day.

    >>> iso_date("2021-03-04T10:00:00Z"), iso_date("1978-09"), iso_date("7 September 1978")
    ('2021-03-04', '1978-09', '1978-09-07')
    >>> iso_date("Thu, 04 Mar 2021 10:00:00 GMT"), iso_date("soon")
    ('2021-03-04', None)
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        return _iso_prefix(*match.groups())
    return _rfc2822_date(text) or _written_date(text)


def _iso_prefix(year: str, month: str | None, day: str | None) -> str | None:
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if month is None:
        return year
    if day is None:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _rfc2822_date(text: str) -> str | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat()


def _written_date(text: str) -> str | None:
    for pattern, precision in _WRITTEN_DATES:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return parsed.date().isoformat()[:precision]
    return None


def language_code(value: str | None) -> str | None:
    """The primary language subtag of a tag like ``en-GB``, lower case.

    >>> language_code("en-GB"), language_code("English")
    ('en', None)
    """
    if value is None:
        return None
    match = _LANGUAGE.fullmatch(value.strip())
    return match.group(1).lower() if match else None
