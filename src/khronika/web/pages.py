"""HTML pages over the whole store: search, events, timeline, map, cross-article views."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from khronika.errors import InputError, SearchTimeoutError, StoreError
from khronika.review import ReviewedEvent, reviewed_events
from khronika.store import Store
from khronika.web import crossviews
from khronika.web.deps import open_store, render, web_config
from khronika.web.mapview import PRECISIONS, build_map
from khronika.web.periods import period
from khronika.web.queries import EventFilter, SearchResults, name_index, search
from khronika.web.timeline import build_timeline

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]
REVIEW_STATES = ("unreviewed", "accepted", "corrected", "rejected")


@router.get("/")
def home(request: Request, store: StoreDep) -> Response:
    return render(request, "search.html", results=None, error="", stats=store.stats())


@router.get("/search")
def search_page(request: Request, store: StoreDep, q: str = "") -> Response:
    results: SearchResults | None = None
    error = ""
    status = 200
    try:
        results = search_or_refuse(store, q)
    except HTTPException as err:
        error, status = str(err.detail), err.status_code
    return render(
        request, "search.html", status, results=results, error=error, stats=store.stats(), q=q
    )


def search_or_refuse(store: Store, q: str) -> SearchResults:
    """:func:`search`, with a query over its bounds or of bad syntax as 400, one stopped
    for time as 503."""
    try:
        return search(store, q)
    except SearchTimeoutError as err:
        raise HTTPException(status_code=503, detail=str(err)) from err
    except (InputError, StoreError) as err:  # over the bounds, or not FTS5 syntax
        raise HTTPException(status_code=400, detail=str(err)) from err


def event_filter(
    type: str = "",
    mode: str = "",
    status: str = "",
    since: str = "",
    until: str = "",
    country: str = "",
    actor: str = "",
    recipient: str = "",
) -> EventFilter:
    """Dependency: the events filters from the query string (422 for an unreadable date)."""
    return EventFilter(
        type,
        mode,
        status,
        checked_date("since", since),
        checked_date("until", until),
        country,
        actor,
        recipient,
    )


def checked_date(name: str, value: str) -> str:
    """``value`` if empty or a readable ISO date prefix; otherwise a 422 naming the parameter."""
    if value and period(value) is None:
        message = f"{name}={value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"
        # the shape of FastAPI's own validation errors, as the schema documents them
        raise HTTPException(
            status_code=422,
            detail=[{"loc": ["query", name], "msg": message, "type": "value_error"}],
        )
    return value


def filtered(
    store: Store, wanted: EventFilter, state: str = ""
) -> tuple[list[ReviewedEvent], list[ReviewedEvent]]:
    """All events as reviewed, and those passing the filters (on corrected values)."""
    everything = reviewed_events(store)
    kept = [r for r in everything if wanted.keeps(r.event) and (not state or r.state == state)]
    return everything, kept


@router.get("/events")
def events_page(
    request: Request,
    store: StoreDep,
    wanted: Annotated[EventFilter, Depends(event_filter)],
    state: str = "",
) -> Response:
    everything, kept = filtered(store, wanted, state)
    events = [r.event for r in everything]
    options = {
        "type": sorted({e.type for e in events}),
        "mode": sorted({m for e in events for m in e.mode}),
        "status": sorted({e.status for e in events}),
        "country": sorted({e.country for e in events if e.country}),
        "state": list(REVIEW_STATES),
    }
    return render(
        request,
        "events.html",
        rows=kept,
        total=len(everything),
        wanted=wanted,
        state=state,
        options=options,
        names=name_index(store),
    )


@router.get("/timeline")
def timeline_page(request: Request, store: StoreDep, since: str = "", until: str = "") -> Response:
    events = [r.event for r in reviewed_events(store) if r.state != "rejected"]
    by_id = {e.id: e for e in events}
    incidents = [(i, [by_id[e] for e in i.events if e in by_id]) for i in store.incidents()]
    view = build_timeline(
        events, incidents, checked_date("since", since), checked_date("until", until)
    )
    return render(request, "timeline.html", view=view, since=since, until=until)


@router.get("/map")
def map_page(request: Request, store: StoreDep) -> Response:
    events = [r.event for r in reviewed_events(store) if r.state != "rejected"]
    analyses = {a.id: store.analysis(a.id) for a in store.articles()}
    countries, centres = web_config(request).map_shapes()
    view = build_map(events, analyses, countries, centres)
    return render(request, "map.html", view=view, precisions=PRECISIONS)


@router.get("/incidents")
def incidents_page(request: Request, store: StoreDep) -> Response:
    return render(request, "incidents.html", incidents=crossviews.incidents(store))


@router.get("/contradictions")
def contradictions_page(request: Request, store: StoreDep) -> Response:
    return render(
        request,
        "contradictions.html",
        items=crossviews.contradictions(store),
        refinements=crossviews.contradictions(store, "refinement"),
    )


@router.get("/duplicates")
def duplicates_page(request: Request, store: StoreDep) -> Response:
    return render(request, "duplicates.html", items=crossviews.duplicates(store))
