"""A report: one article's event as compared across articles.

Actors and recipients are replaced by their cross-article entity (so
"Halyna Savchuk" in two articles is one key), and the event's place name
is resolved to the article's :class:`~khronika.model.Place` record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from khronika.link.places import Located, locate
from khronika.model import ArticleAnalysis, Entity, Event
from khronika.names import fold, normalise_name


@dataclass(frozen=True, slots=True)
class Report:
    event: Event
    article: str
    actors: frozenset[str]
    recipients: frozenset[str]
    place: Located | None
    #: actor keys that are organisations or people, not states
    specific_actors: frozenset[str] = frozenset()
    #: actor keys that are organisations
    bodies: frozenset[str] = frozenset()


def reports(analyses: Iterable[ArticleAnalysis], canonical: Mapping[str, str]) -> list[Report]:
    """One report per event; ``canonical`` maps entity ids to cross-article ids."""
    found = []
    for analysis in analyses:
        article = analysis.article
        places: dict[str, Located] = {}
        for place in analysis.places:
            offset = article.start
            printed = article.text[place.prov.start - offset : place.prov.end - offset]
            for name in (place.name, printed):
                places.setdefault(fold(name), locate(place))
        # Events name their actors and recipients by the entity's name or an
        # alias (or, for the state behind a body, a name no entity carries);
        # records written by other tools may give the entity's id instead.
        named = {fold(n): e for e in analysis.entities for n in (e.id, e.name, *e.aliases)}
        for event in analysis.events:
            actors = [_keyed(a, named, canonical) for a in event.actors]
            found.append(
                Report(
                    event=event,
                    article=article.id,
                    actors=frozenset(key for key, _ in actors),
                    recipients=frozenset(_keyed(r, named, canonical)[0] for r in event.recipients),
                    place=places.get(fold(event.location)) if event.location else None,
                    specific_actors=frozenset(k for k, t in actors if t in ("ORG", "PERSON")),
                    bodies=frozenset(key for key, kind in actors if kind == "ORG"),
                )
            )
    return found


def _keyed(
    name: str, named: Mapping[str, Entity], canonical: Mapping[str, str]
) -> tuple[str, str | None]:
    """A name on an event as compared, and its entity type: the cross-article
    entity where the article's entity has one, else the normalised name."""
    entity = named.get(fold(name))
    if entity is None:
        return normalise_name(name), None
    return canonical.get(entity.id) or normalise_name(entity.name), entity.type
