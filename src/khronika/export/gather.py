"""What every export reads: the reviewed events with their article and place.

Corrections are applied, rejected events are left out (see
:mod:`khronika.review`); each event comes with its article and, where the
article resolved the event's place name, that :class:`Place`.
"""

from __future__ import annotations

from dataclasses import dataclass

from khronika.model import Article, Event, Place
from khronika.review import ReviewedEvent, effective_events
from khronika.store import Store

PRECISIONS = {3: "decade", 4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True, slots=True)
class ExportEvent:
    """One event to export: as reviewed, with its article and resolved place."""

    reviewed: ReviewedEvent
    article: Article
    place: Place | None

    @property
    def event(self) -> Event:
        return self.reviewed.event


def export_events(store: Store) -> list[ExportEvent]:
    """The events to export, in source order."""
    articles = {article.id: article for article in store.articles()}
    places: dict[str, dict[str, Place]] = {}
    found: list[ExportEvent] = []
    for reviewed in effective_events(store):
        article_id = reviewed.event.prov.article_id
        if article_id is None or article_id not in articles:
            continue
        if article_id not in places:
            places[article_id] = _places_by_name(store.analysis(article_id).places)
        place = places[article_id].get(_key(reviewed.event.location))
        found.append(ExportEvent(reviewed, articles[article_id], place))
    return found


def date_precision(date: str | None) -> str | None:
    """``"day"``, ``"month"``, ``"year"`` or ``"decade"`` for an ISO date prefix."""
    return PRECISIONS.get(len(date)) if date else None


def _places_by_name(places: tuple[Place, ...]) -> dict[str, Place]:
    """Resolved places by lower-cased name, the most precise mention of each name first."""
    rank = {"point": 0, "city": 1, "region": 2, "country": 3, None: 4}
    by_name: dict[str, Place] = {}
    for place in sorted(places, key=lambda p: (rank[p.precision], p.prov.start)):
        if place.latitude is not None:
            by_name.setdefault(_key(place.name), place)
    return by_name


def _key(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()
