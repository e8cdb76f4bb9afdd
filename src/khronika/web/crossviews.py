"""Cross-article views: incidents, contradictions and duplicates with their sources.

Each view joins the store's links with the events and articles they name,
so a page (or the JSON API) can show every report side by side. Events are
taken as reviewed (see :mod:`khronika.review`): corrections applied, with
their review state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from khronika.link.align import PassageKind, align_passages
from khronika.model import Article, Incident, Link, ReviewDecision
from khronika.review import ReviewedEvent, contradiction_resolutions, decoded, reviewed_events
from khronika.store import Store


@dataclass(frozen=True, slots=True)
class Report:
    """One article's account of an event."""

    reviewed: ReviewedEvent
    article_id: str
    article_title: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class IncidentView:
    incident: Incident
    reports: list[Report]


@dataclass(frozen=True, slots=True)
class ContradictionView:
    """Two reports disagreeing on one field, and a reviewer's resolution if any."""

    link: Link
    left: Report | None
    right: Report | None
    resolution: ReviewDecision | None
    resolved_value: str | None


@dataclass(frozen=True, slots=True)
class PassageRow:
    """One aligned passage: the text on each side ("" where absent)."""

    kind: PassageKind
    left: str
    right: str
    left_span: tuple[int, int] | None
    right_span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class DuplicateView:
    link: Link
    left: Article | None
    right: Article | None
    passages: list[PassageRow]


def _reports(store: Store) -> dict[str, Report]:
    titles = {a.id: a for a in store.articles()}
    reports = {}
    for reviewed in reviewed_events(store):
        article = titles.get(reviewed.event.prov.article_id or "")
        reports[reviewed.event.id] = Report(
            reviewed,
            reviewed.event.prov.article_id or "",
            article.title if article else None,
            article.published if article else None,
        )
    return reports


def incidents(store: Store) -> list[IncidentView]:
    """Every incident with its reports, in the store's order."""
    reports = _reports(store)
    return [
        IncidentView(incident, [reports[e] for e in incident.events if e in reports])
        for incident in store.incidents()
    ]


def contradictions(
    store: Store, kind: Literal["contradiction", "refinement"] = "contradiction"
) -> list[ContradictionView]:
    """Every contradiction (or refinement) link with both reports and its resolution."""
    reports = _reports(store)
    resolutions = contradiction_resolutions(store)
    views = []
    for link in store.links(kind):
        resolution = resolutions.get(link.id)
        value = decoded(resolution.fields).get("value") if resolution else None
        views.append(
            ContradictionView(
                link,
                reports.get(link.left),
                reports.get(link.right),
                resolution,
                None if value is None else str(value),
            )
        )
    return views


def duplicates(store: Store) -> list[DuplicateView]:
    """Every duplicate link with both articles and their passages aligned."""
    articles = {a.id: a for a in store.articles()}
    views = []
    for link in store.links("duplicate"):
        left, right = articles.get(link.left), articles.get(link.right)
        rows: list[PassageRow] = []
        if left is not None and right is not None:
            for passage in align_passages(left.text, right.text):
                rows.append(
                    PassageRow(
                        passage.kind,
                        _cut(left.text, passage.left),
                        _cut(right.text, passage.right),
                        passage.left,
                        passage.right,
                    )
                )
        views.append(DuplicateView(link, left, right, rows))
    return views


def _cut(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0] : span[1]] if span else ""
