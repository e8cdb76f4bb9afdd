from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from khronika.errors import NotFoundError, SchemaTooNewError, StoreError
from khronika.model import SourceFile, make_id
from khronika.pipeline import analyse_text
from khronika.store import Store
from khronika.store.migrations import MIGRATIONS

TEXT = (
    "Dissident poisoned in Vienna\n\n"
    "12 March 2024 By Ilse Varga\n\n"
    "An exiled writer was taken to hospital in Vienna after drinking tea "
    "that police believe was laced with thallium.\n"
)


def test_new_database_records_every_migration(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.integrity_check() == "ok"
    with Store.open(tmp_path / "k.db") as store:  # reopening applies nothing twice
        assert store.schema_version == len(MIGRATIONS)


def test_database_from_a_newer_khronika_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path / "k.db").close()
    db = sqlite3.connect(tmp_path / "k.db")
    db.execute("INSERT INTO migrations VALUES (999, 'future', '2100-01-01')")
    db.commit()
    db.close()
    with pytest.raises(SchemaTooNewError, match="newer than this khronika"):
        Store.open(tmp_path / "k.db")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a database at all" * 100, "not a khronika database"), (None, "no database")],
)
def test_unusable_database_file(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "k.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store.open(path, create=False)


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def _write(store: Store, path: str = "/corpus/a.txt", fail: bool = False) -> None:
    analyses = analyse_text(TEXT, name=path)
    source = analyses[0].article.prov
    record = SourceFile(
        id=make_id("s", source.source_sha256),
        path=path,
        sha256=source.source_sha256,
        size=len(TEXT),
        format="txt",
        encoding="utf-8",
    )
    with store.source_transaction(record, path) as writer:
        writer.add_document(analyses)
        if fail:
            raise RuntimeError("killed half way")


def test_a_failed_source_transaction_leaves_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        with pytest.raises(RuntimeError):
            _write(store, fail=True)
        stats = store.stats()
        assert (stats.sources, stats.paths, stats.articles) == (0, 0, 0)
        assert store.integrity_check() == "ok"


def test_articles_round_trip_and_search(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        _write(store)
        [article] = store.articles()
        assert store.article(article.id) == article
        assert article.title == "Dissident poisoned in Vienna"
        assert article.prov.source_path == "/corpus/a.txt"
        assert [a.id for a in store.search_articles("thallium")] == [article.id]
        assert store.search_articles("novichok") == []
        with pytest.raises(NotFoundError):
            store.article("a_0000000000000000")
        with pytest.raises(StoreError, match="bad search query"):
            store.search_articles('"unbalanced')


def test_source_states(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        _write(store)
        [article] = store.articles()
        sha = article.prov.source_sha256
        assert store.source_state("/corpus/a.txt", sha) == "unchanged"
        assert store.source_state("/corpus/a.txt", "0" * 64) == "changed"
        assert store.source_state("/elsewhere/copy.txt", sha) == "same_content"
        assert store.source_state("/elsewhere/new.txt", "0" * 64) == "new"


def test_a_writer_held_up_by_another_gets_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    with Store.open(db) as store:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another khronika ingest, mid-file
        try:
            store._db.execute("PRAGMA busy_timeout = 50")  # not the minute a real run waits
            with pytest.raises(StoreError, match="another khronika process is writing"):
                _write(store)
        finally:
            other.execute("ROLLBACK")
            other.close()
        _write(store)  # once the other writer is done, the write goes in
        assert store.stats().articles == 1


def test_readers_open_read_only_and_never_migrate(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store.open(db) as store:
        _write(store)
    with Store.open(db, read_only=True) as reader:
        assert reader.stats().articles == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader._db.execute("DELETE FROM articles")
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("DELETE FROM migrations WHERE number = ?", (len(MIGRATIONS),))
    raw.close()
    with pytest.raises(StoreError, match="older than this khronika"):
        Store.open(db, read_only=True)
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT max(number) FROM migrations").fetchone()[0] == len(MIGRATIONS) - 1
    raw.close()
    with pytest.raises(StoreError, match="no database here"):
        Store.open(tmp_path / "absent.db", read_only=True)
