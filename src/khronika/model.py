"""The data model, declared once.

Every record is a frozen dataclass. Every record that states a fact carries
its :class:`Provenance` (which source file, which document inside it, which
article, which characters) and a deterministic id built by :func:`make_id`
from the source's content hash and the character span, so that ingesting the
same file twice yields the same ids.

Dates are ISO prefixes whose length is their precision: ``"1978"``,
``"1978-09"``, ``"1978-09-07"``; a decade is written with three digits
(``"195"`` for the 1950s), as in TimeML.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FACILITY", "WEAPON", "SUBSTANCE"]
EventStatus = Literal[
    "asserted",
    "attributed",
    "suspected",
    "disputed",
    "denied",
    "hypothetical",
    "future",
    "negated",
]
Outcome = Literal["killed", "injured", "survived", "unknown"]
PlacePrecision = Literal["point", "city", "region", "country"]
LinkKind = Literal["duplicate", "same_event", "same_entity", "contradiction", "refinement"]
ReviewTarget = Literal["event", "entity", "contradiction"]
Decision = Literal["accept", "reject", "correct", "merge", "split", "resolve"]
SourceFormat = Literal["txt", "html", "jsonl", "json", "csv", "warc"]


def make_id(kind: str, source_sha256: str, *parts: object) -> str:
    """A deterministic id: ``kind`` prefix plus a hash of the source and span.

    >>> make_id("a", "ab" * 32, 0, 10, 200)
    'a_b8c0277898fd24e8'
    """
    key = "\x1f".join([kind, source_sha256, *(str(p) for p in parts)])
    return f"{kind}_{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact comes from.

    ``start`` and ``end`` are character offsets into the text of document
    number ``document`` of the source file, as read (after decoding, before
    any cleaning). A plain text or HTML file has one document (number 0); a
    feed (JSON lines, CSV, WARC) has one per record.
    """

    source_path: str
    source_sha256: str
    document: int
    article_id: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One input file as ingested."""

    id: str
    path: str
    sha256: str
    size: int
    format: SourceFormat
    encoding: str | None


@dataclass(frozen=True, slots=True)
class DocumentHints:
    """Metadata a reader found outside the text (HTML meta tags, feed fields)."""

    title: str | None = None
    published: str | None = None
    byline: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One text read from a source file, before splitting into articles.

    ``locator`` says where in the file it was found (``"line 12"``, a WARC
    record's URI); ``one_article`` is true for feed records, which hold one
    story each and are cleaned but not split.
    """

    index: int
    locator: str
    text: str
    hints: DocumentHints = field(default_factory=DocumentHints)
    one_article: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """One story.

    ``text`` is ``document_text[start:end]`` with site furniture (menus,
    photo credits, kickers) replaced by spaces, so an offset into ``text``
    plus ``start`` is an offset into the document as read. The header
    (title, byline and date lines) comes first; ``body_start`` is where the
    body begins, as an offset into the document. ``locator`` repeats the
    document's locator.
    """

    id: str
    prov: Provenance
    body_start: int
    text: str
    title: str | None
    byline: str | None
    published: str | None
    dateline: str | None
    language: str | None
    url: str | None
    locator: str = ""

    @property
    def start(self) -> int:
        return self.prov.start

    @property
    def end(self) -> int:
        return self.prov.end

    @property
    def body(self) -> str:
        """The body text, offsets relative to ``body_start``."""
        return self.text[self.body_start - self.prov.start :]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in an article where an entity is named."""

    id: str
    prov: Provenance
    entity_id: str
    text: str
    label: EntityType


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place, weapon or substance within one article.

    ``name`` is the canonical (fullest) form; ``aliases`` every other form
    used. Cross-article identity is a :class:`Link` of kind ``same_entity``.
    """

    id: str
    prov: Provenance
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation; ``prov`` spans the quoted words."""

    id: str
    prov: Provenance
    text: str
    speaker_id: str | None
    speaker: str | None
    cue: str | None
    speaker_confident: bool
    unclosed: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression and its TIMEX3-style value (``None`` if unknown)."""

    id: str
    prov: Provenance
    text: str
    value: str | None
    kind: Literal["date", "duration", "set", "vague"]


@dataclass(frozen=True, slots=True)
class Place:
    """A place name resolved (or not) against the gazetteer."""

    id: str
    prov: Provenance
    name: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country: str | None
    historical_country: str | None
    precision: PlacePrecision | None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event in the PLOVER ontology with the fields reporters need.

    ``prov`` spans the evidence (the shortest clause or sentence that states
    it); ``mentions`` lists the trigger words ("poisoned", "the kidnapping")
    of every mention of the same event in the article, as (start, end)
    offsets into the document.
    """

    id: str
    prov: Provenance
    type: str
    evidence: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    date: str | None = None
    location: str | None = None
    country: str | None = None
    instrument: tuple[str, ...] = ()
    outcome: Outcome | None = None
    fatalities: int | None = None
    status: EventStatus = "asserted"
    source: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A fact across articles: two records and what joins them."""

    id: str
    kind: LinkKind
    left: str
    right: str
    score: float | None = None
    field: str | None = None
    values: tuple[str, str] | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world event told by one or more articles.

    The events are those joined by ``same_event`` links, in source order;
    ``type`` and ``date`` are the most precise the reports agree on.
    """

    id: str
    events: tuple[str, ...]
    type: str
    date: str | None = None


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    """One real-world person, organisation or place across the whole store.

    ``members`` are the per-article entity ids joined by ``same_entity``
    links (each link keeps the evidence for the merge); ``id`` is the
    smallest member id, so it is stable while the group stands.
    """

    id: str
    name: str
    type: EntityType
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """A person's decision on an extracted record; kept across re-ingests."""

    id: str
    target: ReviewTarget
    target_id: str
    decision: Decision
    reviewer: str
    at: str
    fields: tuple[tuple[str, str], ...] = ()
    previous: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything extracted from one article: the output of per-article analysis."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
