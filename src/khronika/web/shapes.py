"""Country shapes for the offline map: TopoJSON in, projected SVG paths out.

The shapes are Natural Earth's, as the npm package ``world-atlas`` ships
them; ``make install`` copies ``countries-110m.json`` into
``khronika/web/static/vendor/``. Decoding TopoJSON is small enough to do
here: arcs are delta-encoded integers scaled by the topology's transform,
and a negative arc index ``~i`` means arc ``i`` reversed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WORLD_ATLAS = "countries-110m.json"

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One country: ISO 3166 numeric code, name, and polygons of lon/lat rings."""

    numeric: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]

    def centroid(self) -> Point:
        """Area centre (lon, lat) of the largest polygon's outer ring."""
        ring = unwrap(max((polygon[0] for polygon in self.polygons), key=_ring_area))
        area = x_sum = y_sum = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            x_sum += (x0 + x1) * cross
            y_sum += (y0 + y1) * cross
        if not area:
            return ring[0]
        lon, lat = x_sum / (3 * area), y_sum / (3 * area)
        return (lon - 360 if lon > 180 else lon, lat)


def crosses_antimeridian(ring: Ring) -> bool:
    """Whether a ring jumps across longitude 180 (Russia, Fiji) between two points."""
    return any(abs(b[0] - a[0]) > 180 for a, b in pairwise(ring))


def unwrap(ring: Ring) -> Ring:
    """A ring that crosses longitude 180 with its western points moved east by 360°."""
    if not crosses_antimeridian(ring):
        return ring
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]


def default_shapes_path() -> Path:
    """Where ``make install`` puts the country shapes inside the package."""
    return Path(str(files("khronika.web") / "static" / "vendor" / WORLD_ATLAS))


def load_countries(path: Path) -> list[CountryShape]:
    """Every country in a world-atlas TopoJSON file; empty if the file is absent."""
    if not path.is_file():
        log.warning("no country shapes at %s; run 'make install' to fetch world-atlas", path)
        return []
    topology: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons: list[list[list[int]]] = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        shapes.append(
            CountryShape(
                numeric=str(geometry.get("id", "")),
                name=str(geometry.get("properties", {}).get("name", "")),
                polygons=tuple(
                    tuple(_ring(arcs, ring) for ring in polygon) for polygon in polygons
                ),
            )
        )
    return shapes


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    transform = topology.get("transform")
    raw_arcs: list[list[list[float]]] = topology["arcs"]
    if not isinstance(transform, dict):
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in raw_arcs]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in raw_arcs:
        x = y = 0.0
        points: Ring = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # consecutive arcs share their joining point
        points.extend(arc[1:] if points else arc)
    return points


def _ring_area(ring: Ring) -> float:
    return abs(
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )
