"""Events as flat records: JSON lines (``jsonl``) or CSV (``csv``).

One event a line or a row, with every field of the event as reviewed, its
evidence and provenance, and its review (state, latest decision, reviewer,
time, and the original values of corrected fields). In CSV, lists are
joined with ``"; "`` and the original values are one JSON object.
"""

from __future__ import annotations

import csv
import json
import re
from typing import Final, TextIO

from khronika.export.gather import ExportEvent, date_precision, export_events
from khronika.model import Event
from khronika.review import EVENT_FIELDS
from khronika.store import Store

COLUMNS: Final = (
    "id", "article_id", "article_title", "published", "type", "mode", "context", "actors",
    "recipients", "date", "date_precision", "location", "latitude", "longitude", "country",
    "instrument", "outcome", "fatalities", "status", "source", "evidence", "start", "end",
    "source_file", "source_sha256", "document", "review_state", "review_decision",
    "reviewer", "reviewed_at", "original",
)  # fmt: skip


def record(item: ExportEvent) -> dict[str, object]:
    """One event as a flat JSON object with :data:`COLUMNS` as keys."""
    event, article, place = item.event, item.article, item.place
    latest = item.reviewed.latest
    return {
        "id": event.id,
        "article_id": article.id,
        "article_title": article.title,
        "published": article.published,
        "type": event.type,
        "mode": list(event.mode),
        "context": list(event.context),
        "actors": list(event.actors),
        "recipients": list(event.recipients),
        "date": event.date,
        "date_precision": date_precision(event.date),
        "location": event.location,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country": event.country,
        "instrument": list(event.instrument),
        "outcome": event.outcome,
        "fatalities": event.fatalities,
        "status": event.status,
        "source": event.source,
        "evidence": event.evidence,
        "start": event.prov.start,
        "end": event.prov.end,
        "source_file": event.prov.source_path,
        "source_sha256": event.prov.source_sha256,
        "document": event.prov.document,
        "review_state": item.reviewed.state,
        "review_decision": latest.decision if latest else None,
        "reviewer": latest.reviewer if latest else None,
        "reviewed_at": latest.at if latest else None,
        "original": _original(item.reviewed.original, event),
    }


def write_jsonl(store: Store, out: TextIO) -> int:
    """One JSON object per event and line; the number written."""
    events = export_events(store)
    for item in events:
        out.write(json.dumps(record(item), ensure_ascii=False) + "\n")
    return len(events)


def write_csv(store: Store, out: TextIO) -> int:
    """One CSV row per event, with a header of :data:`COLUMNS`; the number written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    events = export_events(store)
    for item in events:
        writer.writerow({name: _cell(value) for name, value in record(item).items()})
    return len(events)


def _original(original: Event, current: Event) -> dict[str, object]:
    """The extracted values of the fields a reviewer corrected."""
    changed: dict[str, object] = {}
    for name in EVENT_FIELDS:
        before, after = getattr(original, name), getattr(current, name)
        if before != after:
            changed[name] = list(before) if isinstance(before, tuple) else before
    return changed


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return safe_cell("; ".join(str(v) for v in value))
    if isinstance(value, dict):
        return safe_cell(json.dumps(value, ensure_ascii=False)) if value else ""
    return safe_cell(str(value))


#: What a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character is quoted.

    As OWASP recommends, a cell starting with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return gets a leading ``'``. A plain number (``-0.12``,
    a longitude) is left as it is, so that numeric columns stay numbers.

    >>> safe_cell("=SUM(A1)"), safe_cell("-0.12"), safe_cell("a=b")
    ("'=SUM(A1)", '-0.12', 'a=b')
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
