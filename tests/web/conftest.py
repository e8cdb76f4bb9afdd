"""Fixtures for the web application: the sample corpus ingested once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khronika.web.app import create_app

TOKEN = "test-token-5f2c"


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A copy of the sample database that a test may change."""
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return copy


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    """A read-only application over the sample database."""
    with TestClient(create_app(sample_db, review_token=None)) as test_client:
        yield test_client


@pytest.fixture
def reviewer(fresh_db: Path) -> Iterator[TestClient]:
    """An application with review enabled (token ``TOKEN``) over a copy of the sample."""
    with TestClient(create_app(fresh_db, review_token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture
def auth() -> dict[str, str]:
    """The header that carries the review token of :func:`reviewer`."""
    return {"Authorization": f"Bearer {TOKEN}"}
