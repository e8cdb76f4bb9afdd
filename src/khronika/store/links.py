"""SQL for cross-article links and the near-duplicate (LSH) index.

Functions here take the store's connection and run inside whatever
transaction the :class:`~khronika.store.Store` opened; they know SQL and
nothing about how links are decided.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence

from khronika.model import Link, LinkKind

# Candidate lookups join on article ids in chunks; SQLite's limit on bound
# parameters is 32766 in recent versions, far above this.
_CHUNK = 500


def unsigned_article_ids(db: sqlite3.Connection) -> list[str]:
    """Articles that have no MinHash signature yet, in insertion order."""
    rows = db.execute(
        "SELECT a.id FROM articles a LEFT JOIN signatures s ON s.article_id = a.id"
        " WHERE s.article_id IS NULL ORDER BY a.rowid"
    )
    return [row[0] for row in rows]


def add_signatures(
    db: sqlite3.Connection, rows: Iterable[tuple[str, bytes, Sequence[int]]]
) -> None:
    """Store each article's signature and its band buckets."""
    for article_id, signature, buckets in rows:
        db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, signature))
        db.execute("DELETE FROM lsh_buckets WHERE article_id = ?", (article_id,))
        db.executemany(
            "INSERT OR IGNORE INTO lsh_buckets VALUES (?, ?, ?)",
            [(band, bucket, article_id) for band, bucket in enumerate(buckets)],
        )


def signatures(db: sqlite3.Connection, article_ids: Collection[str]) -> dict[str, bytes]:
    """The stored signatures of the given articles."""
    found: dict[str, bytes] = {}
    ids = list(article_ids)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT article_id, signature FROM signatures WHERE article_id IN ({marks})"
        found.update({row[0]: bytes(row[1]) for row in db.execute(query, chunk)})
    return found


def candidate_pairs(db: sqlite3.Connection, article_ids: Collection[str]) -> set[tuple[str, str]]:
    """Pairs (smaller id first) sharing at least one LSH bucket with one of ``article_ids``."""
    pairs: set[tuple[str, str]] = set()
    ids = list(article_ids)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            "SELECT DISTINCT n.article_id, o.article_id FROM lsh_buckets n"
            " JOIN lsh_buckets o ON o.band = n.band AND o.bucket = n.bucket"
            f" AND o.article_id != n.article_id WHERE n.article_id IN ({marks})",
            chunk,
        )
        for left, right in rows:
            pairs.add((left, right) if left < right else (right, left))
    return pairs


def read_links(db: sqlite3.Connection, kind: LinkKind | None = None) -> list[Link]:
    """Links of one kind (or all), in a stable order."""
    query = 'SELECT * FROM links{} ORDER BY kind, "left", "right", field, id'
    rows = (
        db.execute(query.format(" WHERE kind = ?"), (kind,))
        if kind
        else db.execute(query.format(""))
    )
    return [_link(row) for row in rows]


def add_links(db: sqlite3.Connection, links: Iterable[Link]) -> None:
    """Insert links, replacing any with the same id."""
    db.executemany(
        "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (link.id, link.kind, link.left, link.right, link.score, link.field,
             json.dumps(list(link.values), ensure_ascii=False) if link.values else None,
             link.reason)
            for link in links
        ],
    )  # fmt: skip


def delete_links(db: sqlite3.Connection, kinds: Collection[LinkKind]) -> None:
    """Remove every link of the given kinds."""
    for kind in kinds:
        db.execute("DELETE FROM links WHERE kind = ?", (kind,))


def prune_duplicate_links(db: sqlite3.Connection) -> None:
    """Drop duplicate links whose articles are gone (a changed or removed file)."""
    db.execute(
        "DELETE FROM links WHERE kind = 'duplicate' AND ("
        ' "left" NOT IN (SELECT id FROM articles) OR "right" NOT IN (SELECT id FROM articles))'
    )


def entity_reviews(db: sqlite3.Connection) -> list[tuple[str, str, dict[str, str]]]:
    """Merge and split decisions on entities, oldest first: (entity id, decision, fields)."""
    rows = db.execute(
        "SELECT target_id, decision, fields FROM reviews WHERE target = 'entity'"
        " AND decision IN ('merge', 'split') ORDER BY at, id"
    )
    return [(row[0], row[1], _fields(row[2])) for row in rows]


def _fields(raw: str) -> dict[str, str]:
    value = json.loads(raw)
    pairs = value.items() if isinstance(value, dict) else value
    return {str(k): str(v) for k, v in pairs}


def _link(row: sqlite3.Row) -> Link:
    values = json.loads(row["values"]) if row["values"] else None
    return Link(
        id=row["id"],
        kind=row["kind"],
        left=row["left"],
        right=row["right"],
        score=row["score"],
        field=row["field"],
        values=(str(values[0]), str(values[1])) if values else None,
        reason=row["reason"],
    )
