"""Cross-article entities in the store, with reviewers' merges and splits."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from khronika.errors import NotFoundError
from khronika.model import ReviewDecision
from khronika.store import Store


@pytest.fixture
def store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "copy.db"
    with Store.open(sample_db) as source, Store.open(copy) as target:
        source._db.backup(target._db)
        yield target


def person(store: Store, name: str) -> list[str]:
    return [c.id for c in store.canonical_entities() if c.name == name and c.type == "PERSON"]


def decide(store: Store, entity_id: str, decision: str, **fields: str) -> None:
    store.add_review(
        ReviewDecision(
            id=f"r_{entity_id}_{decision}",
            target="entity",
            target_id=entity_id,
            decision=decision,  # type: ignore[arg-type]
            reviewer="test",
            at=f"2026-11-22T10:00:0{len(store.reviews())}+00:00",
            fields=tuple((k, json.dumps(v)) for k, v in fields.items()),
        )
    )


def test_one_person_across_articles_with_every_alias(store: Store) -> None:
    [korsak] = person(store, "Yelena Korsak")
    canonical = store.canonical_entity(korsak)
    assert len(canonical.members) >= 2
    assert store.canonical_entity(canonical.members[-1]) == canonical
    with pytest.raises(NotFoundError):
        store.canonical_entity("e_nope")


def test_a_split_undoes_a_merge_and_a_merge_joins(store: Store) -> None:
    [korsak] = person(store, "Yelena Korsak")
    members = store.canonical_entity(korsak).members
    decide(store, members[-1], "split", **{"from": members[0]})
    assert store.canonical_entity(members[-1]).members == (members[-1],)
    [savchuk] = person(store, "Halyna Savchuk")
    decide(store, members[-1], "merge", **{"with": savchuk})
    assert savchuk in store.canonical_entity(members[-1]).members
