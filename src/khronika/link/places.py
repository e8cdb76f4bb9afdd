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
  five times as populous, or within half the radius and the town at least
  three times as populous (a large district near the centre, such as
  Saltivka in Kharkiv): the radius grows with the square root of the
  population (about 21 km for Tbilisi, 28 km for Vienna, never below 3 km),
  so Vake lies in Tbilisi while Irpin and Bucha, neighbours of similar size,
  are two places;
- a described place without a GeoNames entry ("her hotel in the
  Leopoldstadt district") lies inside the town it was attached to (it
  carries that town's point); against any other place, even a district at
  the town's centre such as the Innere Stadt, and against another described
  place, it is undecided;
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
#: Within this fraction of a town's radius, a place a third of its size is a
#: district of it (a separate town so near a centre is rare; districts of
#: large cities often have GeoNames entries of their own).
CORE_FRACTION = 0.5
CORE_RATIO = 3
#: A described place lies at its town's point (copied from the gazetteer).
ATTACHED_KM = 0.01


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
        # a described place ("a café in the Innere Stadt") carries the very
        # point of the town it was attached to: inside that town, undecided
        # against anything else, even a district at the town's centre
        if (a.geonames_id is None and b.geonames_id is None) or distance > ATTACHED_KM:
            return "unknown"
        return "inside" if a.geonames_id is None else "contains"
    if _holds(right, left, distance):
        return "inside"
    if _holds(left, right, distance):
        return "contains"
    return "apart" if distance > MIN_RADIUS_KM else "unknown"


def _holds(town: Located, other: Located, distance: float) -> bool:
    if town.population <= 0:
        return False
    radius = max(MIN_RADIUS_KM, 0.02 * math.sqrt(town.population))
    if distance <= radius * CORE_FRACTION:
        # a large district near the centre (Saltivka, a third of Kharkiv)
        return town.population >= CORE_RATIO * other.population
    return town.population >= POPULATION_RATIO * other.population and distance <= radius


def _km(a: Place, b: Place) -> float:
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))
