"""PLOVER JSON: a list of event records in the PLOVER manual's JSON fields.

The PLOVER specification (Open Event Data Alliance, "JSON Data Fields")
names the fields ``id``, ``date``, ``source`` and ``recipient`` (lists of
actor objects: ``actor_text``, ``identifier_id``, ``identifier_text``),
``event``, ``mode``, ``context`` (lists), ``event_loc`` (a location object
with GeoNames' field names: ``geonameid``, ``name``, ``latitude``,
``longitude``, ``country_code``), ``event_text``, ``quad_code``, ``text``,
``text_info`` (``start``, ``end``), ``cite_info`` (``url``, ``title``,
``language``, ``coder``, ``codebook``), ``coder`` and ``coded_date``. PLOVER
dates are ``YYYY-MM-DD``; khronika writes the ISO prefix it knows (``2024``,
``2024-05``) and states the precision in its extension.

What PLOVER lacks sits under the key ``khronika``: date precision, status
(asserted, attributed, ...), the named source of an attributed event,
outcome, fatalities, instrument, the evidence span, the provenance and the
review. Every record is checked against ``data/schemas/plover.schema.json``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any, Final, TextIO

import jsonschema  # type: ignore[import-untyped]  # no stubs shipped; see report

from khronika import __version__
from khronika.errors import KhronikaError
from khronika.export.gather import ExportEvent, date_precision, export_events
from khronika.model import Entity
from khronika.store import Store

# The quad categories of the PLOVER manual (REQUEST is its newer name for DEMAND).
QUAD_CODES: Final = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
CODEBOOK: Final = "plover-base (PLOVER manual 0.7b1) with khronika extensions"


class ExportValidationError(KhronikaError):
    """An export does not match the schema it promises; a bug in khronika."""


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the PLOVER export, shipped in the package."""
    text = (files("khronika") / "data" / "schemas" / "plover.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def records(store: Store) -> list[dict[str, Any]]:
    """The PLOVER records of every exported event, checked against the schema."""
    entities: dict[str, list[Entity]] = {}
    for summary in store.entities():
        entities.setdefault(summary.entity.prov.article_id or "", []).append(summary.entity)
    found = [record(item, entities.get(item.article.id, [])) for item in export_events(store)]
    validate(found)
    return found


def write(store: Store, out: TextIO) -> int:
    """Write the records to ``out`` as one JSON list; the number written."""
    found = records(store)
    json.dump(found, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(found)


def validate(found: list[dict[str, Any]]) -> None:
    """:class:`ExportValidationError` unless ``found`` matches the schema."""
    try:
        jsonschema.validate(found, schema())
    except jsonschema.ValidationError as err:
        where = "/".join(str(part) for part in err.absolute_path)
        raise ExportValidationError(
            f"PLOVER export does not match its schema at {where or 'the top'}: {err.message}"
        ) from err


def record(item: ExportEvent, entities: list[Entity]) -> dict[str, Any]:
    """One event as a PLOVER record."""
    event, article, place = item.event, item.article, item.place
    reviewed = item.reviewed
    latest = reviewed.latest
    text = " ".join(event.evidence.split())
    location: dict[str, Any] | None = None
    if event.location or place:
        location = {
            "name": place.name if place else event.location,
            "geonameid": place.geonames_id if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "country_code": event.country or (place.country if place else None),
            "precision": place.precision if place else None,
        }
    return {
        "id": event.id,
        "has_event": True,
        "date": event.date,
        "source": [_actor(name, entities) for name in event.actors],
        "recipient": [_actor(name, entities) for name in event.recipients],
        "event": [event.type],
        "mode": list(event.mode),
        "context": list(event.context),
        "event_loc": location,
        "event_text": [text],
        "quad_code": QUAD_CODES.get(event.type),
        "text": text,
        "text_info": {"start": event.prov.start, "end": event.prov.end},
        "cite_info": {
            "url": article.url,
            "title": article.title,
            "language": article.language,
            "coder": f"khronika {__version__}",
            "codebook": CODEBOOK,
        },
        "coder": f"khronika {__version__}",
        "khronika": {
            "date_precision": date_precision(event.date),
            "status": event.status,
            "attributed_to": event.source,
            "outcome": event.outcome,
            "fatalities": event.fatalities,
            "instrument": list(event.instrument),
            "evidence": {"text": event.evidence, "start": event.prov.start, "end": event.prov.end},
            "provenance": {
                "article_id": article.id,
                "source_path": event.prov.source_path,
                "source_sha256": event.prov.source_sha256,
                "document": event.prov.document,
                "published": article.published,
            },
            "review": {
                "state": reviewed.state,
                "decision": latest.decision if latest else None,
                "reviewer": latest.reviewer if latest else None,
                "at": latest.at if latest else None,
                "decisions": len(reviewed.history),
            },
        },
    }


def _actor(name: str, entities: list[Entity]) -> dict[str, Any]:
    """A PLOVER actor object; the article's entity of that name, if any, as identifier."""
    key = name.casefold()
    for entity in entities:
        if key in {entity.name.casefold(), *(alias.casefold() for alias in entity.aliases)}:
            return {"actor_text": name, "identifier_id": entity.id, "identifier_text": entity.name}
    return {"actor_text": name, "identifier_id": None, "identifier_text": None}
