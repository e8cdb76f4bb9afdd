"""Publication dates as printed, read into ISO prefixes."""

from __future__ import annotations

import pytest

from khronika.split.dates import find_dates, normalise_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 September 2020", "2020-09-10"),
        ("3 May 2025", "2025-05-03"),
        ("3rd of May, 2025", "2025-05-03"),
        ("May 3, 2025", "2025-05-03"),
        ("Sept. 3 2025", "2025-09-03"),
        ("Saturday, May 3, 2025 4:15 p.m. ET", "2025-05-03"),
        ("2025-05-03", "2025-05-03"),
        ("2025/5/3", "2025-05-03"),
        ("September 2020", "2020-09"),
        ("04/28/2025", "2025-04-28"),  # American order: 28 cannot be a month
        ("28/04/2025", "2025-04-28"),
        ("03/05/2025", "2025"),  # day and month cannot be told apart
        ("31 February 2025", "2025-02"),  # no such day: the month is still known
        ("the May meeting", None),
        ("in 2025 alone", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_find_dates_takes_longest_without_overlap() -> None:
    found = find_dates("Published 10 September 2020, updated September 2021")
    assert [d.value for d in found] == ["2020-09-10", "2021-09"]
    assert [(d.start, d.end) for d in found] == [(10, 27), (37, 51)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-05-03T08:00:00Z", "2025-05-03"),
        ("2025-05", "2025-05"),
        ("Sat, 03 May 2025 08:00:00 GMT", "2025-05-03"),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_normalise_date(text: str | None, expected: str | None) -> None:
    assert normalise_date(text) == expected
