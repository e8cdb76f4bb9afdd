"""Entities and their mentions, aliases merged within an article.

Mentions come from the spaCy pipeline's entities (the model's NER and the
``khronika_lexicon`` component) plus three repairs of known confusions of
the small model (:mod:`khronika.extract.entity_rules`). Mentions are then
grouped into entities:

- lexicon entries by their canonical name ("Committee for State Security"
  and "KGB");
- countries by the country table ("the US", "America", "Americans");
- everything else by its normalised name (titles and possessives dropped);
- a one-word person name joins the one multi-word person whose surname it
  is ("Kalugin" joins "Oleg Kalugin"); when two people share the surname
  the short form stays apart: a wrong merge is worse than a missed one.

The canonical name is the fullest form, printed without its title, or the
country table's name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from khronika.extract.entity_rules import Found, countries, repaired_mentions
from khronika.model import Article, Entity, Mention, make_id


def _group_keys(found: Sequence[Found]) -> dict[str, str]:
    """Each grouping key -> the key of the entity it belongs to."""
    people = {f.key for f in found if f.label == "PERSON"}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = key.split()
        if len(words) > 1:
            by_surname[words[-1]].add(key)
    groups = {f.key: f.key for f in found}
    for key in people:
        owners = by_surname.get(key, set())
        if " " not in key and len(owners) == 1:
            groups[key] = next(iter(owners))
    return groups


def _name(group: Sequence[Found]) -> str:
    country = countries().canonical(group[0].key)
    if country:
        return country
    forms = [f.display for f in group if f.label != "NORP"] or [f.display for f in group]
    return max(dict.fromkeys(forms), key=lambda form: (len(form.split()), len(form)))


def extract_entities(
    article: Article, parsed: Iterable[tuple[int, Doc]]
) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities and mentions of one article from its parsed chunks."""
    found = repaired_mentions(article, list(parsed))
    groups = _group_keys(found)
    members: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        members[groups[f.key]].append(f)
    prov = article.prov
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for key, group in members.items():
        labels = [f.entity_label for f in group]
        label = max(set(labels), key=lambda x: (labels.count(x), x))
        name = _name(group)
        aliases = tuple(sorted({f.text for f in group} - {name}))
        first = min(group, key=lambda f: f.start)
        entity_id = make_id("e", prov.source_sha256, prov.document, article.id, key)
        entities.append(
            Entity(
                id=entity_id,
                prov=replace(prov, start=first.start, end=first.end),
                name=name,
                type=label,
                aliases=aliases,
            )
        )
        mentions.extend(
            Mention(
                id=make_id("m", prov.source_sha256, prov.document, f.start, f.end),
                prov=replace(prov, start=f.start, end=f.end),
                entity_id=entity_id,
                text=f.text,
                label=f.entity_label,
            )
            for f in group
        )
    entities.sort(key=lambda e: e.prov.start)
    mentions.sort(key=lambda m: m.prov.start)
    return tuple(entities), tuple(mentions)
