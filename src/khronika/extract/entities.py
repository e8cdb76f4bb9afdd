"""Entities and their mentions from spaCy's named entities, aliases merged.

Within one article, mentions are grouped by their normalised name (titles
and possessives dropped), and a one-word person name joins the one
multi-word person whose surname it is ("Kalugin" joins "Oleg Kalugin").
When two people share the surname the short form stays apart: a wrong
merge is worse than a missed one. The canonical name is the fullest form,
printed without its title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from khronika.model import Article, Entity, EntityType, Mention, make_id
from khronika.names import normalise_name, strip_title

#: spaCy (OntoNotes) labels kept, and the khronika type each becomes.
LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FACILITY",
}

_LEADING = ("the ", "The ")
_POSSESSIVES = ("’s", "'s", "’", "'")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    text: str
    label: EntityType
    key: str


def _found(article: Article, parsed: Iterable[tuple[int, Doc]]) -> list[_Found]:
    found = []
    for offset, doc in parsed:
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            text = ent.text
            start = article.start + offset + ent.start_char
            for lead in _LEADING:
                if text.startswith(lead) and len(text) > len(lead):
                    text, start = text[len(lead) :], start + len(lead)
            for tail in _POSSESSIVES:
                if text.endswith(tail) and len(text) > len(tail):
                    text = text[: -len(tail)]
            key = normalise_name(text)
            if key:
                found.append(_Found(start, start + len(text), text, label, key))
    return found


def _group_keys(found: list[_Found]) -> dict[str, str]:
    """Each key -> the key of the group it belongs to."""
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


def extract_entities(
    article: Article, parsed: Iterable[tuple[int, Doc]]
) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities and mentions of one article from its parsed chunks."""
    found = _found(article, parsed)
    groups = _group_keys(found)
    members: dict[str, list[_Found]] = defaultdict(list)
    for f in found:
        members[groups[f.key]].append(f)
    prov = article.prov
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for key, group in members.items():
        labels = [f.label for f in group]
        label = max(set(labels), key=lambda x: (labels.count(x), x))
        forms = list(dict.fromkeys(strip_title(f.text) for f in group))
        name = max(forms, key=lambda form: (len(form.split()), len(form)))
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
                label=f.label,
            )
            for f in group
        )
    entities.sort(key=lambda e: e.prov.start)
    mentions.sort(key=lambda m: m.prov.start)
    return tuple(entities), tuple(mentions)
