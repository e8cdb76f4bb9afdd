"""A report: one article's event as compared across articles.

Actors and recipients are replaced by their cross-article entity (so
"Halyna Savchuk" in two articles is one key), and the event's place name
is resolved to the article's :class:`~khronika.model.Place` record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from khronika.link.places import Located, locate
from khronika.model import ArticleAnalysis, Event
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


def reports(analyses: Iterable[ArticleAnalysis], canonical: Mapping[str, str]) -> list[Report]:
    """One report per event; ``canonical`` maps entity ids to cross-article ids."""
    found = []
    for analysis in analyses:
        article = analysis.article
        types = {e.id: e.type for e in analysis.entities}
        places: dict[str, Located] = {}
        for place in analysis.places:
            offset = article.start
            printed = article.text[place.prov.start - offset : place.prov.end - offset]
            for name in (place.name, printed):
                places.setdefault(fold(name), locate(place))

        def key(value: str) -> str:
            return canonical.get(value, value if value.startswith("e_") else normalise_name(value))

        for event in analysis.events:
            found.append(
                Report(
                    event=event,
                    article=article.id,
                    actors=frozenset(key(a) for a in event.actors),
                    recipients=frozenset(key(r) for r in event.recipients),
                    place=places.get(fold(event.location)) if event.location else None,
                    specific_actors=frozenset(
                        key(a) for a in event.actors if types.get(a) in ("ORG", "PERSON")
                    ),
                )
            )
    return found
