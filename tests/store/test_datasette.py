"""The database stays a plain SQLite file that Datasette reads and searches."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

datasette_app = pytest.importorskip("datasette.app", reason="datasette is a dev dependency")
datasette_utils = pytest.importorskip("datasette.utils")


def test_datasette_finds_the_full_text_index_of_articles(sample_db: Path) -> None:
    with sqlite3.connect(sample_db) as db:
        assert datasette_utils.detect_fts(db, "articles") == "articles_fts"


def test_datasette_searches_articles_and_lists_events(sample_db: Path) -> None:
    async def fetch() -> tuple[dict[str, object], dict[str, object]]:
        app = datasette_app.Datasette([str(sample_db)], immutables=[])
        name = sample_db.stem
        found = await app.client.get(f"/{name}/articles.json?_search=thallium&_shape=objects")
        events = await app.client.get(f"/{name}/events.json?_shape=objects&_size=5")
        assert found.status_code == 200, found.text
        assert events.status_code == 200, events.text
        return found.json(), events.json()

    found, events = asyncio.run(fetch())
    rows = found["rows"]
    assert isinstance(rows, list) and rows
    assert all("thallium" in str(row["text"]).lower() for row in rows)
    assert events["rows"]
