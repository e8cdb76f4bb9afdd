"""The ACLED-like CSV: its columns, its type mapping and its precisions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from khronika.export import acled
from khronika.model import Event, Provenance
from khronika.store import Store

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

# The columns as documented in the README and in khronika.export.acled.
DOCUMENTED = [
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "status", "evidence", "event_id", "article_id", "date", "review",
]  # fmt: skip

PROV = Provenance("x.txt", "0" * 64, 0, "a_1", 0, 10)


def _event(type: str, mode: tuple[str, ...] = (), context: tuple[str, ...] = ()) -> Event:
    return Event("v_1", PROV, type, "evidence", mode=mode, context=context)


def _rows(store: Store) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO()
    acled.write(store, out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    return list(reader.fieldnames or []), list(reader)


def test_the_csv_has_exactly_the_documented_columns(store: Store) -> None:
    header, rows = _rows(store)
    assert header == DOCUMENTED == list(acled.COLUMNS)
    assert len(rows) == len(store.events())
    for column in DOCUMENTED:
        assert f"`{column}`" in README, f"{column} is not documented in the README"


@pytest.mark.parametrize(
    ("type", "mode", "context", "expected"),
    [
        ("ASSAULT", ("aerial",), (), ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", ("drone",), ("military",), ("Explosions/Remote violence", "Air/drone strike")),
        (
            "ASSAULT",
            ("heavy-weapons",),
            ("military",),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "ASSAULT",
            ("explosives",),
            (),
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "ASSAULT",
            ("unconventional",),
            ("cbrn",),
            ("Explosions/Remote violence", "Chemical weapon"),
        ),
        (
            "ASSAULT",
            ("targeted", "unconventional"),
            ("intelligence", "cbrn"),
            ("Violence against civilians", "Attack"),
        ),
        (
            "ASSAULT",
            ("abduct",),
            ("repression",),
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("ASSAULT", (), ("military",), ("Battles", "Armed clash")),
        ("ASSAULT", ("beat",), (), ("Violence against civilians", "Attack")),
        ("ASSAULT", ("firearms",), (), ("Violence against civilians", "Attack")),
        ("ASSAULT", (), (), ("Violence against civilians", "Attack")),
        ("PROTEST", ("demonstrate",), (), ("Protests", "Peaceful protest")),
        ("COERCE", ("arrest",), ("legal",), ("Strategic developments", "Arrests")),
        (
            "COERCE",
            ("seize",),
            ("repression",),
            ("Strategic developments", "Looting/property destruction"),
        ),
        ("COERCE", (), ("intelligence",), ("Strategic developments", "Other")),
        (
            "RETREAT",
            ("withdraw",),
            ("military",),
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        ("RETREAT", ("release",), ("legal",), ("Strategic developments", "Other")),
        ("THREATEN", (), (), ("Strategic developments", "Other")),
        ("SANCTION", ("expel",), ("diplomatic",), ("Strategic developments", "Other")),
    ],
)
def test_plover_types_map_to_acled_types(
    type: str, mode: tuple[str, ...], context: tuple[str, ...], expected: tuple[str, str]
) -> None:
    assert acled.acled_type(_event(type, mode, context)) == expected


def test_every_acled_type_used_is_in_the_readme() -> None:
    for _, _, event_type, sub_event_type in acled._RULES:
        assert event_type in README and sub_event_type in README


def test_dates_places_and_precisions(store: Store) -> None:
    _, rows = _rows(store)
    by_id = {row["event_id"]: row for row in rows}
    for event in store.events():
        row = by_id[event.id]
        assert row["date"] == (event.date or "")
        expected = {None: "", 3: "3", 4: "3", 7: "3", 10: "1"}[
            len(event.date) if event.date else None
        ]
        assert row["time_precision"] == expected
        if event.date and len(event.date) == 10:
            assert row["event_date"] == event.date
        elif event.date:
            assert row["event_date"].startswith(event.date[:4]) and len(row["event_date"]) == 10
        assert row["geo_precision"] in {"", "1", "2", "3"}
        assert (row["latitude"] == "") == (row["longitude"] == "") == (row["geo_precision"] == "")
        assert row["status"] == event.status and row["review"] == "unreviewed"
    kharkiv = [r for r in rows if r["location"] in ("Kharkiv", "Saltivka")]
    assert kharkiv and all(r["country"] == "Ukraine" and r["geo_precision"] == "1" for r in kharkiv)
    assert any(
        r["sub_event_type"] == "Air/drone strike" and r["fatalities"] == "9" for r in kharkiv
    )


def test_historical_country_codes_are_kept() -> None:
    assert acled.country_name("ua") == "Ukraine"
    assert acled.country_name("SU") == "SU"
