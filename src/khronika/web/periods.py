"""The stretch of time an ISO-prefix date covers, for filters and the timeline.

A date is only as precise as it is written: ``"1978"`` covers the whole
year, ``"1978-10"`` the month, ``"1978-10-05"`` the day and ``"197"`` the
decade. Filters compare stretches (an event overlaps the asked range), and
the timeline draws them at their true width.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from khronika.dates import Precision, precision


@dataclass(frozen=True, slots=True)
class Period:
    """Half-open ``[start, end)`` stretch of days and the precision it came from."""

    start: date
    end: date
    precision: Precision

    def overlaps(self, other: Period) -> bool:
        return self.start < other.end and other.start < self.end


def period(value: str | None) -> Period | None:
    """The stretch an ISO prefix covers; ``None`` for no date or an unreadable one.

    >>> period("1978-10")
    Period(start=datetime.date(1978, 10, 1), end=datetime.date(1978, 11, 1), precision='month')
    >>> period("197").end
    datetime.date(1980, 1, 1)
    """
    if not value:
        return None
    kind = precision(value)
    try:
        if kind == "decade":
            first = int(value) * 10
            return Period(date(first, 1, 1), date(first + 10, 1, 1), kind)
        if kind == "year":
            year = int(value)
            return Period(date(year, 1, 1), date(year + 1, 1, 1), kind)
        if kind == "month":
            year, month = int(value[:4]), int(value[5:7])
            following = date(year + month // 12, month % 12 + 1, 1)
            return Period(date(year, month, 1), following, kind)
        if kind == "day":
            day = date.fromisoformat(value)
            return Period(day, day + timedelta(days=1), kind)
    except ValueError:
        return None
    return None
