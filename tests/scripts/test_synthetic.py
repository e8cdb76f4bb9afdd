"""The synthetic corpus of the scaling benchmark (scripts/synthetic.py) and its planted truth."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from khronika.link.run import link_store
from khronika.store import Store

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "synthetic.py"


@pytest.fixture(scope="module")
def synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_planted_copies_are_found_and_nothing_else(synthetic: ModuleType, tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        truth = synthetic.write_corpus(store, 60, seed=5)
        assert truth.articles == 60 == store.stats().articles
        assert truth.duplicates and truth.incidents
        link_store(store)
        found = {(x.left, x.right) for x in store.links("duplicate")}
    planted = {(min(a, b), max(a, b)) for g in truth.duplicates for a in g for b in g if a != b}
    assert found == planted


def test_planted_incidents_are_mostly_linked_and_never_invented(
    synthetic: ModuleType, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "s.db") as store:
        truth = synthetic.write_corpus(store, 120, seed=3)
        link_store(store)
        found = {frozenset((x.left, x.right)) for x in store.links("same_event")}
    planted = {frozenset((a, b)) for g in truth.incidents for a in g for b in g if a != b}
    assert planted and found
    assert len(found & planted) / len(found) >= 0.9  # precision of the direct links
    assert len(found & planted) / len(planted) >= 0.5


def test_the_same_seed_writes_the_same_ids(synthetic: ModuleType, tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        with Store.open(tmp_path / name) as store:
            truth = synthetic.write_corpus(store, 20, seed=5)
            ids.append(([a.id for a in store.articles()], [e.id for e in store.events()]))
    assert ids[0] == ids[1]
    assert truth.events == len(ids[0][1])


def test_a_copy_keeps_its_events_and_names_use_the_outlets_spelling(synthetic: ModuleType) -> None:
    world = synthetic.World(7)
    victim = world.famous[0]
    original = world.draft(world.incident(victim), [])
    copied = synthetic.copy(world, original)
    events = [s.event for p in copied.paragraphs for s in p if s.event is not None]
    assert events == [s.event for p in original.paragraphs for s in p if s.event is not None]
    assert synthetic._german("Khokhlov") == "Chochlow"
