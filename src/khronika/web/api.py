"""The JSON API under ``/api/``: the data of the pages, described by ``/openapi.json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from khronika.model import Article, ArticleAnalysis, CanonicalEntity, Event, Mention, Quote
from khronika.review import EntityReview, ReviewedEvent, entity_reviews, reviewed_events
from khronika.store import Store
from khronika.web import crossviews
from khronika.web.crossviews import ContradictionView, IncidentView, PassageRow
from khronika.web.deps import open_store
from khronika.web.pages import event_filter, filtered, search_or_refuse
from khronika.web.queries import Cooccurrence, EventFilter, entity_page


class Problem(BaseModel):
    """Why a request was refused."""

    detail: str


router = APIRouter(
    prefix="/api",
    tags=["data"],
    responses={404: {"model": Problem, "description": "no record with this id"}},
)
StoreDep = Annotated[Store, Depends(open_store)]


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article without its text."""

    id: str
    title: str | None
    published: str | None
    byline: str | None
    source: str
    url: str | None

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        return cls(
            article.id,
            article.title,
            article.published,
            article.byline,
            article.prov.source_path,
            article.url,
        )


@dataclass(frozen=True, slots=True)
class SearchOut:
    query: str
    articles: list[ArticleRef]
    quotes: list[Quote]
    events: list[Event]


@dataclass(frozen=True, slots=True)
class EntityOut:
    entity: CanonicalEntity
    mentions: list[Mention]
    as_actor: list[Event]
    as_recipient: list[Event]
    quotes: list[Quote]
    cooccurring: list[Cooccurrence]
    articles: list[ArticleRef]
    reviews: list[EntityReview]


@dataclass(frozen=True, slots=True)
class DuplicateOut:
    id: str
    score: float | None
    left: ArticleRef | None
    right: ArticleRef | None
    passages: list[PassageRow]


@router.get(
    "/search",
    response_model=SearchOut,
    responses={
        400: {"model": Problem, "description": "a query too long, with too many terms, or "
              "not FTS5 syntax"},
        503: {"model": Problem, "description": "the query ran past its time limit"},
    },
)  # fmt: skip
def api_search(store: StoreDep, q: str = "") -> SearchOut:
    """Articles by FTS5 query (best first), and quotes and events containing its words.

    A query over 500 characters or 32 terms gets 400; one that runs past its
    time limit is stopped and gets 503.
    """
    found = search_or_refuse(store, q)
    return SearchOut(
        found.query, [ArticleRef.of(a) for a in found.articles], found.quotes, found.events
    )


@router.get("/events", response_model=list[ReviewedEvent])
def api_events(
    store: StoreDep,
    wanted: Annotated[EventFilter, Depends(event_filter)],
    state: str = "",
) -> list[ReviewedEvent]:
    """Events as reviewed (corrections applied, review state and history), filtered.

    ``since`` and ``until`` are ISO date prefixes; an event is kept when the
    stretch of time its date covers overlaps them. ``actor`` and
    ``recipient`` match part of a name; the others match whole values.
    """
    return filtered(store, wanted, state)[1]


@router.get("/articles", response_model=list[ArticleRef])
def api_articles(store: StoreDep) -> list[ArticleRef]:
    """Every article, without its text."""
    return [ArticleRef.of(a) for a in store.articles()]


@router.get("/articles/{article_id}", response_model=ArticleAnalysis)
def api_article(store: StoreDep, article_id: str) -> ArticleAnalysis:
    """One article with everything extracted from it (offsets into the source document)."""
    return store.analysis(article_id)


@router.get("/entities", response_model=list[CanonicalEntity])
def api_entities(store: StoreDep) -> list[CanonicalEntity]:
    """Every real-world entity: per-article entities grouped across articles."""
    return store.canonical_entities()


@router.get("/entities/{entity_id}", response_model=EntityOut)
def api_entity(store: StoreDep, entity_id: str) -> EntityOut:
    """One real-world entity (by any member id) with mentions, events, quotes, neighbours."""
    events = [r.event for r in reviewed_events(store) if r.state != "rejected"]
    page = entity_page(store, entity_id, events)
    decisions = entity_reviews(store)
    return EntityOut(
        page.entity,
        page.mentions,
        page.as_actor,
        page.as_recipient,
        page.quotes,
        page.cooccurring,
        [ArticleRef.of(a) for a in page.articles.values()],
        [decisions[m] for m in page.entity.members if m in decisions],
    )


@router.get("/incidents", response_model=list[IncidentView])
def api_incidents(store: StoreDep) -> list[IncidentView]:
    """Incidents: events told by several articles, with every report."""
    return crossviews.incidents(store)


@router.get("/contradictions", response_model=list[ContradictionView])
def api_contradictions(store: StoreDep) -> list[ContradictionView]:
    """Where two reports of one incident disagree, with both reports and any resolution."""
    return crossviews.contradictions(store)


@router.get("/duplicates", response_model=list[DuplicateOut])
def api_duplicates(store: StoreDep) -> list[DuplicateOut]:
    """Republished or edited copies, with their passages aligned."""
    return [
        DuplicateOut(
            view.link.id,
            view.link.score,
            ArticleRef.of(view.left) if view.left else None,
            ArticleRef.of(view.right) if view.right else None,
            view.passages,
        )
        for view in crossviews.duplicates(store)
    ]
