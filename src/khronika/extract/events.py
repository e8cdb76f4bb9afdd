"""PLOVER events with actors, recipients, date, place and status.

:func:`extract_events` is the pipeline's entry point; it asks the default
:class:`EventExtractor`, the rule-based :class:`RuleBasedEventExtractor`,
so that a learned model can take its place behind the same interface.

The rules (precision first: an invented incident costs more than a missed
one) live in modules of their own:

- :mod:`~khronika.extract.event_lexicon`: triggers and cue words as data;
- :mod:`~khronika.extract.event_index`: offsets, mentions, quotations, pronouns;
- :mod:`~khronika.extract.event_args`: actors and recipients from the parse;
- :mod:`~khronika.extract.event_checks`: the constraints of ambiguous triggers;
- :mod:`~khronika.extract.event_status`: asserted, attributed, hypothetical ...;
- :mod:`~khronika.extract.event_fields`: evidence, date, place, instrument;
- :mod:`~khronika.extract.event_outcome`: outcome and fatalities;
- :mod:`~khronika.extract.event_rules`: one mention per trigger;
- :mod:`~khronika.extract.event_merge`: one event per real-world event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc

from khronika.extract.event_discourse import (
    borrow_from_rescue,
    borrow_from_scene,
    fill_countries,
    released_survived,
)
from khronika.extract.event_index import EventIndex
from khronika.extract.event_merge import build, merge
from khronika.extract.event_rules import read_mentions
from khronika.model import (
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    TimeExpression,
    make_id,
)


class EventExtractor(Protocol):
    """Anything that reads the events of one analysed article."""

    def extract(
        self,
        article: Article,
        parsed: Sequence[tuple[int, Doc]],
        entities: Sequence[Entity],
        mentions: Sequence[Mention],
        quotes: Sequence[Quote],
        times: Sequence[TimeExpression],
        places: Sequence[Place],
    ) -> tuple[Event, ...]: ...


class RuleBasedEventExtractor:
    """Triggers from the lexicon, arguments from the parse, mentions merged."""

    def extract(
        self,
        article: Article,
        parsed: Sequence[tuple[int, Doc]],
        entities: Sequence[Entity],
        mentions: Sequence[Mention],
        quotes: Sequence[Quote],
        times: Sequence[TimeExpression],
        places: Sequence[Place],
    ) -> tuple[Event, ...]:
        index = EventIndex(article, parsed, entities, mentions, quotes, times, places)
        groups = merge(read_mentions(index))
        events = borrow_from_rescue(index, [build(article, group) for group in groups])
        events = fill_countries(index, released_survived(borrow_from_scene(index, events)))
        return _unique_ids(sorted(events, key=lambda e: (e.prov.start, e.prov.end, e.type)))


def _unique_ids(events: Sequence[Event]) -> tuple[Event, ...]:
    """Events with ids of their own.

    An event's id comes from its evidence span, and one span may state two
    events ("the shootings of A and B": one per victim). The first keeps the
    id; each later one gets an id that also names its type and recipients.
    """
    seen: set[str] = set()
    done = []
    for event in events:
        if event.id in seen:
            event = replace(event, id=make_id("v", event.id, event.type, *event.recipients))
        seen.add(event.id)
        done.append(event)
    return tuple(done)


DEFAULT_EXTRACTOR: EventExtractor = RuleBasedEventExtractor()


def extract_events(
    article: Article,
    parsed: Sequence[tuple[int, Doc]],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    times: Sequence[TimeExpression],
    places: Sequence[Place],
    extractor: EventExtractor | None = None,
) -> tuple[Event, ...]:
    """Every in-scope event the article reports, one per real-world event."""
    chosen = extractor or DEFAULT_EXTRACTOR
    return chosen.extract(article, parsed, entities, mentions, quotes, times, places)
