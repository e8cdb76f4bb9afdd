"""The timeline page: events and incidents as bars as wide as their dates are precise.

A year-precision date is drawn across the whole year, a month across the
month, a day as a day (never narrower than a hairline, so it stays
visible) and a decade across the decade. Everything is laid out here in
SVG units; the template only writes the shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from khronika.model import Event, Incident
from khronika.web.periods import Period, period

LABEL_WIDTH = 330.0
PLOT_WIDTH = 820.0
ROW_HEIGHT = 22.0
AXIS_HEIGHT = 28.0
_MIN_WIDTH = 2.5
# room for the last year's label
_RIGHT_MARGIN = 24.0
_STEPS = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    precision: str
    title: str


@dataclass(frozen=True, slots=True)
class Row:
    y: float
    label: str
    href: str
    bars: tuple[Bar, ...]
    kind: str  # "event" or "incident" or "report"


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineView:
    width: float
    height: float
    rows: list[Row]
    ticks: list[Tick]
    undated: list[Event] = field(default_factory=list)
    first: str = ""
    last: str = ""


@dataclass(frozen=True, slots=True)
class _Scale:
    start: date
    end: date

    def x(self, day: date) -> float:
        span = (self.end - self.start).days or 1
        return LABEL_WIDTH + (day - self.start).days / span * PLOT_WIDTH

    def bar(self, stretch: Period, title: str) -> Bar:
        left = max(self.x(stretch.start), LABEL_WIDTH)
        right = min(self.x(stretch.end), LABEL_WIDTH + PLOT_WIDTH)
        return Bar(left, max(right - left, _MIN_WIDTH), stretch.precision, title)


def build_timeline(
    events: list[Event], incidents: list[tuple[Incident, list[Event]]], since: str, until: str
) -> TimelineView:
    """Rows for incidents (their agreed date and each report's) and for every event.

    ``since`` and ``until`` (ISO prefixes, may be empty) narrow the axis;
    events outside it are left out, undated ones are listed apart.
    """
    low, high = period(since), period(until)
    dated = [(e, s) for e in events if (s := period(e.date)) is not None]
    window = [
        (e, s)
        for e, s in dated
        if (low is None or s.end > low.start) and (high is None or s.start < high.end)
    ]
    undated = [e for e in events if period(e.date) is None]
    stretches = [s for _, s in window]
    if not stretches:
        return TimelineView(LABEL_WIDTH + PLOT_WIDTH + _RIGHT_MARGIN, AXIS_HEIGHT, [], [], undated)
    start = low.start if low else min(s.start for s in stretches)
    end = high.end if high else max(s.end for s in stretches)
    start, end = date(start.year, 1, 1), date(end.year + (end > date(end.year, 1, 1)), 1, 1)
    scale = _Scale(start, end)
    rows: list[Row] = []
    kept = {e.id for e, _ in window}
    y = AXIS_HEIGHT
    for incident, reports in incidents:
        shown = [r for r in reports if r.id in kept]
        if not shown:
            continue
        agreed = period(incident.date)
        bars = [scale.bar(agreed, f"agreed: {incident.date}")] if agreed else []
        count = f"{len(reports)} report{'s' if len(reports) != 1 else ''}"
        rows.append(
            Row(y, f"{incident.date or '?'} {incident.type} ({count})",
                "/incidents#" + incident.id, tuple(bars), "incident")
        )  # fmt: skip
        y += ROW_HEIGHT
        for report in shown:
            rows.append(_event_row(scale, report, y, "report"))
            y += ROW_HEIGHT
    told = {e.id for _, reports in incidents for e in reports}
    # events of no incident, in the order of the time they cover
    for event, _ in sorted(window, key=lambda pair: (pair[1].start, pair[1].end)):
        if event.id not in told:
            rows.append(_event_row(scale, event, y, "event"))
            y += ROW_HEIGHT
    return TimelineView(
        width=LABEL_WIDTH + PLOT_WIDTH + _RIGHT_MARGIN,
        height=y + 6,
        rows=rows,
        ticks=_ticks(scale),
        undated=undated,
        first=start.isoformat()[:4],
        last=str(end.year - 1),
    )


def _event_row(scale: _Scale, event: Event, y: float, kind: str) -> Row:
    stretch = period(event.date)
    who = ", ".join(event.recipients or event.actors) or event.location or ""
    label = f"{event.date or '?'} {event.type} {who}".strip()
    bars = (scale.bar(stretch, f"{event.date} ({stretch.precision})"),) if stretch else ()
    href = f"/articles/{event.prov.article_id}#event-{event.id}"
    return Row(y, label[:48] + ("…" if len(label) > 48 else ""), href, bars, kind)


def _ticks(scale: _Scale) -> list[Tick]:
    years = scale.end.year - scale.start.year
    step = next((s for s in _STEPS if years / s <= 12), _STEPS[-1])
    first = scale.start.year + (-scale.start.year) % step
    ticks = [
        Tick(scale.x(date(year, 1, 1)), str(year))
        for year in range(first, scale.end.year + 1, step)
    ]
    if years <= 2:
        ticks += [
            Tick(scale.x(date(year, month, 1)), "")
            for year in range(scale.start.year, scale.end.year)
            for month in range(2, 13)
        ]
    return ticks
