"""FollowTheMoney entities for Aleph, one JSON object per line.

Built with the ``followthemoney`` library, which cleans every value as it
is added (dates, countries, languages) and drops what its types refuse:

- every article is an ``Article`` (title, publishedAt, author, language,
  sourceUrl, fileName, bodyText cut at :data:`BODY_LIMIT` characters);
- every person is a ``Person``, every organisation an ``Organization``; a
  state or place named as an actor or recipient of an event is a
  ``LegalEntity``; other places are ``Address`` entities. Where the store
  groups entities across articles (``Store.canonical_entities``) one FtM
  entity stands for the whole group, with every alias; reviewers' name and
  type corrections are applied;
- every exported event is an ``Event`` (name, summary = evidence, date,
  location, country, organizer = actors, involved = actors and recipients,
  addressEntity, proof = the article, keywords = type, modes, context and
  status);
- a ``Mention`` joins each person, organisation or legal entity to each
  article that names it, and a ``Documentation`` joins each event and
  address to the article that states it.

Ids are FtM's :meth:`make_id` over khronika's own ids, so they are the same
on every run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from khronika.export.gather import ExportEvent, export_events
from khronika.model import Article, Entity, EntityType
from khronika.review import entity_reviews
from khronika.store import Store

BODY_LIMIT: Final = 50_000
PREFIX: Final = "khronika"
_SCHEMA: Final[dict[str, str]] = {"PERSON": "Person", "ORG": "Organization"}
_PLACES: Final = frozenset({"GPE", "LOC", "FACILITY"})


@dataclass(frozen=True, slots=True)
class _Group:
    """One real-world entity: its id, name, type and aliases, and its members."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    members: tuple[str, ...]


def write(store: Store, out: TextIO) -> int:
    """Write the entities to ``out``, one JSON object a line; the number written."""
    count = 0
    for proxy in entities(store):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def entities(store: Store) -> Iterator[EntityProxy]:
    """Every FtM entity of the export, articles first."""
    events = export_events(store)
    per_article: dict[str, list[Entity]] = {}
    for summary in store.entities():
        per_article.setdefault(summary.entity.prov.article_id or "", []).append(summary.entity)
    groups = _groups(store, per_article)
    group_of = {member: group for group in groups for member in group.members}
    actors = {
        (item.article.id, name.casefold())
        for item in events
        for name in (*item.event.actors, *item.event.recipients)
    }
    proxies: dict[str, EntityProxy] = {}
    articles = {article.id: article for article in store.articles()}
    for article in articles.values():
        yield _article(article)
    for article_id, found in per_article.items():
        for entity in found:
            group = group_of.get(entity.id)
            if group is None:
                continue
            as_actor = any(
                (article_id, name.casefold()) in actors for name in (entity.name, *entity.aliases)
            )
            proxy = proxies.get(group.id)
            if proxy is None:
                proxy = _entity(group, as_actor=as_actor)
                if proxy is None:
                    continue
                proxies[group.id] = proxy
            yield _link(proxy, articles[article_id], entity)
    yield from proxies.values()
    for item in events:
        event = _event(item, per_article.get(item.article.id, []), group_of, proxies)
        yield event
        yield _documentation(event, item.article, "evidence", item.event.evidence)


def _groups(store: Store, per_article: dict[str, list[Entity]]) -> list[_Group]:
    """Entities grouped across articles where the store knows how, reviewed."""
    reviews = entity_reviews(store)
    known = {e.id: e for found in per_article.values() for e in found}
    groups: list[_Group] = []
    grouped: set[str] = set()
    for canonical in store.canonical_entities():
        members = tuple(m for m in canonical.members if m in known)
        if members:
            groups.append(
                _Group(canonical.id, canonical.name, canonical.type, canonical.aliases, members)
            )
            grouped.update(members)
    for entity in known.values():
        if entity.id not in grouped:
            groups.append(_Group(entity.id, entity.name, entity.type, entity.aliases, (entity.id,)))
    reviewed: list[_Group] = []
    for group in groups:
        name, kind = group.name, group.type
        for member in group.members:
            review = reviews.get(member)
            if review is not None:
                name, kind = review.name or name, review.type or kind
        reviewed.append(_Group(group.id, name, kind, group.aliases, group.members))
    return reviewed


def _make(schema: str, kind: str, *parts: str) -> EntityProxy:
    """An empty entity whose id hashes khronika's ids with what it stands for."""
    proxy = model.make_entity(schema)
    proxy.make_id(PREFIX, kind, *parts)
    return proxy


def _article_id(article: Article) -> str:
    return str(_make("Article", "article", article.id).id)


def _article(article: Article) -> EntityProxy:
    proxy = _make("Article", "article", article.id)
    proxy.add("title", article.title)
    proxy.add("publishedAt", article.published)
    proxy.add("author", article.byline)
    proxy.add("language", article.language)
    proxy.add("sourceUrl", article.url)
    proxy.add("fileName", article.prov.source_path.rsplit("/", 1)[-1])
    body = " ".join(article.body.split())
    proxy.add("bodyText", body[:BODY_LIMIT])
    return proxy


def _entity(group: _Group, *, as_actor: bool) -> EntityProxy | None:
    if group.type in _SCHEMA:
        schema = _SCHEMA[group.type]
    elif group.type in _PLACES:
        schema = "LegalEntity" if as_actor else "Address"
    else:
        return None  # weapons and substances: named in the events' keywords
    proxy = _make(schema, "entity", group.id)
    if schema == "Address":
        proxy.add("full", group.name)
    else:
        proxy.add("name", group.name)
        proxy.add("alias", [a for a in group.aliases if a != group.name])
    return proxy


def _link(proxy: EntityProxy, article: Article, entity: Entity) -> EntityProxy:
    """A Mention of a legal entity in an article, or a Documentation of an address."""
    if not proxy.schema.is_a("LegalEntity"):
        return _documentation(proxy, article, "mention", entity.name)
    mention = _make("Mention", "mention", entity.id)
    mention.add("document", _article_id(article))
    mention.add("resolved", proxy.id)
    mention.add("name", entity.name)
    mention.add("detectedSchema", proxy.schema.name)
    return mention


def _documentation(proxy: EntityProxy, article: Article, role: str, text: str) -> EntityProxy:
    doc = _make("Documentation", "documentation", str(proxy.id), article.id)
    doc.add("document", _article_id(article))
    doc.add("entity", proxy.id)
    doc.add("role", role)
    doc.add("summary", " ".join(text.split()))
    return doc


def _event(
    item: ExportEvent,
    entities: list[Entity],
    group_of: dict[str, _Group],
    proxies: dict[str, EntityProxy],
) -> EntityProxy:
    event = item.event
    proxy = _make("Event", "event", event.id)
    proxy.add("name", _event_name(item))
    proxy.add("summary", " ".join(event.evidence.split()))
    proxy.add("date", event.date)
    proxy.add("location", event.location)
    proxy.add("country", event.country)
    proxy.add("proof", _article_id(item.article))
    proxy.add("sourceUrl", item.article.url)
    proxy.add("keywords", [event.type, *event.mode, *event.context, event.status])
    proxy.add("keywords", list(event.instrument))
    proxy.add("description", f"status: {event.status}; review: {item.reviewed.state}")
    if event.source:
        proxy.add("notes", f"according to {event.source}")
    for role, names in (("organizer", event.actors), ("involved", event.recipients)):
        for name in names:
            target = _resolve(name, entities, group_of, proxies)
            if target is not None and target.schema.is_a("LegalEntity"):
                proxy.add(role, target.id)
                proxy.add("involved", target.id)
            else:
                proxy.add("namesMentioned", name)
    place = _resolve(event.location or "", entities, group_of, proxies)
    if place is not None and place.schema.is_a("Address"):
        proxy.add("addressEntity", place.id)
    return proxy


def _event_name(item: ExportEvent) -> str:
    """A caption such as "Assault (abduct): Halyna Savchuk, Irpin, 2022-03-09"."""
    event = item.event
    name = event.type.title() + (f" ({', '.join(event.mode)})" if event.mode else "")
    details = [", ".join(event.recipients), event.location or "", event.date or ""]
    shown = ", ".join(d for d in details if d)
    return f"{name}: {shown}" if shown else name


def _resolve(
    name: str,
    entities: list[Entity],
    group_of: dict[str, _Group],
    proxies: dict[str, EntityProxy],
) -> EntityProxy | None:
    """The FtM entity the article's entity of this name became, if any."""
    key = name.casefold()
    for entity in entities:
        if key in {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}:
            group = group_of.get(entity.id)
            if group is not None and group.id in proxies:
                return proxies[group.id]
    return None
