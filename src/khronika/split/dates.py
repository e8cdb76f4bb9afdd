"""Reading publication dates as printed into ISO prefixes.

A date keeps the precision it was printed with: "10 September 2020" is
``"2020-09-10"``, "September 2020" is ``"2020-09"``. Numeric dates whose
day and month cannot be told apart ("03/05/2025") keep only the year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MIN_YEAR = 1800
MAX_YEAR = 2199

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2025-05-03, 2025/05/03, 2025-05-03T10:00:00Z
    re.compile(r"\b(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)"),
    # 3 May 2025, 3rd of May, 2025, 10 Sept. 2020
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    # May 3, 2025, Sept. 3 2025
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # 03/05/2025, 3.5.2025
    re.compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>\d{4})\b"),
    # September 2020
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a string: its ISO prefix and its span in the string."""

    value: str
    start: int
    end: int


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _value(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            return _iso(year, b, a)
        if b > 12 >= a:
            return _iso(year, a, b)
        if a == b:
            return _iso(year, a, b)
        return _iso(year, None, None) if a <= 12 and b <= 12 else None
    if groups.get("mnum") is not None:
        month: int | None = int(groups["mnum"])
    else:
        month = MONTHS[groups["month"].casefold()]
    day = int(groups["day"]) if groups.get("day") is not None else None
    return _iso(year, month, day)


def find_dates(text: str) -> list[DateMatch]:
    """Every calendar date in ``text``, in order, without overlaps.

    >>> [d.value for d in find_dates("Published 3 May 2025, updated May 4, 2025")]
    ['2025-05-03', '2025-05-04']
    >>> [d.value for d in find_dates("September 2020")]
    ['2020-09']
    """
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            value = _value(m)
            if value is not None:
                found.append(DateMatch(value, m.start(), m.end()))
    found.sort(key=lambda d: (d.start, d.start - d.end))
    chosen: list[DateMatch] = []
    for d in found:
        if not chosen or d.start >= chosen[-1].end:
            chosen.append(d)
    return chosen


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as an ISO prefix, or ``None``.

    >>> parse_date("May 3, 2025")
    '2025-05-03'
    >>> parse_date("2025-05-03T10:00:00Z")
    '2025-05-03'
    >>> parse_date("no date here") is None
    True
    """
    dates = find_dates(text)
    return dates[0].value if dates else None


_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def normalise_date(text: str | None) -> str | None:
    """A date given as metadata (ISO timestamp or printed) as an ISO prefix.

    >>> normalise_date("2025-05-03T08:00:00+00:00")
    '2025-05-03'
    >>> normalise_date("Sat, 3 May 2025 08:00:00 GMT")
    '2025-05-03'
    """
    if not text:
        return None
    s = text.strip()
    m = _ISO_PREFIX.match(s)
    if m is not None and (len(s) == m.end() or not s[m.end()].isdigit()):
        return m.group(0)
    return parse_date(s)
