"""Stores over the session's sample database (``sample_db`` in tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from khronika.store import Store


@pytest.fixture
def db_copy(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database."""
    copy = tmp_path / "sample.db"
    shutil.copy(sample_db, copy)
    return copy


@pytest.fixture
def store(sample_db: Path) -> Iterator[Store]:
    """The shared sample database, for tests that only read."""
    with Store.open(sample_db) as opened:
        yield opened


@pytest.fixture
def private_store(db_copy: Path) -> Iterator[Store]:
    """A private copy of the sample database, for tests that record reviews."""
    with Store.open(db_copy) as opened:
        yield opened
