"""CSV cells a spreadsheet would run as formulas are written as text."""

from __future__ import annotations

import csv
import io

import pytest

from khronika import review
from khronika.export import acled
from khronika.export.records import safe_cell, write_csv
from khronika.store import Store


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_leading_formula_character_is_quoted(start: str) -> None:
    assert safe_cell(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"


@pytest.mark.parametrize("text", ["-0.12", "+44", "-7", "12.5", "Tbilisi", "a=b", "", "x@y"])
def test_numbers_and_ordinary_text_are_left_alone(text: str) -> None:
    assert safe_cell(text) == text


def test_exports_neutralise_a_formula_a_reviewer_or_article_put_in(
    private_store: Store,
) -> None:
    event = private_store.events()[0]
    review.record(
        private_store,
        "event",
        event.id,
        "correct",
        {"location": "=1+2", "actors": ["@SUM(A1)"]},
        "Ana",
    )
    for write in (write_csv, acled.write):
        out = io.StringIO()
        write(private_store, out)
        cells = [cell for row in csv.reader(io.StringIO(out.getvalue())) for cell in row]
        assert not any(cell.startswith(("=", "@")) for cell in cells), write
        assert any(cell.startswith("'=1+2") or cell.startswith("'@SUM") for cell in cells), write
