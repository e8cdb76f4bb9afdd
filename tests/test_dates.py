import pytest

from khronika.dates import agreed_date, common, compatible, days_apart, precision


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("195", "decade"),
        ("1978", "year"),
        ("1978-09", "month"),
        ("1978-09-07", "day"),
        ("PAST_REF", None),
    ],
)
def test_precision_is_the_length_of_the_prefix(value: str, expected: str | None) -> None:
    assert precision(value) == expected


def test_compatible_dates_are_prefixes_of_each_other() -> None:
    assert compatible("1978", "1978-09-07")
    assert not compatible("2024-03-11", "2024-03-12")
    assert common("2024-03-11", "2024-03-12") == "2024-03"
    assert days_apart("2024-03-11", "2024-03-12") == 1
    assert days_apart("2024-03", "2024-03-12") is None


def test_the_agreed_date_is_the_most_precise_all_reports_allow() -> None:
    assert agreed_date(["2023-08", "2023-08-14", "2023"]) == "2023-08-14"
    assert agreed_date(["2024-03-11", "2024-03-12"]) == "2024-03"
    assert agreed_date(["1978", "1972"]) == "197"
    assert agreed_date(["1978", "1985"]) is None
    assert agreed_date([]) is None
