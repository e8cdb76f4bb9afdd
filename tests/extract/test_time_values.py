"""Calendar arithmetic, counting words and lexicon tables of the time tagger.

Pure functions; no spaCy model needed.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from khronika.extract.time_lexicon import alternation, lookup, table
from khronika.extract.time_relative import count, duration_value
from khronika.extract.time_resolve import (
    Anchored,
    Calendar,
    Context,
    Fixed,
    Relative,
    Tensed,
    Weekday,
    resolve,
)
from khronika.extract.time_rules import year_number
from khronika.extract.time_values import Point, nth_weekday, parse_dct

DCT = parse_dct("2020-09-10")


@pytest.mark.parametrize(
    ("day", "grain", "value"),
    [
        (date(2020, 9, 10), "day", "2020-09-10"),
        (date(2020, 9, 10), "week", "2020-W37"),
        (date(2020, 9, 10), "weekend", "2020-W37-WE"),
        (date(2020, 9, 10), "month", "2020-09"),
        (date(2020, 9, 10), "quarter", "2020-Q3"),
        (date(2020, 9, 10), "half", "2020-H2"),
        (date(2020, 7, 10), "season", "2020-SU"),
        (date(2020, 12, 10), "season", "2021-WI"),
        (date(2020, 9, 10), "year", "2020"),
        (date(1957, 9, 10), "decade", "195"),
        (date(1957, 9, 10), "century", "19"),
    ],
)
def test_a_period_renders_at_its_precision(day: date, grain: str, value: str) -> None:
    assert Point.of(day, grain).value == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("point", "amount", "unit", "value"),
    [
        (Point(date(2024, 5, 27), "day"), 2, "D", "2024-05-29"),
        (Point(date(2020, 1, 31), "day"), 1, "M", "2020-02-29"),
        (Point.of(date(1989, 7, 1), "quarter"), -1, "Y", "1988-Q3"),
        (Point.of(date(1993, 1, 1), "year"), 1, "D", "1993"),
        (Point.of(date(2023, 8, 1), "month"), -1, "W", "2023-08"),
        (Point.of(date(2020, 9, 10), "week"), -1, "W", "2020-W36"),
    ],
)
def test_shifting_keeps_the_precision(point: Point, amount: int, unit: str, value: str) -> None:
    shifted = point.shift(amount, unit)
    assert shifted is not None
    assert shifted.value == value


def test_shifting_off_the_calendar_gives_nothing() -> None:
    assert Point(date(2020, 9, 10), "year").shift(-3000, "CE") is None


def test_publication_dates_of_every_precision() -> None:
    assert [parse_dct(p) for p in (None, "", "n.d.")] == [None, None, None]
    assert parse_dct("2020").value == "2020"  # type: ignore[union-attr]
    assert parse_dct("2020-09").value == "2020-09"  # type: ignore[union-attr]
    assert parse_dct("2020-09-10T06:18").value == "2020-09-10"  # type: ignore[union-attr]


def test_holidays_that_move() -> None:
    assert nth_weekday(2024, 11, 4, 4) == date(2024, 11, 28)
    assert nth_weekday(2024, 5, 1, -1) == date(2024, 5, 27)


@pytest.mark.parametrize(
    ("text", "value"),
    [("two", 2), ("twenty-five", 25), ("2 1/2", Fraction(5, 2)), ("a couple of", 2), ("a", 1)],
)
def test_counting_words(text: str, value: Fraction) -> None:
    assert count(text) == value


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (Fraction(2), "D", "P2D"),
        (Fraction(3), "Y", "P3Y"),
        (Fraction(5, 2), "Y", "P2Y6M"),
        (Fraction(3), "Q", "P9M"),
        (Fraction(1), "DE", "P10Y"),
        (Fraction(1), "H", "PT1H"),
        (Fraction(20), "MIN", "PT20M"),
        (None, "W", "PXW"),
        (None, "H", "PTXH"),
    ],
)
def test_durations(amount: Fraction | None, unit: str, value: str) -> None:
    assert duration_value(amount, unit) == value


def test_years_in_words() -> None:
    assert year_number("nineteen ninety-four") == 1994
    assert year_number("two thousand and one") == 2001
    assert year_number("1978") == 1978
    assert year_number("nineteen apples") is None


def test_the_lexicon_is_data() -> None:
    assert lookup("month", "Sept.") == "9"
    assert lookup("weekday", "FRIDAY") == "5"
    assert lookup("vague", "those   days") == "PAST_REF"
    assert "fall" in alternation("season").split("|")
    assert len(table("month")) >= 12


@pytest.mark.parametrize(
    ("spec", "tense", "anchor", "value"),
    [
        (Calendar("day", None, 10, 7), "past", None, "2020-10-07"),
        (Calendar("day", None, 12, 24), "past", None, "2019-12-24"),
        (Calendar("month", None, 10, rel=-1), None, None, "2019-10"),
        (Calendar("month", None, 8, rel=-1), None, None, "2020-08"),
        (Calendar("quarter", None, 7), None, None, "2020-Q3"),
        (Relative("W", 0, "week"), None, None, "2020-W37"),
        (
            Relative("Y", -1, "year", period=True),
            None,
            Point.of(date(2020, 4, 1), "quarter"),
            "2019-Q2",
        ),
        (Weekday(3), "past", None, "2020-09-09"),
        (Weekday(3), "future", None, "2020-09-16"),
        (Weekday(4), "future", None, "2020-09-10"),
        (Weekday(6, weekend=True), "past", None, "2020-W36-WE"),
        (Anchored("D", 1, "day"), None, Point(date(1993, 1, 1), "year"), "1993"),
        (Anchored("D", 2, None), None, Point(date(2024, 5, 27), "day"), "2024-05-29"),
        (Anchored("D", 1, "day"), None, None, "2020-09-11"),
        (Tensed(), "future", None, "FUTURE_REF"),
        (Fixed("P2D", "duration"), None, None, "P2D"),
    ],
)
def test_resolution_against_dct_tense_and_anchor(spec, tense, anchor, value) -> None:  # type: ignore[no-untyped-def]
    assert resolve(spec, Context(DCT, anchor, tense)).value == value
