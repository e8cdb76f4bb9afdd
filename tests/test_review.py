"""Review decisions: checking, recording, applying, surviving re-ingest."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from khronika import review
from khronika.errors import InputError, NotFoundError
from khronika.ingest import ingest
from khronika.settings import Settings
from khronika.store import Store

ARTICLE = (
    "Harbour workers detained in Odesa\n\n"
    "4 June 2024 By Lena Moroz\n\n"
    "Security officers detained three harbour workers in Odesa on Monday, "
    "their families said.\n\n"
    "Two days later gunmen abducted Oleh Kovalenko, a trade union organiser, in Mykolaiv, "
    "police said.\n"
)
NOW = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database holding one ingested article with events, and its source file."""
    folder = tmp_path_factory.mktemp("review")
    source = folder / "odesa.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    db = folder / "built.db"
    with Store.open(db) as store:
        ingest(store, [source], Settings(db_path=db))
        store._db.execute(
            'INSERT INTO links (id, kind, "left", "right", field, "values")'
            " VALUES ('l_c', 'contradiction', 'v_1', 'v_2', 'date', '[\"2024\", \"2023\"]')"
        )
    return db, source


@pytest.fixture
def store(built: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    db = tmp_path / "k.db"
    shutil.copy(built[0], db)
    with Store.open(db) as opened:
        yield opened


def _event_id(store: Store, index: int = 0) -> str:
    return store.events()[index].id


def _entity_ids(store: Store) -> list[str]:
    return [s.entity.id for s in store.entities()]


def test_the_fixture_has_events_and_entities(store: Store) -> None:
    assert len(store.events()) >= 2
    assert len(_entity_ids(store)) >= 2


def test_a_correction_is_stored_with_time_reviewer_and_previous_values(store: Store) -> None:
    event = store.events()[0]
    decision = review.record(
        store,
        "event",
        event.id,
        "correct",
        {"date": "2024-06-03", "actors": ["SBU"], "fatalities": 0, "status": "Attributed"},
        "  Ana  Petrova ",
        now=NOW,
    )
    assert (decision.reviewer, decision.at) == ("Ana Petrova", "2024-07-01T12:00:00+00:00")
    assert review.decoded(decision.fields) == {
        "date": "2024-06-03",
        "actors": ["SBU"],
        "fatalities": 0,
        "status": "attributed",
    }
    assert review.decoded(decision.previous) == {
        "date": event.date,
        "actors": list(event.actors),
        "fatalities": event.fatalities,
        "status": event.status,
    }
    assert store.reviews("event", event.id) == [decision]


def test_a_correction_is_applied_and_corrections_accumulate(store: Store) -> None:
    event_id = _event_id(store)
    review.record(store, "event", event_id, "correct", {"location": "Odesa port"}, "Ana", now=NOW)
    later = datetime(2024, 7, 2, tzinfo=UTC)
    second = review.record(store, "event", event_id, "correct", {"date": "2024"}, "Bo", now=later)
    assert review.decoded(second.previous) == {"date": store.events()[0].date}
    reviewed = review.effective_event(store, event_id)
    assert (reviewed.event.location, reviewed.event.date) == ("Odesa port", "2024")
    assert reviewed.original == store.events()[0]
    assert (reviewed.state, reviewed.latest, len(reviewed.history)) == ("corrected", second, 2)
    listed = {r.event.id: r for r in review.effective_events(store)}
    assert listed[event_id] == reviewed


def test_a_rejection_removes_the_event_and_a_later_acceptance_restores_it(store: Store) -> None:
    event_id = _event_id(store)
    total = len(store.events())
    review.record(store, "event", event_id, "reject", {"note": "not an arrest"}, "Ana", now=NOW)
    assert event_id not in {r.event.id for r in review.effective_events(store)}
    assert len(review.effective_events(store)) == total - 1
    assert review.effective_event(store, event_id).state == "rejected"
    assert len(review.reviewed_events(store)) == total

    accepted = review.record(
        store, "event", event_id, "accept", None, "Bo", now=datetime(2024, 7, 3, tzinfo=UTC)
    )
    assert review.decoded(accepted.previous) == {"decision": "reject", "note": "not an arrest"}
    assert review.effective_event(store, event_id).state == "accepted"
    assert len(review.effective_events(store)) == total


def test_a_decision_survives_re_ingesting_the_same_file(tmp_path: Path) -> None:
    source = tmp_path / "odesa.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "fresh.db")
    store = Store.open(settings.db_path)
    ingest(store, [source], settings)
    event_id = _event_id(store)
    review.record(store, "event", event_id, "correct", {"country": "ua"}, "Ana", now=NOW)
    review.record(store, "event", _event_id(store, 1), "reject", {}, "Ana", now=NOW)

    ingest(store, [source], settings)  # unchanged: nothing happens
    source.write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    ingest(store, [source], settings)  # changed: its records are replaced
    source.write_text(ARTICLE, encoding="utf-8")
    ingest(store, [source], settings)  # back again: the same ids as before

    assert review.effective_event(store, event_id).event.country == "UA"
    assert _event_id(store, 1) not in {r.event.id for r in review.effective_events(store)}
    assert len(store.reviews()) == 2
    store.close()


@pytest.mark.parametrize(
    ("target", "decision", "fields", "message"),
    [
        ("event", "merge", {}, "not a decision"),
        ("article", "accept", {}, "cannot review"),
        ("event", "correct", {}, "at least one field"),
        ("event", "correct", {"note": "x"}, "at least one field"),
        ("event", "correct", {"evidence": "x"}, "unknown field"),
        ("event", "accept", {"date": "2024"}, "unknown field"),
        ("event", "correct", {"date": "2024-13"}, "ISO date prefix"),
        ("event", "correct", {"date": "2024-02-30"}, "ISO date prefix"),
        ("event", "correct", {"date": "June 2024"}, "ISO date prefix"),
        ("event", "correct", {"status": "probable"}, "not one of"),
        ("event", "correct", {"outcome": "dead"}, "not one of"),
        ("event", "correct", {"type": "ARREST"}, "not one of"),
        ("event", "correct", {"fatalities": -1}, "whole number"),
        ("event", "correct", {"fatalities": True}, "whole number"),
        ("event", "correct", {"fatalities": "3"}, "whole number"),
        ("event", "correct", {"actors": "SBU"}, "list of strings"),
        ("event", "correct", {"actors": [1]}, "list of strings"),
        ("event", "correct", {"country": "Ukraine"}, "country code"),
        ("event", "correct", {"location": ""}, "must not be empty"),
        ("entity", "accept", {}, "not a decision"),
        ("entity", "merge", {}, "needs the field"),
        ("entity", "correct", {"type": "ANIMAL"}, "not one of"),
        ("entity", "correct", {"name": " "}, "must not be empty"),
        ("contradiction", "reject", {}, "not a decision"),
        ("contradiction", "resolve", {"winner": "left"}, "unknown field"),
    ],
)
def test_bad_decisions_are_refused(
    store: Store, target: str, decision: str, fields: dict[str, object], message: str
) -> None:
    target_id = {"event": _event_id(store), "entity": _entity_ids(store)[0]}.get(target, "l_c")
    with pytest.raises(InputError, match=message):
        review.record(store, target, target_id, decision, fields, "Ana", now=NOW)
    assert store.reviews() == []


def test_the_reviewer_is_required(store: Store) -> None:
    with pytest.raises(InputError, match="reviewer"):
        review.record(store, "event", _event_id(store), "accept", {}, "  ", now=NOW)


@pytest.mark.parametrize(
    ("target", "decision", "fields"),
    [
        ("event", "accept", {}),
        ("entity", "correct", {"name": "X"}),
        ("contradiction", "resolve", {}),
    ],
)
def test_unknown_ids_are_not_found(
    store: Store, target: str, decision: str, fields: dict[str, object]
) -> None:
    with pytest.raises(NotFoundError, match="no "):
        review.record(store, target, "x_missing", decision, fields, "Ana", now=NOW)


def test_dates_at_every_precision_are_accepted(store: Store) -> None:
    event_id = _event_id(store)
    for value in ("2024", "2024-06", "2024-06-03", "202", None):
        review.record(store, "event", event_id, "correct", {"date": value}, "Ana", now=NOW)
        assert review.effective_event(store, event_id).event.date == value


def test_entity_merge_split_and_correct(store: Store) -> None:
    first, second = _entity_ids(store)[:2]
    with pytest.raises(NotFoundError, match="no entity"):
        review.record(store, "entity", first, "merge", {"with": "e_nope"}, "Ana", now=NOW)
    with pytest.raises(InputError, match="itself"):
        review.record(store, "entity", first, "merge", {"with": first}, "Ana", now=NOW)
    review.record(store, "entity", first, "merge", {"with": second}, "Ana", now=NOW)
    corrected = review.record(
        store, "entity", first, "correct", {"name": "Odesa Port Workers", "type": "org"}, "Ana"
    )
    assert set(review.decoded(corrected.previous)) == {"name", "type"}
    result = review.entity_reviews(store)[first]
    assert (result.name, result.type, result.same_as) == ("Odesa Port Workers", "ORG", (second,))

    review.record(store, "entity", first, "split", {"from": second}, "Bo")
    result = review.entity_reviews(store)[first]
    assert (result.same_as, result.not_same_as) == ((), (second,))


def test_a_contradiction_is_resolved(store: Store) -> None:
    fields = {"value": "2024", "note": "the court record says 2024"}
    decision = review.record(store, "contradiction", "l_c", "resolve", fields, "Ana", now=NOW)
    assert review.contradiction_resolutions(store) == {"l_c": decision}
    assert review.decoded(decision.fields) == fields


def test_a_decision_on_a_record_whose_article_is_gone_is_kept(store: Store) -> None:
    event_id = _event_id(store)
    review.record(store, "event", event_id, "accept", {}, "Ana", now=NOW)
    with sqlite3.connect(store.path) as raw:
        raw.execute("DELETE FROM articles")
    assert review.effective_events(store) == []
    assert [d.target_id for d in store.reviews()] == [event_id]
