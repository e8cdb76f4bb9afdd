"""Tests for cleaning metadata values into hints."""

from __future__ import annotations

import pytest

from khronika.read.hints import clean_string, iso_date, language_code


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-04T10:00:00Z", "2021-03-04"),
        ("2021-03-04", "2021-03-04"),
        ("2021/3/4", "2021-03-04"),
        ("1978-09", "1978-09"),
        ("1978", "1978"),
        ("2021-13-01", None),
        ("2021-02-30", None),
        ("Thu, 04 Mar 2021 10:00:00 GMT", "2021-03-04"),
        ("March 4, 2021", "2021-03-04"),
        ("4 Mar 2021", "2021-03-04"),
        ("September 1978", "1978-09"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en", "en"), ("en-GB", "en"), ("PT_br", "pt"), ("English", None), (None, None)],
)
def test_language_code(value: str | None, expected: str | None) -> None:
    assert language_code(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" a \n b ", "a b"), ("   ", None), (["x", " ", "y"], "x; y"), (7, None), (None, None)],
)
def test_clean_string(value: object, expected: str | None) -> None:
    assert clean_string(value) == expected
