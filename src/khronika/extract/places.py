"""Places named in an article, resolved against the offline gazetteer.

One :class:`~khronika.model.Place` per place mention, in text order:

- spans come from :mod:`khronika.extract.place_spans` (entity mentions,
  gazetteer names the model missed, named facilities, "<name> region" and
  "<name> district" phrases), readings from
  :mod:`khronika.extract.place_resolve` (homonyms chosen by the article's
  context, population as the tie-breaker);
- ``name`` is the gazetteer's English name ("Saint Petersburg" for
  "Leningrad", "Kyiv" for "Kiev"), so that one place has one name across
  articles; the form the text uses is the text at ``prov``, and a historical
  form is also in ``historical_country`` ("Leningrad", "West Berlin",
  "Soviet Union"). A former state with no single present-day country
  (Soviet Union, Yugoslavia) has no country and no point;
- ``country`` is the ISO 3166-1 alpha-2 code of the present-day country;
  ``precision`` is "country" for countries and former states, "region" for
  regions and continents, "city" for towns and their districts;
- a phrase the gazetteer does not hold (a facility such as "London Bridge"
  or "Zoo station", an unknown district or region, a described place such as
  "a bus stop in central London") keeps its printed name (without a leading
  article) and the phrase as ``description``, has no ``geonames_id``, and
  takes the point, country and precision of the place it is attached to (the
  name inside it, the place qualifying it, or the nearest resolved place), or
  none. No facility has a point of its own, so no precision is "point".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from khronika.extract.gazetteer import Candidate, Kind, load_gazetteer
from khronika.extract.gazetteer_tables import country_aliases, place_key
from khronika.extract.place_resolve import resolve
from khronika.extract.place_spans import find_place_spans
from khronika.extract.place_types import PlaceSpan
from khronika.model import Article, Entity, Mention, Place, PlacePrecision, make_id

PRECISION: dict[Kind, PlacePrecision] = {
    "country": "country",
    "former": "country",
    "region": "region",
    "continent": "region",
    "city": "city",
}


def _demonym_countries(mentions: Sequence[Mention]) -> list[str]:
    """ISO codes of the countries the article's nationality words name ("Russian")."""
    names, demonyms = country_aliases()
    keys = (place_key(m.text) for m in mentions if m.label == "GPE")
    return [demonyms[k] for k in keys if k in demonyms and k not in names and demonyms[k]]


def _place(article: Article, span: PlaceSpan, reading: Candidate | None) -> Place | None:
    prov = replace(article.prov, start=span.start, end=span.end)
    place_id = make_id("p", prov.source_sha256, prov.document, span.start, span.end)
    if span.kind == "name" and reading is None:
        return None
    if reading is None:
        if span.kind in ("district", "phrase"):
            return None  # an unknown district or a description with nothing to attach it to
        return Place(
            place_id, prov, span.text, None, None, None, None, None, None, span.description
        )
    entry = reading.entry
    precision = "region" if span.kind == "area" else PRECISION[entry.kind]
    own = span.kind == "name"
    return Place(
        id=place_id,
        prov=prov,
        name=entry.name if own else span.text.removeprefix("the "),
        geonames_id=entry.geonames_id if own else None,
        latitude=entry.latitude,
        longitude=entry.longitude,
        country=entry.country,
        historical_country=reading.note,
        precision=precision,
        description=None if own else span.description,
    )


def extract_places(
    article: Article,
    parsed: Sequence[tuple[int, Doc]],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
) -> tuple[Place, ...]:
    """Every place named in the article, resolved where the gazetteer allows."""
    del entities  # the mentions carry what is needed
    gaz = load_gazetteer()
    spans = find_place_spans(article, list(parsed), mentions, gaz)
    readings = resolve(gaz, spans, _demonym_countries(mentions))
    places = (_place(article, span, reading) for span, reading in zip(spans, readings, strict=True))
    return tuple(p for p in places if p is not None)
