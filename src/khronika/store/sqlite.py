"""The store: one SQLite file, the only place in khronika that knows SQL.

WAL journal, foreign keys on, FTS5 over article text, numbered migrations
recorded in the ``migrations`` table. Each source file is written inside one
transaction (:meth:`Store.source_transaction`), so a process killed half way
leaves the file's old state (or nothing) and a rerun completes it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from khronika.dates import agreed_date
from khronika.errors import NotFoundError, SchemaTooNewError, SearchTimeoutError, StoreError
from khronika.link.groups import components
from khronika.model import (
    Article,
    ArticleAnalysis,
    CanonicalEntity,
    Entity,
    Event,
    Incident,
    Link,
    LinkKind,
    Mention,
    Place,
    Provenance,
    Quote,
    ReviewDecision,
    ReviewTarget,
    SourceFile,
    TimeExpression,
    make_id,
)
from khronika.store import links as links_sql
from khronika.store import reviews as review_sql
from khronika.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

SourceState = Literal["new", "unchanged", "same_content", "changed"]

# The path an article's source was last ingested from.
_SOURCE_PATH = """(SELECT p.path FROM source_paths p WHERE p.sha256 = a.source_sha256
        ORDER BY p.ingested_at DESC, p.path LIMIT 1)"""

_ARTICLE_SELECT = f"""
SELECT a.id, a.document, a.locator, a.start, a."end", a.body_start, a.title, a.byline,
       a.published, a.dateline, a.language, a.url, a.text, a.source_sha256,
       {_SOURCE_PATH} AS source_path
FROM articles a
"""


BUSY_TIMEOUT_MS = 60_000
"""How long a writer waits for another one (one file's analysis holds the lock)."""


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Row counts of the main tables."""

    sources: int
    paths: int
    articles: int
    entities: int
    quotes: int
    times: int
    places: int
    events: int
    links: int
    reviews: int
    schema_version: int


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """An entity and how many times its article mentions it."""

    entity: Entity
    mentions: int


class Store:
    """A khronika database. Open with :meth:`open`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, read_only: bool = False) -> Store:
        """Open (and with ``create``, create or upgrade) the database at ``path``.

        With ``read_only`` the file is opened as SQLite ``mode=ro`` and never
        migrated, so readers (listings, exports, the web app without review)
        work on a read-only file and never change one; a database whose
        schema is older than this khronika is then refused with a message.
        """
        if (not create or read_only) and not path.exists():
            raise StoreError(f"{path}: no database here; run 'khronika ingest' first")
        if path.exists() and path.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        if read_only:
            return cls._open_read_only(path)
        try:
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.DatabaseError as err:
            if "not a database" in str(err):
                raise StoreError(f"{path}: not a khronika database or damaged: {err}") from err
            raise StoreError(f"{path}: cannot open the database: {err}") from err
        store = cls(db, path)
        try:
            store._migrate()
        except sqlite3.DatabaseError as err:
            db.close()
            raise StoreError(f"{path}: not a khronika database or damaged: {err}") from err
        except StoreError:
            db.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            store = cls(db, path)
            version = store.schema_version
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: not a khronika database or damaged: {err}") from err
        if version > len(MIGRATIONS):
            db.close()
            raise SchemaTooNewError(
                f"{path}: database schema {version} is newer than this khronika "
                f"(knows {len(MIGRATIONS)}); upgrade khronika"
            )
        if version < len(MIGRATIONS):
            db.close()
            raise StoreError(
                f"{path}: database schema {version} is older than this khronika "
                f"({len(MIGRATIONS)}); run 'khronika ingest' on it once to upgrade it"
            )
        return store

    def close(self) -> None:
        self._db.close()

    def _begin_write(self) -> None:
        """Take the write lock, waiting up to the busy timeout for another writer.

        Two ``khronika ingest`` runs on one database take turns file by file;
        one that cannot get its turn in time stops with a clear error rather
        than a traceback (re-running it later finishes the job).
        """
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                raise StoreError(
                    f"{self.path}: another khronika process is writing this database and did "
                    f"not let go within {BUSY_TIMEOUT_MS // 1000} s; try again when it is done"
                ) from err
            raise StoreError(f"{self.path}: cannot write: {err}") from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT coalesce(max(number), 0) FROM migrations").fetchone()
        return int(row[0])

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations ("
            " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise SchemaTooNewError(
                f"{self.path}: database schema {current} is newer than this khronika "
                f"understands ({len(MIGRATIONS)}); upgrade khronika"
            )
        for number, (name, sql) in enumerate(MIGRATIONS, start=1):
            if number <= current:
                continue
            log.info("applying migration %d: %s", number, name)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (number, name, _now()))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- writing ---------------------------------------------------------

    def source_state(self, path: str, sha256: str) -> SourceState:
        """How a file at ``path`` with content ``sha256`` relates to what is stored."""
        row = self._db.execute("SELECT sha256 FROM source_paths WHERE path = ?", (path,)).fetchone()
        if row is not None:
            return "unchanged" if row["sha256"] == sha256 else "changed"
        known = self._db.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
        return "same_content" if known else "new"

    @contextmanager
    def source_transaction(self, source: SourceFile, path: str) -> Iterator[SourceWriter]:
        """Replace whatever ``path`` held by ``source``, atomically.

        Everything written through the yielded writer commits together when
        the block ends, or not at all if it raises (or the process dies).
        """
        self._begin_write()
        try:
            self._forget_path(path)
            known = self._db.execute(
                "SELECT 1 FROM sources WHERE sha256 = ?", (source.sha256,)
            ).fetchone()
            writer = SourceWriter(self._db, source, fresh=known is None)
            if known is None:
                self._db.execute(
                    "INSERT INTO sources VALUES (?, ?, ?, ?, ?, 0)",
                    (source.sha256, source.id, source.format, source.encoding, source.size),
                )
            self._db.execute(
                "INSERT INTO source_paths VALUES (?, ?, ?)", (path, source.sha256, _now())
            )
            yield writer
            if writer.fresh:
                self._db.execute(
                    "UPDATE sources SET documents = ? WHERE sha256 = ?",
                    (writer.documents, source.sha256),
                )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _forget_path(self, path: str) -> None:
        row = self._db.execute("SELECT sha256 FROM source_paths WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        self._db.execute("DELETE FROM source_paths WHERE path = ?", (path,))
        others = self._db.execute(
            "SELECT 1 FROM source_paths WHERE sha256 = ?", (row["sha256"],)
        ).fetchone()
        if others is None:
            self._db.execute("DELETE FROM sources WHERE sha256 = ?", (row["sha256"],))

    # -- reading ---------------------------------------------------------

    def articles(self) -> list[Article]:
        """All articles, in source and document order."""
        rows = self._db.execute(
            _ARTICLE_SELECT + " ORDER BY source_path, a.document, a.start"
        ).fetchall()
        return [_article(row) for row in rows]

    def article(self, article_id: str) -> Article:
        """One article by id; :class:`NotFoundError` if there is none."""
        row = self._db.execute(_ARTICLE_SELECT + " WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}; see 'khronika articles'")
        return _article(row)

    def source_paths(self) -> dict[str, str]:
        """Every stored path and the content hash it holds."""
        rows = self._db.execute("SELECT path, sha256 FROM source_paths ORDER BY path")
        return {row["path"]: row["sha256"] for row in rows}

    def analyses(self, source_sha256: str) -> list[ArticleAnalysis]:
        """Every article of one source with everything extracted from it, in order."""
        rows = self._db.execute(
            _ARTICLE_SELECT + " WHERE a.source_sha256 = ? ORDER BY a.document, a.start",
            (source_sha256,),
        ).fetchall()
        return [self._analysis(_article(row)) for row in rows]

    def _analysis(self, article: Article) -> ArticleAnalysis:
        def rows(table: str) -> list[sqlite3.Row]:
            # table names come from this module, never from input
            query = f'SELECT * FROM {table} WHERE article_id = ? ORDER BY start, "end", id'
            return self._db.execute(query, (article.id,)).fetchall()

        def prov(row: sqlite3.Row) -> Provenance:
            return replace(article.prov, start=row["start"], end=row["end"])

        return ArticleAnalysis(
            article=article,
            entities=tuple(_entity(r, prov(r)) for r in rows("entities")),
            mentions=tuple(
                Mention(r["id"], prov(r), r["entity_id"], r["text"], r["label"])
                for r in rows("mentions")
            ),
            quotes=tuple(_quote(r, prov(r)) for r in rows("quotes")),
            times=tuple(
                TimeExpression(r["id"], prov(r), r["text"], r["value"], r["kind"])
                for r in rows("times")
            ),
            places=tuple(
                Place(r["id"], prov(r), r["name"], r["geonames_id"], r["latitude"],
                      r["longitude"], r["country"], r["historical_country"], r["precision"],
                      r["description"])
                for r in rows("places")
            ),
            events=tuple(_event(r, prov(r)) for r in rows("events")),
        )  # fmt: skip

    def _records(
        self, table: str, extra: str = "", where: str = "", params: Sequence[object] = ()
    ) -> list[sqlite3.Row]:
        # table names and clauses come from this module, never from input
        query = (
            f"SELECT r.*, a.source_sha256, a.document, {_SOURCE_PATH} AS source_path{extra}"
            f" FROM {table} r JOIN articles a ON a.id = r.article_id"
            + (f" WHERE {where}" if where else "")
            + ' ORDER BY source_path, a.document, r.start, r."end", r.id'
        )
        return self._db.execute(query, params).fetchall()

    def entities(self) -> list[EntitySummary]:
        """Every entity of every article, in source order, with its mention count."""
        count = ", (SELECT count(*) FROM mentions m WHERE m.entity_id = r.id) AS mention_count"
        return [
            EntitySummary(_entity(row, _prov(row)), row["mention_count"])
            for row in self._records("entities", count)
        ]

    def events(self) -> list[Event]:
        """Every event of every article, in source order."""
        return [_event(row, _prov(row)) for row in self._records("events")]

    def quotes(self) -> list[Quote]:
        """Every quote of every article, in source order."""
        return [_quote(row, _prov(row)) for row in self._records("quotes")]

    def analysis(self, article_id: str) -> ArticleAnalysis:
        """One article with everything extracted from it."""
        return self._analysis(self.article(article_id))

    def event(self, event_id: str) -> Event:
        """One event by id; :class:`NotFoundError` if there is none."""
        rows = self._records("events", "", "r.id = ?", (event_id,))
        if not rows:
            raise NotFoundError(f"no event with id {event_id!r}; see 'khronika events'")
        return _event(rows[0], _prov(rows[0]))

    # -- cross-article links ---------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._begin_write()
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def unsigned_article_ids(self) -> list[str]:
        """Articles not yet in the near-duplicate index."""
        return links_sql.unsigned_article_ids(self._db)

    def add_signatures(self, rows: Iterable[tuple[str, bytes, Sequence[int]]]) -> None:
        """Add (article id, MinHash signature, band buckets) rows to the index."""
        with self._transaction():
            links_sql.add_signatures(self._db, rows)

    def signatures(self, article_ids: Collection[str]) -> dict[str, bytes]:
        return links_sql.signatures(self._db, article_ids)

    def duplicate_candidates(self, article_ids: Collection[str]) -> set[tuple[str, str]]:
        """Article pairs sharing an LSH bucket with one of ``article_ids``."""
        return links_sql.candidate_pairs(self._db, article_ids)

    def links(self, kind: LinkKind | None = None) -> list[Link]:
        """Cross-article links of one kind, or all of them."""
        return links_sql.read_links(self._db, kind)

    def add_duplicate_links(self, links: Iterable[Link]) -> None:
        """Add duplicate links and drop those whose articles are gone, atomically."""
        with self._transaction():
            links_sql.prune_duplicate_links(self._db)
            links_sql.add_links(self._db, links)

    def replace_links(self, kinds: Collection[LinkKind], links: Iterable[Link]) -> None:
        """Replace every link of ``kinds`` by ``links``, atomically."""
        with self._transaction():
            links_sql.delete_links(self._db, kinds)
            links_sql.add_links(self._db, links)

    def incidents(self) -> list[Incident]:
        """Events told by two or more articles, grouped by ``same_event`` links."""
        events = {event.id: event for event in self.events()}
        pairs = [
            (link.left, link.right)
            for link in self.links("same_event")
            if link.left in events and link.right in events
        ]
        order = {event_id: i for i, event_id in enumerate(events)}
        found = []
        for group in components((), pairs):
            members = sorted(group, key=order.__getitem__)
            reports = [events[m] for m in members]
            found.append(
                Incident(
                    id=make_id("i", "", min(members)),
                    events=tuple(members),
                    type=Counter(e.type for e in reports).most_common(1)[0][0],
                    date=agreed_date([e.date for e in reports if e.date]),
                )
            )
        return sorted(found, key=lambda incident: order[incident.events[0]])

    def canonical_entities(self) -> list[CanonicalEntity]:
        """Every entity of the store grouped into real-world entities.

        Groups come from ``same_entity`` links, then reviewers' decisions in
        the order made: a merge joins two groups; a split takes the entity
        out of its group (its links are ignored from then on).
        """
        summaries = self.entities()
        pairs = {(link.left, link.right) for link in self.links("same_entity")}
        for entity_id, decision, fields in links_sql.entity_reviews(self._db):
            other = fields.get("with") or fields.get("from")
            if decision == "merge" and other:
                pairs.add((entity_id, other))
            elif decision == "split":
                pairs = {p for p in pairs if entity_id not in p}
        by_id = {s.entity.id: s for s in summaries}
        groups = components(by_id, ((a, b) for a, b in pairs if a in by_id and b in by_id))
        return [_canonical([by_id[m] for m in group]) for group in groups]

    def canonical_entity(self, entity_id: str) -> CanonicalEntity:
        """The real-world entity an entity id (or canonical id) belongs to."""
        for canonical in self.canonical_entities():
            if entity_id in canonical.members:
                return canonical
        raise NotFoundError(f"no entity with id {entity_id!r}; see 'khronika entities'")

    def search_articles(
        self, query: str, limit: int = 50, *, seconds: float | None = None
    ) -> list[Article]:
        """Articles matching an FTS5 query, best first.

        With ``seconds``, SQLite's progress handler interrupts the query once
        that much time has passed (:class:`SearchTimeoutError`), so one
        pathological query cannot hold a server's CPU.
        """
        deadline = None if seconds is None else time.monotonic() + seconds
        if deadline is not None:
            self._db.set_progress_handler(lambda: int(time.monotonic() > deadline), 1_000)
        try:
            rows = self._db.execute(
                _ARTICLE_SELECT
                + " JOIN articles_fts f ON f.rowid = a.rowid WHERE articles_fts MATCH ?"
                " ORDER BY f.rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as err:
            if deadline is not None and time.monotonic() > deadline:
                raise SearchTimeoutError(
                    f"the search took longer than {seconds:g} s and was stopped; "
                    "use fewer or more specific terms"
                ) from err
            raise StoreError(f"bad search query {query!r}: {err}") from err
        finally:
            if deadline is not None:
                self._db.set_progress_handler(None, 0)
        return [_article(row) for row in rows]

    # -- review decisions (SQL in khronika.store.reviews) -----------------

    def add_review(self, decision: ReviewDecision) -> None:
        """Store one review decision (one statement, so atomic on its own)."""
        review_sql.add_review(self._db, decision)

    def reviews(
        self, target: ReviewTarget | None = None, target_id: str | None = None
    ) -> list[ReviewDecision]:
        """Review decisions, oldest first, of one target kind and/or one record."""
        return review_sql.reviews(self._db, target, target_id)

    def review_target_exists(self, target: ReviewTarget, target_id: str) -> bool:
        """Whether the event, entity or contradiction link ``target_id`` is stored."""
        return review_sql.target_exists(self._db, target, target_id)

    def stats(self) -> StoreStats:
        def count(table: str) -> int:
            # table names come from this module, never from input
            return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return StoreStats(
            sources=count("sources"),
            paths=count("source_paths"),
            articles=count("articles"),
            entities=count("entities"),
            quotes=count("quotes"),
            times=count("times"),
            places=count("places"),
            events=count("events"),
            links=count("links"),
            reviews=count("reviews"),
            schema_version=self.schema_version,
        )

    def integrity_check(self) -> str:
        """SQLite's own integrity check plus the foreign-key check; ``"ok"`` if sound."""
        result = self._db.execute("PRAGMA integrity_check").fetchone()[0]
        broken = self._db.execute("PRAGMA foreign_key_check").fetchall()
        return str(result) if not broken else f"{len(broken)} broken foreign keys"


class SourceWriter:
    """Writes one source's analyses inside :meth:`Store.source_transaction`.

    If the same content was already stored under another path (``fresh`` is
    false) the records are there already and writes are skipped.
    """

    def __init__(self, db: sqlite3.Connection, source: SourceFile, *, fresh: bool) -> None:
        self._db = db
        self._source = source
        self.fresh = fresh
        self.documents = 0
        self.articles = 0

    def add_document(self, analyses: list[ArticleAnalysis]) -> None:
        """Write the analyses of one document of the source."""
        self.documents += 1
        if not self.fresh:
            return
        for analysis in analyses:
            self._add(analysis)
            self.articles += 1

    def _add(self, analysis: ArticleAnalysis) -> None:
        a = analysis.article
        db = self._db
        db.execute(
            "INSERT INTO articles (id, source_sha256, document, locator, start, \"end\","
            " body_start, title, byline, published, dateline, language, url, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.prov.source_sha256, a.prov.document, a.locator, a.start, a.end,
             a.body_start, a.title, a.byline, a.published, a.dateline, a.language, a.url,
             a.text),
        )  # fmt: skip
        db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(e.id, a.id, e.prov.start, e.prov.end, e.name, e.type, _json(e.aliases))
             for e in analysis.entities],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.id, a.id, m.prov.start, m.prov.end, m.entity_id, m.text, m.label)
             for m in analysis.mentions],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(q.id, a.id, q.prov.start, q.prov.end, q.text, q.speaker_id, q.speaker, q.cue,
              int(q.speaker_confident), int(q.unclosed)) for q in analysis.quotes],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(t.id, a.id, t.prov.start, t.prov.end, t.text, t.value, t.kind)
             for t in analysis.times],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.id, a.id, p.prov.start, p.prov.end, p.name, p.geonames_id, p.latitude,
              p.longitude, p.country, p.historical_country, p.precision, p.description)
             for p in analysis.places],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, a.id, e.prov.start, e.prov.end, e.type, e.evidence, _json(e.mode),
              _json(e.context), _json(e.actors), _json(e.recipients), e.date, e.location,
              e.country, _json(e.instrument), e.outcome, e.fatalities, e.status, e.source,
              _json(e.mentions)) for e in analysis.events],
        )  # fmt: skip


def _article(row: sqlite3.Row) -> Article:
    prov = Provenance(
        source_path=row["source_path"] or "",
        source_sha256=row["source_sha256"],
        document=row["document"],
        article_id=row["id"],
        start=row["start"],
        end=row["end"],
    )
    return Article(
        id=row["id"],
        prov=prov,
        locator=row["locator"],
        body_start=row["body_start"],
        text=row["text"],
        title=row["title"],
        byline=row["byline"],
        published=row["published"],
        dateline=row["dateline"],
        language=row["language"],
        url=row["url"],
    )


def _prov(row: sqlite3.Row) -> Provenance:
    """Provenance of a record row joined with its article (see ``Store._records``)."""
    return Provenance(
        source_path=row["source_path"] or "",
        source_sha256=row["source_sha256"],
        document=row["document"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
    )


def _entity(row: sqlite3.Row, prov: Provenance) -> Entity:
    aliases = tuple(json.loads(row["aliases"]))
    return Entity(row["id"], prov, row["name"], row["type"], aliases)


def _quote(row: sqlite3.Row, prov: Provenance) -> Quote:
    return Quote(
        id=row["id"],
        prov=prov,
        text=row["text"],
        speaker_id=row["speaker_id"],
        speaker=row["speaker"],
        cue=row["cue"],
        speaker_confident=bool(row["speaker_confident"]),
        unclosed=bool(row["unclosed"]),
    )


def _event(row: sqlite3.Row, prov: Provenance) -> Event:
    def strings(column: str) -> tuple[str, ...]:
        return tuple(json.loads(row[column]))

    return Event(
        id=row["id"],
        prov=prov,
        type=row["type"],
        evidence=row["evidence"],
        mode=strings("mode"),
        context=strings("context"),
        actors=strings("actors"),
        recipients=strings("recipients"),
        date=row["date"],
        location=row["location"],
        country=row["country"],
        instrument=strings("instrument"),
        outcome=row["outcome"],
        fatalities=row["fatalities"],
        status=row["status"],
        source=row["source"],
        mentions=tuple((int(a), int(b)) for a, b in json.loads(row["mentions"])),
    )


def _canonical(members: list[EntitySummary]) -> CanonicalEntity:
    """One real-world entity from its per-article entities: the most used full name wins."""
    names = Counter(s.entity.name for s in members for _ in range(max(s.mentions, 1)))
    name = max(names, key=lambda n: (names[n], len(n), n))
    types = Counter(s.entity.type for s in members)
    aliases = {n for s in members for n in (s.entity.name, *s.entity.aliases)} - {name}
    return CanonicalEntity(
        id=min(s.entity.id for s in members),
        name=name,
        type=types.most_common(1)[0][0],
        members=tuple(s.entity.id for s in members),
        aliases=tuple(sorted(aliases)),
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
