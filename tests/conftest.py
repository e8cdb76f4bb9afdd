"""Shared fixtures: paths to the shared development data and small corpora."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from khronika.api import ingest_paths, sample_corpus
from khronika.settings import Settings
from khronika.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_corpus() -> Path:
    """``../shared/corpus`` beside the clone; skipped where it is absent."""
    corpus = SHARED / "corpus"
    if not (corpus / "articles").is_dir():
        pytest.skip(f"development corpus not found at {corpus} (it sits beside the clone in CI)")
    return corpus


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Three small text files written for the tests."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Harbour workers detained in Odesa\n\n"
        "4 June 2024 By Lena Moroz\n\n"
        "Security officers detained three harbour workers in Odesa on Monday, "
        "their families said.\n\n"
        "The men were taken to an unknown location, a lawyer told reporters.\n",
        encoding="utf-8",
    )
    (folder / "two.txt").write_text(
        "Journalist missing after trip to Tbilisi\n\n"
        "2 February 2023 By Piotr Nowak\n\n"
        "A freelance journalist who investigated smuggling networks has not been "
        "heard from since he travelled to Tbilisi last week, colleagues said.\n",
        encoding="utf-8",
    )
    nested = folder / "nested"
    nested.mkdir()
    (nested / "three.txt").write_text(
        "Court jails blogger for two years\n\n"
        "9 October 2022 By Maria Ionescu\n\n"
        "A court in Minsk sentenced a blogger to two years in a penal colony on "
        "Friday for posts criticising the authorities.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the sample corpus, built once per test session: do not write to it."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store.open(path) as store:
        ingest_paths(store, [sample_corpus()], Settings(db_path=path))
    return path


@pytest.fixture
def sample_store(sample_db: Path) -> Iterator[Store]:
    with Store.open(sample_db) as store:
        yield store
