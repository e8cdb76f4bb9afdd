"""What a time expression says (a spec) and its value in context.

The rules turn text into specs; :func:`resolve` turns a spec into a TIMEX3
value given the document creation time (DCT), the most recent date of the
text before the expression (the anchor of chained references like "two days
later"), and the tense of the clause it sits in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from khronika.extract.time_values import (
    UNIT_GRAIN,
    Grain,
    Point,
    coarser,
    make_date,
    nth_weekday,
)

Kind = Literal["date", "duration", "set", "vague"]
#: The tense of a clause; "open" for modals and infinitives ("could come
#: as early as Tuesday"); ``None`` when no verb governs the expression.
Tense = Literal["past", "present", "future", "open"] | None

_SEASON_CODE = {1: "WI", 3: "SP", 6: "SU", 9: "FA"}


@dataclass(frozen=True, slots=True)
class Calendar:
    """A named calendar period: a date, month, season, quarter, year, decade.

    ``year`` is ``None`` when the text leaves it out ("October 7"); ``rel``
    is -1, 0 or +1 for "last", "this", "next" August, else ``None``;
    ``year_shift`` counts years from the DCT's ("July last year": -1);
    ``rule`` names a movable holiday whose day is computed from the year;
    ``weekday`` is the ISO weekday the text gives with a date ("Monday,
    Oct. 26"), which picks the year.
    """

    grain: Grain
    year: int | None
    month: int = 1
    day: int = 1
    rel: int | None = None
    year_shift: int | None = None
    rule: str | None = None
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class Relative:
    """A period counted from the DCT ("yesterday", "last week", "two years ago").

    With ``period`` set, the expression compares periods ("a year ago" after
    "the third quarter") and counts from the anchor when that is a quarter.
    """

    unit: str
    amount: int
    grain: Grain
    period: bool = False


@dataclass(frozen=True, slots=True)
class Weekday:
    """A day of the week (ISO number); ``rel`` as in :class:`Calendar`.

    ``anchored`` days ("the following Monday") count from the anchor;
    with ``weekend`` the value is the weekend of the day found.
    """

    day: int
    rel: int | None = None
    anchored: bool = False
    weekend: bool = False


@dataclass(frozen=True, slots=True)
class Anchored:
    """A period counted from the anchor ("the next day", "a year earlier").

    ``grain`` ``None`` keeps the anchor's precision; a grain is a floor
    ("the next day" after "1993" is still "1993").
    """

    unit: str
    amount: int
    grain: Grain | None


@dataclass(frozen=True, slots=True)
class Latest:
    """The period under discussion ("the quarter"): the anchor when it is
    one, else the last complete one before the DCT. With ``year`` ("the
    1988 quarter"), the same period of that year (that year if none)."""

    grain: Grain
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Fixed:
    """A value the text gives alone: a duration, a set, a vague reference."""

    value: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class Tensed:
    """A vague reference whose direction is the clause's ("years later")."""


@dataclass(frozen=True, slots=True)
class Clock:
    """A clock time: dated by the nearest day-precision date of its sentence."""


Spec = Calendar | Relative | Weekday | Anchored | Latest | Fixed | Tensed | Clock


@dataclass(frozen=True, slots=True)
class Context:
    """What a value is resolved against."""

    dct: Point | None
    anchor: Point | None = None
    tense: Tense = None
    same_sentence: Point | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A value, its kind, and the period it names (for anchoring)."""

    value: str | None
    kind: Kind
    point: Point | None = None


def resolve(spec: Spec, ctx: Context) -> Resolved:
    """The value of a spec in its context."""
    if isinstance(spec, Fixed):
        return Resolved(spec.value, spec.kind)
    if isinstance(spec, Tensed):
        return Resolved("FUTURE_REF" if ctx.tense == "future" else "PAST_REF", "vague")
    if isinstance(spec, Calendar):
        return _dated(_calendar(spec, ctx), _unknown_year(spec))
    if isinstance(spec, Relative):
        return _dated(_relative(spec, ctx), None)
    if isinstance(spec, Weekday):
        return _dated(_weekday(spec, ctx), f"XXXX-WXX-{spec.day}")
    if isinstance(spec, Anchored):
        return _dated(_anchored(spec, ctx), None)
    if isinstance(spec, Latest):
        return _dated(_latest(spec, ctx), None)
    point = ctx.same_sentence
    return _dated(point if point is not None and point.grain == "day" else None, None)


def _dated(point: Point | None, fallback: str | None) -> Resolved:
    if point is None:
        return Resolved(fallback, "date")
    return Resolved(point.value, "date", point)


def _unknown_year(spec: Calendar) -> str | None:
    """The under-specified value of a period whose year is not known."""
    if spec.rule is not None or spec.grain in ("decade", "century", "year"):
        return None
    if spec.grain == "day":
        return f"XXXX-{spec.month:02d}-{spec.day:02d}"
    if spec.grain == "month":
        return f"XXXX-{spec.month:02d}"
    if spec.grain == "season":
        return f"XXXX-{_SEASON_CODE[spec.month]}"
    if spec.grain == "quarter":
        return f"XXXX-Q{(spec.month - 1) // 3 + 1}"
    return None


def _place(spec: Calendar, year: int) -> Point | None:
    """The period of ``spec`` in ``year``."""
    if spec.rule is not None:
        return Point(_holiday(spec.rule, year), "day")
    day = make_date(year, spec.month, spec.day)
    return None if day is None else Point.of(day, spec.grain)


def _holiday(rule: str, year: int) -> date:
    if rule == "thanksgiving":
        return nth_weekday(year, 11, 4, 4)
    if rule == "labor":
        return nth_weekday(year, 9, 1, 1)
    return nth_weekday(year, 5, 1, -1)


#: How far after the DCT a date of a past-tense clause may fall (deadlines
#: set, offers extended): days for a day, none for longer periods.
PAST_SLACK = 45
#: News tells of the past more than of the future: with no tense to go by,
#: a date this much closer after the DCT than before it is still the past one.
FUTURE_WEIGHT = 1.5


def _calendar(spec: Calendar, ctx: Context) -> Point | None:
    if spec.year is not None:
        return _place(spec, spec.year)
    dct = ctx.dct
    if dct is None:
        return None
    here = dct.start.year
    if spec.year_shift is not None:
        return _place(spec, here + spec.year_shift)
    if spec.rel == 0 or dct.grain == "year":
        return _place(spec, here)
    options = [p for y in (here - 1, here, here + 1) if (p := _place(spec, y)) is not None]
    if spec.weekday is not None:
        options = [p for p in options if p.start.isoweekday() == spec.weekday] or options
    if not options:
        return None
    current = Point.of(dct.start, spec.grain).start
    if spec.rel == -1:
        return next((p for p in reversed(options) if p.start < current), None)
    if spec.rel == 1:
        return next((p for p in options if p.start > current), None)
    return _by_tense(options, dct.start, ctx.tense, spec.grain)


def _by_tense(options: list[Point], now: date, tense: Tense, grain: Grain) -> Point:
    """The period nearest the DCT, unless the tense rules it out."""

    def cost(point: Point) -> tuple[float, date]:
        weight = FUTURE_WEIGHT if point.start > now else 1.0
        return point.distance(now) * weight, point.start

    nearest = min(options, key=cost)
    if tense not in ("past", "future") or (grain in ("quarter", "half") and tense == "future"):
        return nearest
    slack = timedelta(days=PAST_SLACK if grain == "day" else 0)
    if tense == "past":
        return next((p for p in reversed(options) if p.start <= now + slack), nearest)
    return next((p for p in options if p.end >= now - slack), nearest)


def _relative(spec: Relative, ctx: Context) -> Point | None:
    anchor = ctx.anchor
    if spec.period and anchor is not None and anchor.grain in ("quarter", "half"):
        return anchor.shift(spec.amount, spec.unit)
    dct = ctx.dct
    if dct is None or _too_fine(spec.grain, dct):
        return None
    return Point.of(dct.start, spec.grain).shift(spec.amount, spec.unit)


def _too_fine(grain: Grain, dct: Point) -> bool:
    """Whether ``grain`` is finer than what the DCT says."""
    return coarser(grain, dct.grain) != grain and grain != dct.grain


def _weekday(spec: Weekday, ctx: Context) -> Point | None:
    base = ctx.anchor if spec.anchored and ctx.anchor is not None else ctx.dct
    if base is None or base.grain != "day":
        return None
    day = base.start
    back = (day.isoweekday() - spec.day) % 7
    ahead = (spec.day - day.isoweekday()) % 7
    found = day + timedelta(days=_weekday_offset(spec, ctx.tense, back, ahead))
    return Point.of(found, "weekend") if spec.weekend else Point(found, "day")


def _weekday_offset(spec: Weekday, tense: Tense, back: int, ahead: int) -> int:
    """Days from the base to the weekday meant (TimeBank: the DCT's own day
    when it is that weekday; the one before in the past tense, after in the
    future; the nearer one when the clause leaves it open)."""
    if spec.anchored:
        return -(back or 7) if (spec.rel or 1) < 0 else (ahead or 7)
    if spec.rel == -1:
        return -(back or 7)
    if spec.rel == 1:
        return ahead or 7
    if tense == "future" or (spec.rel == 0 and tense != "past"):
        return ahead
    if tense in ("present", "open") and ahead < back:
        return ahead
    return -back


def _anchored(spec: Anchored, ctx: Context) -> Point | None:
    anchor = ctx.anchor or ctx.dct
    if anchor is None:
        return None
    if spec.grain is not None:
        grain = coarser(anchor.grain, spec.grain)
        return Point.of(anchor.start, grain).shift(spec.amount, spec.unit)
    return anchor.shift(spec.amount, spec.unit)


def _latest(spec: Latest, ctx: Context) -> Point | None:
    anchor = ctx.anchor
    if spec.year is not None:
        if anchor is None or anchor.grain != spec.grain:
            return Point(date(spec.year, 1, 1), "year")
        return Point(anchor.start.replace(year=spec.year), spec.grain)
    if anchor is not None and anchor.grain == spec.grain:
        return anchor
    if ctx.dct is None or _too_fine(spec.grain, ctx.dct):
        return None
    unit = next(code for code, grain in UNIT_GRAIN.items() if grain == spec.grain)
    return Point.of(ctx.dct.start, spec.grain).shift(-1, unit)
