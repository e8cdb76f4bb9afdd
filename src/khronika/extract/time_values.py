"""Calendar periods and their TIMEX3 values.

A :class:`Point` is a calendar period: the first day of it and its grain
(``day``, ``week``, ``month``, ``quarter``, ``season``, ``year``, ...). It
renders as a TIMEX3 value at its precision (``2020-09-10``, ``2020-W37``,
``2020-09``, ``2020-Q3``, ``2020-SU``, ``2020``, ``202`` for a decade,
``20`` for a century) and shifts by calendar units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Grain = Literal[
    "day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century"
]

#: Grains from finest to coarsest.
GRAINS: tuple[Grain, ...] = (
    "day",
    "weekend",
    "week",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "decade",
    "century",
)

#: The grain a calendar unit code of the lexicon counts in.
UNIT_GRAIN: dict[str, Grain] = {
    "S": "day",
    "MIN": "day",
    "H": "day",
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}

#: Months a unit spans (0 for units counted in days).
UNIT_MONTHS: dict[str, int] = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}

#: Days a unit spans (for units counted in days).
UNIT_DAYS: dict[str, int] = {"D": 1, "W": 7}

SEASON_MONTH = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}
_MONTH_SEASON = {month: code for code, month in SEASON_MONTH.items()}
_DCT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def coarser(a: Grain, b: Grain) -> Grain:
    """The coarser of two grains.

    >>> coarser("day", "year"), coarser("quarter", "month")
    ('year', 'quarter')
    """
    return a if GRAINS.index(a) >= GRAINS.index(b) else b


def finer_than(a: Grain, b: Grain) -> bool:
    """Whether grain ``a`` is finer than grain ``b``."""
    return GRAINS.index(a) < GRAINS.index(b)


def floor(day: date, grain: Grain) -> date:
    """The first day of the period of ``grain`` that contains ``day``.

    >>> floor(date(2020, 12, 5), "season"), floor(date(2020, 9, 10), "week")
    (datetime.date(2021, 1, 1), datetime.date(2020, 9, 7))
    """
    if grain == "day":
        return day
    if grain in ("week", "weekend"):
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if grain == "half":
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    if grain == "season":
        if day.month == 12:
            return date(day.year + 1, 1, 1)
        start = max(m for m in SEASON_MONTH.values() if m <= day.month)
        return date(day.year, start, 1)
    if grain == "year":
        return date(day.year, 1, 1)
    if grain == "decade":
        return date(day.year // 10 * 10, 1, 1)
    return date(day.year // 100 * 100, 1, 1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by a number of months (the day clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError(f"year {year} out of range")
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` calendar units (lexicon unit codes)."""
    if unit in UNIT_MONTHS:
        return add_months(day, amount * UNIT_MONTHS[unit])
    return day + timedelta(days=amount * UNIT_DAYS.get(unit, 1))


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar period: its first day and its grain."""

    start: date
    grain: Grain

    @classmethod
    def of(cls, day: date, grain: Grain) -> Point:
        """The period of ``grain`` containing ``day``."""
        return cls(floor(day, grain), grain)

    def at(self, grain: Grain) -> Point:
        """This period seen at another grain (coarser grains only make sense)."""
        return Point.of(self.start, grain)

    def shift(self, amount: int, unit: str) -> Point | None:
        """Moved by ``amount`` units, keeping the grain (``None`` off the calendar).

        A unit finer than the grain cannot be placed and leaves the period
        as it is ("a week earlier" than August is still August).

        >>> Point.of(date(1989, 7, 1), "quarter").shift(-1, "Y")
        Point(start=datetime.date(1988, 7, 1), grain='quarter')
        """
        if finer_than(UNIT_GRAIN[unit], self.grain) and self.grain != "weekend":
            return self
        try:
            return Point.of(add(self.start, amount, unit), self.grain)
        except (OverflowError, ValueError):
            return None

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.grain == "day":
            return self.start
        if self.grain in ("week", "weekend"):
            return self.start + timedelta(days=6)
        months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120}
        return add_months(self.start, months.get(self.grain, 1200)) - timedelta(days=1)

    def distance(self, day: date) -> int:
        """Days from ``day`` to the period (0 inside it)."""
        if day < self.start:
            return (self.start - day).days
        return max(0, (day - self.end).days)

    @property
    def value(self) -> str:
        """The TIMEX3 value at this period's precision."""
        day, grain = self.start, self.grain
        if grain == "day":
            return day.isoformat()
        if grain in ("week", "weekend"):
            year, week, _ = day.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if grain == "weekend" else "")
        if grain == "month":
            return f"{day.year:04d}-{day.month:02d}"
        if grain == "quarter":
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if grain == "half":
            return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
        if grain == "season":
            return f"{day.year:04d}-{_MONTH_SEASON[day.month]}"
        if grain == "year":
            return f"{day.year:04d}"
        if grain == "decade":
            return f"{day.year:04d}"[:3]
        return f"{day.year:04d}"[:2]


def parse_dct(published: str | None) -> Point | None:
    """The document creation time as a period (``"2020-09"`` → that month).

    >>> parse_dct("2020-09-10").value, parse_dct("1998").value, parse_dct(None)
    ('2020-09-10', '1998', None)
    """
    match = _DCT.match(published or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if year is None or not 1000 <= year <= 2999:
        return None
    try:
        if month is None:
            return Point(date(year, 1, 1), "year")
        if day is None:
            return Point(date(year, month, 1), "month")
        return Point(date(year, month, day), "day")
    except ValueError:
        return None


def make_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or ``None`` when there is no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
