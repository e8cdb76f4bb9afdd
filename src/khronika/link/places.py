"""Whether two reported places can both be right: same, one inside the other, or apart.

Decided with the offline gazetteer (:mod:`khronika.extract.gazetteer`),
never by string likeness alone:

- the same GeoNames id, or the same folded name, is the same place;
- a country contains every place resolved to that country;
- a region contains a city whose name it carries ("Kyiv region" and "Kyiv");
  otherwise region against city is left undecided (the gazetteer has no
  admin-1 polygons);
- a town or a point (a district, a facility attached to its town) lies
  inside a town when it is within the town's radius and the town is at least
  five times as populous: the radius grows with the square root of the
  population (about 21 km for Tbilisi, 28 km for Vienna, never below 3 km),
  so Vake lies in Tbilisi while Irpin and Bucha, neighbours of similar size,
  are two places;
- a described place without a GeoNames entry ("a café in the Innere Stadt")
  lies inside the town it was attached to; two such places are undecided;
- two towns or points in different countries, or too far apart for either to
  contain the other, are different places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from khronika.extract.gazetteer import load_gazetteer
from khronika.model import Place
from khronika.names import fold

Relation = Literal["same", "inside", "contains", "apart", "unknown"]
_RANK = {"point": 0, "city": 1, "region": 2, "country": 3}
POPULATION_RATIO = 5
MIN_RADIUS_KM = 3.0


@dataclass(frozen=True, slots=True)
class Located:
    """A place as compared: the record plus the population the gazetteer gives it."""

    place: Place
    population: int = 0


def locate(place: Place) -> Located:
    """Attach the gazetteer's population to a resolved place (0 when unknown)."""
    if place.geonames_id is None:
        return Located(place)
    for candidate in load_gazetteer().candidates(place.name):
        if candidate.entry.geonames_id == place.geonames_id:
            return Located(place, candidate.entry.population)
    return Located(place)


def relation(left: Located, right: Located) -> Relation:
    """How ``left`` relates to ``right`` ("inside" means left lies within right)."""
    a, b = left.place, right.place
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return "same"
    if fold(a.name) == fold(b.name):
        return "same"
    if not (a.country and b.country and a.precision and b.precision):
        return "unknown"
    if a.country != b.country:
        return "apart"
    ra, rb = _RANK[a.precision], _RANK[b.precision]
    if ra == 3 or rb == 3:
        return "unknown" if ra == rb else ("contains" if ra > rb else "inside")
    if ra == 2 or rb == 2:
        return _region(a, b)
    return _towns(left, right)


def _region(a: Place, b: Place) -> Relation:
    if a.precision == b.precision:
        return "unknown"
    region, town = (a, b) if a.precision == "region" else (b, a)
    if fold(town.name) in fold(region.name).split():
        return "contains" if region is a else "inside"
    return "unknown"


def _towns(left: Located, right: Located) -> Relation:
    a, b = left.place, right.place
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return "unknown"
    distance = _km(a, b)
    if a.geonames_id is None or b.geonames_id is None:
        # a described place ("a café in the Innere Stadt") carries the point of
        # the town it was attached to: inside that town, undecided otherwise
        if (a.geonames_id is None and b.geonames_id is None) or distance > 1.0:
            return "unknown"
        return "inside" if a.geonames_id is None else "contains"
    if _holds(right, left, distance):
        return "inside"
    if _holds(left, right, distance):
        return "contains"
    return "apart" if distance > MIN_RADIUS_KM else "unknown"


def _holds(town: Located, other: Located, distance: float) -> bool:
    if town.population <= 0 or town.population < POPULATION_RATIO * other.population:
        return False
    radius = max(MIN_RADIUS_KM, 0.02 * math.sqrt(town.population))
    return distance <= radius


def _km(a: Place, b: Place) -> float:
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))
