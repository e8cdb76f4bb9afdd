"""The ``reviews`` table through the Store: writing, reading, order, survival."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from khronika.errors import StoreError
from khronika.model import ReviewDecision
from khronika.store import Store


def _decision(
    id: str, target_id: str = "v_1", at: str = "2024-01-01T00:00:00+00:00", **kw: object
) -> ReviewDecision:
    values: dict[str, object] = {
        "target": "event",
        "decision": "accept",
        "reviewer": "Ana",
        "fields": (),
        "previous": (),
    }
    values.update(kw)
    return ReviewDecision(id=id, target_id=target_id, at=at, **values)  # type: ignore[arg-type]


def test_a_decision_reads_back_as_written(tmp_path: Path) -> None:
    decision = _decision(
        "r_1",
        decision="correct",
        fields=(("date", '"1978-09"'), ("actors", '["KGB", "Станислав"]'), ("fatalities", "3")),
        previous=(("date", "null"), ("actors", "[]"), ("fatalities", "null")),
    )
    with Store.open(tmp_path / "k.db") as store:
        store.add_review(decision)
        assert store.reviews() == [decision]
        assert store.stats().reviews == 1


def test_the_table_holds_plain_json_objects_for_datasette(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        store.add_review(_decision("r_1", decision="correct", fields=(("date", '"1978"'),)))
    raw = sqlite3.connect(tmp_path / "k.db")
    fields, previous = raw.execute("SELECT fields, previous FROM reviews").fetchone()
    raw.close()
    assert (json.loads(fields), json.loads(previous)) == ({"date": "1978"}, {})


def test_decisions_are_filtered_and_ordered_oldest_first(tmp_path: Path) -> None:
    late = _decision("r_a", at="2024-01-02T00:00:00+00:00", decision="reject")
    early = _decision("r_b", at="2024-01-01T00:00:00+00:00")
    same_time_second = _decision("r_0", at="2024-01-02T00:00:00+00:00")
    other = _decision("r_c", target_id="e_1", target="entity", decision="merge")
    with Store.open(tmp_path / "k.db") as store:
        for decision in (late, early, same_time_second, other):
            store.add_review(decision)
        assert store.reviews("event", "v_1") == [early, late, same_time_second]
        assert store.reviews("entity") == [other]
        assert store.reviews(target_id="e_1") == [other]
        assert len(store.reviews()) == 4


def test_storing_the_same_decision_twice_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        store.add_review(_decision("r_1"))
        store.add_review(_decision("r_1"))
        assert len(store.reviews()) == 1


def test_field_values_must_be_json_texts(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store, pytest.raises(StoreError, match="JSON texts"):
        store.add_review(_decision("r_1", fields=(("note", "not json"),)))


def test_decisions_do_not_need_their_record_and_survive_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        store.add_review(_decision("r_1", target_id="v_gone"))
        assert not store.review_target_exists("event", "v_gone")
    with Store.open(tmp_path / "k.db") as store:
        assert [d.target_id for d in store.reviews()] == ["v_gone"]
        assert store.integrity_check() == "ok"


def test_review_targets_are_looked_up_in_their_own_tables(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        store._db.execute(
            'INSERT INTO links (id, kind, "left", "right") VALUES'
            " ('l_c', 'contradiction', 'v_1', 'v_2'), ('l_d', 'duplicate', 'a_1', 'a_2')"
        )
        assert store.review_target_exists("contradiction", "l_c")
        assert not store.review_target_exists("contradiction", "l_d")
        assert not store.review_target_exists("entity", "l_c")
