"""What an article says about an event outside the event's own clause.

- "One of Putin's victims is Alexei Navalny", "the Russian's second-last
  target – Alexander Litvinenko": a possessor of "victim" or "target" in a
  sentence that names exactly one other person is the presumed actor of
  attacks on that person that name no actor themselves;
- an attack that left its victim injured and says neither when nor where
  takes them from the victim's rescue told beside it ("fighting for his
  life after a poison attack" / "a plane picked him up on 20 August from
  Siberia"): the place of the rescue, and its month (the text supports no
  more);
- a targeted attack on a named victim that gives no day takes the day of
  the scene told right after it (the same or the next paragraph, a
  sentence naming the victim with a day-precision date: "Korsak ... was
  drinking coffee ... on the afternoon of 12 March"); a poisoning that names
  no substance takes the one substance named beside the victim there
  ("found thallium in Korsak's blood");
- an abduction whose victim the article says was released: survived;
- an event with no place named for it: a wire story's dateline ("KYIV,
  April 6 (Eastwire) –") gives the country; without one, a coercion by a
  state body happened in that state ("Austrian police have detained ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from khronika.extract.entity_rules import countries
from khronika.extract.event_args import direct_entity
from khronika.extract.event_index import EventIndex
from khronika.extract.event_lexicon import words
from khronika.model import Entity, Event

#: How far (in paragraphs) a rescue may be told from the attack it follows.
RESCUE_DISTANCE = 1


def presumed_actors(index: EventIndex) -> dict[str, tuple[str, ...]]:
    """Recipient name -> names of whoever the article calls them the victim of."""
    found: dict[str, tuple[str, ...]] = {}
    for sentence in index.sentences:
        if sentence.start < index.article.body_start:
            continue
        for token in sentence.span:
            if token.lower_ not in words("victim"):
                continue
            owners = [e for e in (_owner(index, token)) if e is not None]
            if not owners:
                continue
            people = _people(index, sentence.start, sentence.end, owners)
            if len(people) == 1:
                found.setdefault(people[0], tuple(e.name for e in owners))
    return found


def _owner(index: EventIndex, token: Token) -> list[Entity | None]:
    owners = [direct_entity(index, c) for c in token.children if c.dep_ == "poss"]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        owners += [direct_entity(index, o) for o in prep.children if o.dep_ == "pobj"]
    return owners


def _people(index: EventIndex, start: int, end: int, owners: Sequence[Entity]) -> list[str]:
    names = {
        entity.name
        for m in index.mentions_between(start, end)
        if (entity := index.entities.get(m.entity_id)) is not None
        and entity.type == "PERSON"
        and entity not in owners
    }
    return sorted(names)


def borrow_from_rescue(index: EventIndex, events: Sequence[Event]) -> list[Event]:
    """Attacks with an injured victim take place and month from the victim's rescue."""
    rescues = [e for e in events if e.type == "AID" and e.recipients]
    done: list[Event] = []
    for event in events:
        rescue = _rescue(index, event, rescues)
        if rescue is not None:
            event = replace(
                event,
                date=event.date or (rescue.date[:7] if rescue.date else None),
                location=event.location or rescue.location,
                country=event.country or rescue.country,
            )
        done.append(event)
    return done


def _rescue(index: EventIndex, event: Event, rescues: Sequence[Event]) -> Event | None:
    if event.type != "ASSAULT" or event.outcome != "injured":
        return None
    if event.date and (event.location or event.country):
        return None
    here = {index.paragraph(start) for start, _ in event.mentions}
    for rescue in rescues:
        if not set(rescue.recipients) & set(event.recipients):
            continue
        there = index.paragraph(rescue.prov.start)
        if any(abs(there - p) <= RESCUE_DISTANCE for p in here):
            return rescue
    return None


def released_survived(events: Sequence[Event]) -> list[Event]:
    """An abduction whose victim was released: the victim survived."""
    freed = {r for e in events if e.type == "RETREAT" and "release" in e.mode for r in e.recipients}
    return [
        replace(e, outcome="survived", fatalities=0)
        if e.type == "ASSAULT"
        and "abduct" in e.mode
        and e.outcome in (None, "unknown")
        and e.recipients
        and set(e.recipients) <= freed
        else e
        for e in events
    ]


def fill_countries(index: EventIndex, events: Sequence[Event]) -> list[Event]:
    """A country for events that name no place (see the module's description)."""
    dateline = _dateline_country(index)
    done = []
    for event in events:
        if event.country is None:
            state = _actor_state(event) if event.type == "COERCE" else None
            country = dateline or state
            if country:
                event = replace(event, country=country)
        done.append(event)
    return done


def _dateline_country(index: EventIndex) -> str | None:
    start = max(index.article.body_start, index.article.start)
    for place in index.places:
        if start <= place.prov.start < index.lead and place.country:
            return place.country
    return None


def _actor_state(event: Event) -> str | None:
    for actor in event.actors:
        first = actor.split()[0].removesuffix("’s").removesuffix("'s")
        for form in (actor, first):
            key = countries().key(form, demonym=True)
            name = countries().canonical(key) if key else None
            if name and country_codes().get(name):
                return country_codes()[name]
    return None


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Country name -> ISO code, from the country table (present-day states only)."""
    text = (files("khronika") / "data" / "lexicons" / "countries.tsv").read_text(encoding="utf-8")
    codes = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) > 1 and not line.startswith("#") and cells[1].strip():
            codes[cells[0].strip()] = cells[1].strip()
    return codes


#: How far (in paragraphs) a scene may follow the attack it describes.
SCENE_DISTANCE = 1


def borrow_from_scene(index: EventIndex, events: Sequence[Event]) -> list[Event]:
    """Targeted attacks take a missing day, and poisonings a missing substance,
    from the sentences beside them that name the victim."""
    done: list[Event] = []
    for event in events:
        if event.type == "ASSAULT" and event.recipients and "targeted" in event.mode:
            date, substance = _scene(index, event)
            event = replace(
                event,
                date=event.date or date,
                instrument=event.instrument
                or ((substance,) if substance and "unconventional" in event.mode else ()),
            )
        done.append(event)
    return done


def _scene(index: EventIndex, event: Event) -> tuple[str | None, str | None]:
    here = min(index.paragraph(start) for start, _ in event.mentions or ((event.prov.start, 0),))
    victims = set(event.recipients)
    days: set[str] = set()
    substances: set[str] = set()
    for sentence in index.sentences:
        if not here <= sentence.paragraph <= here + SCENE_DISTANCE:
            continue
        named = [
            index.entities[m.entity_id]
            for m in index.mentions_between(sentence.start, sentence.end)
            if m.entity_id in index.entities
        ]
        if not victims & {e.name for e in named}:
            continue
        days.update(
            t.value
            for t in index.times
            if sentence.start <= t.prov.start < sentence.end
            and t.kind == "date"
            and t.value
            and len(t.value) == len("2000-01-01")
        )
        substances.update(e.name for e in named if e.type == "SUBSTANCE")
    # only an unambiguous scene: one day, one substance
    return (
        next(iter(days)) if len(days) == 1 else None,
        next(iter(substances)) if len(substances) == 1 else None,
    )
