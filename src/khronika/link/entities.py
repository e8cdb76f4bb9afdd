"""One entity per real person, organisation or place across articles.

Entities are first *blocked* (only entities sharing a key are compared) and
then merged by a conservative rule, each merge becoming a ``same_entity``
link whose ``reason`` says what justified it, so a reviewer can see it and
undo it (a split decision, see :meth:`khronika.store.Store.canonical_entities`).

People are blocked by the transliteration skeleton of the surname
(:mod:`khronika.link.translit`) and merged when:

- first name and surname agree, letter for letter or after transliteration
  ("Gennady Khokhlov" and "Gennadi Chochlow");
- or one side gives only the surname (or an initial and the surname) and
  exactly one fully named person in the store carries that surname (and
  initial): "Khokhlov" joins "Nikolai Khokhlov" unless a "Yevgeny Khokhlov"
  is known too.

Organisations, places, weapons and substances merge when their names, or
one's name and the other's alias, are equal after folding; names made only
of generic words ("the police", "Security Service") never merge across
articles, because they name different bodies in different countries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from khronika.link.groups import UnionFind
from khronika.link.translit import skeleton
from khronika.model import Entity, Link, make_id
from khronika.names import normalise_name

GENERIC_WORDS = frozenset(
    [
        "the",
        "a",
        "of",
        "and",
        "police",
        "service",
        "services",
        "security",
        "secret",
        "state",
        "national",
        "government",
        "ministry",
        "department",
        "agency",
        "army",
        "forces",
        "force",
        "military",
        "guard",
        "office",
        "court",
        "committee",
        "council",
        "defence",
        "defense",
        "interior",
        "intelligence",
        "federal",
        "special",
        "unit",
        "group",
        "party",
        "authorities",
        "authority",
        "officials",
        "administration",
    ]
)


@dataclass(frozen=True, slots=True)
class _Person:
    entity: Entity
    first: str
    surname: str
    full: bool

    @property
    def initial(self) -> str:
        return self.first[:1]


def entity_links(entities: Iterable[Entity]) -> list[Link]:
    """``same_entity`` links between entities of different articles (a star per group)."""
    people: list[_Person] = []
    others: list[Entity] = []
    for entity in entities:
        if entity.type == "PERSON":
            person = _person(entity)
            if person:
                people.append(person)
        else:
            others.append(entity)
    return [*_link_people(people), *_link_named(others)]


def _person(entity: Entity) -> _Person | None:
    words = normalise_name(entity.name).split()
    if not words or not words[-1].isalpha() or len(words[-1]) < 2:
        return None
    first = words[0] if len(words) > 1 else ""
    return _Person(entity, first, words[-1], full=len(first) > 1)


def _link_people(people: list[_Person]) -> list[Link]:
    blocks: dict[str, list[_Person]] = defaultdict(list)
    for person in people:
        blocks[skeleton(person.surname)].append(person)
    links: list[Link] = []
    for block in blocks.values():
        named: dict[str, list[_Person]] = defaultdict(list)
        for person in block:
            if person.full:
                named[skeleton(person.first)].append(person)
        for group in named.values():
            hub = min(group, key=lambda p: p.entity.id)
            for person in group:
                if person is not hub:
                    links.append(_link(hub.entity, person.entity, _name_reason(hub, person)))
        for person in block:
            if person.full:
                continue
            fits = [
                min(group, key=lambda p: p.entity.id)
                for group in named.values()
                if not person.initial or skeleton(group[0].first).startswith(person.initial)
            ]
            if len(fits) == 1:
                reason = (
                    f"only one person named {fits[0].entity.name!r} in the store matches"
                    f" {person.entity.name!r}"
                )
                links.append(_link(fits[0].entity, person.entity, reason))
    # two people of one article were kept apart by the extractor on purpose
    article = {p.entity.id: p.entity.prov.article_id for p in people}
    return [link for link in links if article[link.left] != article[link.right]]


def _name_reason(hub: _Person, person: _Person) -> str:
    if (hub.first, hub.surname) == (person.first, person.surname):
        return f"same name: {hub.entity.name!r} and {person.entity.name!r}"
    return (
        f"same name after transliteration: {hub.entity.name!r} and {person.entity.name!r}"
        f" (key {skeleton(person.first)} {skeleton(person.surname)})"
    )


def _link_named(entities: Sequence[Entity]) -> list[Link]:
    keys: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for entity in entities:
        for name in {entity.name, *entity.aliases}:
            key = normalise_name(name)
            if key and not set(key.split()) <= GENERIC_WORDS:
                keys[(_family(entity), key)].append(entity)
    uf = UnionFind()
    why: dict[str, str] = {}
    by_id = {e.id: e for e in entities}
    for (_, key), group in keys.items():
        if len({e.prov.article_id for e in group}) < 2:
            continue
        for entity in group[1:]:
            if uf.find(group[0].id) != uf.find(entity.id):
                uf.union(group[0].id, entity.id)
                why[entity.id] = f"same name {key!r}"
                why.setdefault(group[0].id, f"same name {key!r}")
    groups: dict[str, list[str]] = defaultdict(list)
    for entity_id in why:
        groups[uf.find(entity_id)].append(entity_id)
    links = []
    for root, members in groups.items():
        for member in members:
            if member != root:
                links.append(_link(by_id[root], by_id[member], why[member]))
    return links


def _family(entity: Entity) -> str:
    """Types that may name the same thing: a GPE and a LOC, not a GPE and an ORG."""
    return {"GPE": "place", "LOC": "place", "FACILITY": "place"}.get(entity.type, entity.type)


def _link(hub: Entity, other: Entity, reason: str) -> Link:
    left, right = sorted((hub.id, other.id))
    return Link(
        id=make_id("l", "", "same_entity", left, right),
        kind="same_entity",
        left=left,
        right=right,
        reason=reason,
    )
