"""Every format applies corrections, leaves out rejected events and says so."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from khronika import review
from khronika.export import FORMATS, export
from khronika.store import Store

NOW = datetime(2024, 7, 1, tzinfo=UTC)


def _exported(store: Store, fmt: str) -> str:
    out = io.StringIO()
    export(store, fmt, out)
    return out.getvalue()


@pytest.fixture
def reviewed(private_store: Store) -> tuple[Store, str, str]:
    """A store with one event corrected and another rejected; their ids."""
    events = private_store.events()
    corrected, rejected = events[0].id, events[1].id
    fields = {"date": "2023-08-15", "actors": ["Unit 29155"], "location": "Batumi"}
    review.record(private_store, "event", corrected, "correct", fields, "Ana", now=NOW)
    review.record(private_store, "event", rejected, "reject", {"note": "a quote"}, "Ana", now=NOW)
    return private_store, corrected, rejected


@pytest.mark.parametrize("fmt", FORMATS)
def test_rejected_events_are_left_out(reviewed: tuple[Store, str, str], fmt: str) -> None:
    store, corrected, rejected = reviewed
    text = _exported(store, fmt)
    if fmt == "ftm":  # FtM ids are hashes of ours: count the events instead
        events = [json.loads(line) for line in text.splitlines()]
        assert sum(e["schema"] == "Event" for e in events) == len(store.events()) - 1
    else:
        assert rejected not in text and corrected in text


def test_acled_applies_the_correction(reviewed: tuple[Store, str, str]) -> None:
    store, corrected, _ = reviewed
    rows = list(csv.DictReader(io.StringIO(_exported(store, "acled"))))
    assert len(rows) == len(store.events()) - 1
    row = next(r for r in rows if r["event_id"] == corrected)
    assert (row["event_date"], row["time_precision"], row["actor1"]) == (
        "2023-08-15",
        "1",
        "Unit 29155",
    )
    assert (row["location"], row["review"]) == ("Batumi", "corrected")


def test_plover_and_jsonl_apply_the_correction_and_name_the_reviewer(
    reviewed: tuple[Store, str, str],
) -> None:
    store, corrected, _ = reviewed
    plover = next(r for r in json.loads(_exported(store, "plover")) if r["id"] == corrected)
    assert plover["date"] == "2023-08-15"
    assert [a["actor_text"] for a in plover["source"]] == ["Unit 29155"]
    assert plover["khronika"]["review"] == {
        "state": "corrected",
        "decision": "correct",
        "reviewer": "Ana",
        "at": "2024-07-01T00:00:00+00:00",
        "decisions": 1,
    }
    lines = [json.loads(line) for line in _exported(store, "jsonl").splitlines()]
    record = next(r for r in lines if r["id"] == corrected)
    assert (record["date"], record["location"], record["review_state"]) == (
        "2023-08-15", "Batumi", "corrected",
    )  # fmt: skip
    assert record["original"]["actors"] == []
    assert record["original"]["location"] != "Batumi"


def test_ftm_applies_the_correction(reviewed: tuple[Store, str, str]) -> None:
    store = reviewed[0]
    events = [json.loads(line) for line in _exported(store, "ftm").splitlines()]
    dated = [
        e
        for e in events
        if e["schema"] == "Event" and "Batumi" in e["properties"].get("location", [])
    ]
    assert len(dated) == 1
    assert dated[0]["properties"]["date"] == ["2023-08-15"]
    assert "review: corrected" in dated[0]["properties"]["description"][0]


def test_csv_records_have_one_row_per_exported_event(reviewed: tuple[Store, str, str]) -> None:
    store, corrected, rejected = reviewed
    rows = list(csv.DictReader(io.StringIO(_exported(store, "csv"))))
    ids = [r["id"] for r in rows]
    assert corrected in ids and rejected not in ids
    row = next(r for r in rows if r["id"] == corrected)
    assert (row["actors"], row["reviewer"]) == ("Unit 29155", "Ana")
    assert json.loads(row["original"])["date"] == store.event(corrected).date
