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
  drinking coffee ... on the afternoon of 12 March"), and the one place
  where the scene puts the victim that day, if the attack names no place or
  only the town the scene names as holding it ("a café in the Innere Stadt,
  Vienna's first district" for "in Vienna"); a poisoning that names
  no substance takes the one substance named beside the victim there
  ("found thallium in Korsak's blood");
- an abduction whose victim the article says was released: survived;
- an event with no place named for it: a wire story's dateline ("KYIV,
  April 6 (Eastwire) –") gives the country; without one, a coercion by a
  state body happened in that state ("Austrian police have detained ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from khronika.extract.entity_rules import countries
from khronika.extract.event_args import direct_entity
from khronika.extract.event_fields import (
    background_clause,
    container,
    locative,
    other_time,
    place_name,
)
from khronika.extract.event_index import EventIndex
from khronika.extract.event_lexicon import words
from khronika.model import Entity, Event, Place

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
    """Targeted attacks take a missing day, a place no less precise than their
    own, and poisonings a missing substance, from the scene beside them."""
    done: list[Event] = []
    for event in events:
        if event.type == "ASSAULT" and event.recipients and "targeted" in event.mode:
            scene = _scene(index, event)
            event = replace(
                event,
                date=event.date or scene.day,
                instrument=event.instrument
                or (
                    (scene.substance,) if scene.substance and "unconventional" in event.mode else ()
                ),
            )
            if scene.place is not None and (
                event.location is None or event.location in scene.around
            ):
                # "a café in the Innere Stadt, Vienna's first district" against
                # "in Vienna": the scene itself puts its place in the event's town
                event = replace(
                    event,
                    location=place_name(index, scene.place),
                    country=scene.place.country or event.country,
                )
        done.append(event)
    return done


@dataclass(frozen=True, slots=True)
class _Scene:
    """What the scene of an attack tells, where it tells one thing only."""

    day: str | None = None
    substance: str | None = None
    place: Place | None = None
    #: the towns the scene names as holding its place ("Vienna's first district")
    around: frozenset[str] = frozenset()


def _scene(index: EventIndex, event: Event) -> _Scene:
    here = min(index.paragraph(start) for start, _ in event.mentions or ((event.prov.start, 0),))
    victims = set(event.recipients)
    days: set[str] = set()
    substances: set[str] = set()
    places: dict[str, Place] = {}
    around: set[str] = set()
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
        dated = {
            t.value
            for t in index.times
            if sentence.start <= t.prov.start < sentence.end
            and t.kind == "date"
            and t.value
            and len(t.value) == len("2000-01-01")
        }
        days |= dated
        substances.update(e.name for e in named if e.type == "SUBSTANCE")
        if len(dated) == 1:  # the place of the scene is where the victim was that day
            (day,) = dated
            inside = [p for p in index.places if sentence.start <= p.prov.start < sentence.end]
            for place in inside:
                token = index.token_at(place.prov.start)
                if token is None or not locative(token):
                    continue
                clause = background_clause(token)
                if clause is not None and other_time(index, clause, day):
                    continue  # "Lind, who moved to Riga in 2019, was ... on 3 May"
                if container(index, token, inside, place):
                    around.add(place_name(index, place))
                else:
                    places.setdefault(place_name(index, place), place)
    # only an unambiguous scene: one day, one substance, one place
    return _Scene(
        day=next(iter(days)) if len(days) == 1 else None,
        substance=next(iter(substances)) if len(substances) == 1 else None,
        place=next(iter(places.values())) if len(places) == 1 and len(days) == 1 else None,
        around=frozenset(around),
    )
