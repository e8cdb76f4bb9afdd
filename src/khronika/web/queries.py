"""What the pages and the API ask of the store, assembled from its public methods.

The store owns SQL; this module filters and joins its records in Python
for the web application: event filters, search over quotes and events
beside the articles' full-text search, and everything an entity page shows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from khronika.errors import InputError
from khronika.model import Article, CanonicalEntity, Event, Mention, Quote
from khronika.store import Store
from khronika.web.periods import period

_WORD = re.compile(r"\w+", re.UNICODE)
# FTS5 words that are operators, not words to look for in quotes and events
_OPERATORS = {"and", "or", "not", "near"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of the events table; empty strings and ``None`` mean "any"."""

    type: str = ""
    mode: str = ""
    status: str = ""
    since: str = ""
    until: str = ""
    country: str = ""
    actor: str = ""
    recipient: str = ""

    def active(self) -> bool:
        return any(getattr(self, name) for name in self.__slots__)

    def keeps(self, event: Event) -> bool:
        """Whether ``event`` passes every filter that is set."""
        return (
            _same(self.type, event.type)
            and (not self.mode or any(_same(self.mode, m) for m in event.mode))
            and _same(self.status, event.status)
            and _same(self.country, event.country or "")
            and _names_match(self.actor, event.actors)
            and _names_match(self.recipient, event.recipients)
            and _in_range(event.date, self.since, self.until)
        )


def filter_events(events: list[Event], wanted: EventFilter) -> list[Event]:
    return [event for event in events if wanted.keeps(event)]


def _same(wanted: str, value: str) -> bool:
    return not wanted or wanted.casefold() == value.casefold()


def _names_match(wanted: str, names: tuple[str, ...]) -> bool:
    folded = wanted.casefold().strip()
    return not folded or any(folded in name.casefold() for name in names)


def _in_range(value: str | None, since: str, until: str) -> bool:
    """An event is in range when the stretch its date covers overlaps the asked one."""
    if not since and not until:
        return True
    stretch = period(value)
    if stretch is None:
        return False
    low, high = period(since), period(until)
    return (low is None or stretch.end > low.start) and (high is None or stretch.start < high.end)


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Articles found by full-text search, and quotes and events containing the words."""

    query: str
    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


#: Bounds on one search: a query is refused above these (FTS5 cost grows with
#: the number of terms; 3,000 one-letter terms took 35 s of CPU), and stopped
#: after SEARCH_SECONDS.
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
SEARCH_SECONDS = 2.0


def search(store: Store, query: str, *, limit: int = 50) -> SearchResults:
    """FTS5 over articles (the query in FTS5 syntax); every word for quotes and events.

    :class:`~khronika.errors.InputError` for a query over the bounds above;
    :class:`~khronika.errors.SearchTimeoutError` when it runs too long.
    """
    query = query.strip()
    if not query:
        return SearchResults(query)
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(
            f"the search is {len(query)} characters long; at most {MAX_QUERY_CHARS} are searched"
        )
    terms = _WORD.findall(query.casefold())
    if len(terms) > MAX_QUERY_TERMS:
        raise InputError(
            f"the search has {len(terms)} terms; at most {MAX_QUERY_TERMS} are searched"
        )
    words = [w for w in terms if w not in _OPERATORS]

    def has_words(text: str) -> bool:
        folded = text.casefold()
        return bool(words) and all(w in folded for w in words)

    quotes = [q for q in store.quotes() if has_words(f"{q.text} {q.speaker or ''}")]
    events = [
        e
        for e in store.events()
        if has_words(" ".join((e.evidence, e.type, *e.actors, *e.recipients, e.location or "")))
    ]
    articles = store.search_articles(query, limit, seconds=SEARCH_SECONDS)
    return SearchResults(query, articles, quotes[:limit], events[:limit])


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """Another real-world entity named in the same articles, and in how many."""

    entity: CanonicalEntity
    articles: int


@dataclass(frozen=True, slots=True)
class EntityPage:
    """Everything the page of one real-world entity shows."""

    entity: CanonicalEntity
    mentions: list[Mention]
    as_actor: list[Event]
    as_recipient: list[Event]
    quotes: list[Quote]
    cooccurring: list[Cooccurrence]
    articles: dict[str, Article]


def entity_page(store: Store, entity_id: str, events: list[Event]) -> EntityPage:
    """The entity ``entity_id`` (a member or canonical id) with its mentions, events, quotes.

    ``events`` are the events to look through (review corrections applied
    by the caller). Events name their actors and recipients as text, so an
    event counts when one of those names is a name or alias of the entity.
    """
    groups = store.canonical_entities()
    entity = next((g for g in groups if entity_id in g.members), None)
    if entity is None:
        entity = store.canonical_entity(entity_id)  # raises NotFoundError
    members = set(entity.members)
    names = {n.casefold() for n in (entity.name, *entity.aliases)}
    article_ids: dict[str, None] = {}
    mentions: list[Mention] = []
    for summary in store.entities():
        if summary.entity.id in members and summary.entity.prov.article_id:
            article_ids[summary.entity.prov.article_id] = None
    articles: dict[str, Article] = {}
    for article_id in article_ids:
        analysis = store.analysis(article_id)
        articles[article_id] = analysis.article
        mentions.extend(m for m in analysis.mentions if m.entity_id in members)
    return EntityPage(
        entity=entity,
        mentions=mentions,
        as_actor=[e for e in events if names & {a.casefold() for a in e.actors}],
        as_recipient=[e for e in events if names & {r.casefold() for r in e.recipients}],
        quotes=[q for q in store.quotes() if q.speaker_id in members],
        cooccurring=_cooccurring(store, groups, entity),
        articles=articles,
    )


def _cooccurring(
    store: Store, groups: list[CanonicalEntity], entity: CanonicalEntity
) -> list[Cooccurrence]:
    article_of = {s.entity.id: s.entity.prov.article_id for s in store.entities()}
    mine = {article_of.get(m) for m in entity.members} - {None}
    shared: Counter[str] = Counter()
    by_id = {g.id: g for g in groups}
    for group in groups:
        if group.id == entity.id:
            continue
        together = mine & {article_of.get(m) for m in group.members}
        if together:
            shared[group.id] = len(together)
    ranked = sorted(shared.items(), key=lambda item: (-item[1], by_id[item[0]].name))
    return [Cooccurrence(by_id[gid], count) for gid, count in ranked]


def name_index(store: Store) -> dict[str, str]:
    """Folded entity names and aliases to the canonical entity id, for links.

    A name shared by two real-world entities links to neither.
    """
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entity in store.canonical_entities():
        for name in (entity.name, *entity.aliases):
            key = name.casefold()
            if index.get(key, entity.id) != entity.id:
                ambiguous.add(key)
            index[key] = entity.id
    return {k: v for k, v in index.items() if k not in ambiguous}
