"""SQL for the ``reviews`` table: review decisions, kept across re-ingests.

The table has no foreign key to the records it judges, so a re-ingest that
deletes and recreates an event under its deterministic id finds its
decisions again. :class:`~khronika.store.Store` exposes these functions as
methods; nothing else reads or writes the table.

The values of :attr:`ReviewDecision.fields` and ``previous`` are JSON texts
(``'"1978-09"'``, ``'["KGB"]'``, ``'3'``, ``'null'``), as
:mod:`khronika.review` writes them. The table keeps them decoded, as one
JSON object per column, so that it reads plainly in Datasette.
"""

from __future__ import annotations

import json
import sqlite3

from khronika.errors import StoreError
from khronika.model import ReviewDecision, ReviewTarget

# Which table holds the records each review target names, and the extra
# condition a row must meet. Names come from this module, never from input.
_TARGET_TABLES: dict[str, tuple[str, str]] = {
    "event": ("events", ""),
    "entity": ("entities", ""),
    "contradiction": ("links", " AND kind = 'contradiction'"),
}


def add_review(db: sqlite3.Connection, decision: ReviewDecision) -> None:
    """Store one decision; storing the very same decision twice changes nothing."""
    try:
        fields = _encode(decision.fields)
        previous = _encode(decision.previous)
    except ValueError as err:
        raise StoreError(
            f"review {decision.id}: field values must be JSON texts (see khronika.review): {err}"
        ) from err
    db.execute(
        "INSERT OR IGNORE INTO reviews (id, target, target_id, decision, reviewer, at,"
        " fields, previous) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (decision.id, decision.target, decision.target_id, decision.decision,
         decision.reviewer, decision.at, fields, previous),
    )  # fmt: skip


def reviews(
    db: sqlite3.Connection, target: ReviewTarget | None = None, target_id: str | None = None
) -> list[ReviewDecision]:
    """Decisions, oldest first (by time, then by the order they were stored)."""
    where: list[str] = []
    params: list[str] = []
    if target is not None:
        where.append("target = ?")
        params.append(target)
    if target_id is not None:
        where.append("target_id = ?")
        params.append(target_id)
    query = "SELECT * FROM reviews"
    if where:
        query += " WHERE " + " AND ".join(where)
    rows = db.execute(query + " ORDER BY at, rowid", params).fetchall()
    return [_decision(row) for row in rows]


def target_exists(db: sqlite3.Connection, target: ReviewTarget, target_id: str) -> bool:
    """Whether the record a decision would judge is stored now."""
    table, condition = _TARGET_TABLES[target]
    # table and condition come from _TARGET_TABLES, never from input
    query = f"SELECT 1 FROM {table} WHERE id = ?{condition}"
    return db.execute(query, (target_id,)).fetchone() is not None


def _encode(pairs: tuple[tuple[str, str], ...]) -> str:
    return json.dumps({name: json.loads(text) for name, text in pairs}, ensure_ascii=False)


def _decode(column: str) -> tuple[tuple[str, str], ...]:
    values: dict[str, object] = json.loads(column)
    return tuple((name, json.dumps(value, ensure_ascii=False)) for name, value in values.items())


def _decision(row: sqlite3.Row) -> ReviewDecision:
    return ReviewDecision(
        id=row["id"],
        target=row["target"],
        target_id=row["target_id"],
        decision=row["decision"],
        reviewer=row["reviewer"],
        at=row["at"],
        fields=_decode(row["fields"]),
        previous=_decode(row["previous"]),
    )
