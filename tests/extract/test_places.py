"""Places in text: which spans, which reading, what is attached to what."""

from __future__ import annotations

import hashlib

import pytest

from khronika.extract.entities import extract_entities
from khronika.extract.places import extract_places
from khronika.model import Article, Place, Provenance, make_id
from khronika.nlp import load_nlp, parse
from khronika.settings import Settings


def places_of(text: str, dateline: str | None = None) -> tuple[Place, ...]:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = Article(
        id="a",
        prov=Provenance("t.txt", sha, 0, "a", 0, len(text)),
        body_start=0,
        text=text,
        title=None,
        byline=None,
        published=None,
        dateline=dateline,
        language=None,
        url=None,
    )
    parsed = list(parse(load_nlp(Settings().spacy_model), text, 8))
    entities, mentions = extract_entities(article, parsed)
    return extract_places(article, parsed, entities, mentions)


def place_at(text: str, surface: str, dateline: str | None = None) -> Place:
    found = [p for p in places_of(text, dateline) if text[p.prov.start : p.prov.end] == surface]
    assert found, f"no place {surface!r} in {text!r}"
    return found[0]


# (text, the place as printed, gazetteer name, country, historical note, precision)
RESOLVED = [
    # homonyms chosen by context, population as the tie-breaker
    ("The nerve agent was used in Salisbury, a cathedral city in southern England, in 2018.", "Salisbury", "Salisbury", "GB", None, "city"),
    ("Police sealed off a park in Salisbury (southern England) after the attack.", "Salisbury", "Salisbury", "GB", None, "city"),
    ("Police in Salisbury, Maryland, arrested two men after a shooting on Tuesday.", "Salisbury", "Salisbury", "US", None, "city"),
    ("Protesters marched through London, Ontario, on Saturday.", "London", "London", "CA", None, "city"),
    ("Protesters marched through London on Saturday.", "London", "London", "GB", None, "city"),
    ("A gunman killed seven people in Odessa, Texas, on Saturday.", "Odessa", "Odessa", "US", None, "city"),
    ("He fled to Georgia and settled in Tbilisi.", "Georgia", "Georgia", "GE", None, "country"),
    ("He grew up in Atlanta, Georgia, and studied law.", "Georgia", "Georgia", "US", None, "region"),
    ("A glide bomb hit a block in Kharkiv’s Saltivka district on Monday.", "Saltivka", "Saltivka", "UA", None, "city"),
    # historical names: present-day place and country, the historical form noted
    ("He served in the KGB in Leningrad in the 1970s.", "Leningrad", "Saint Petersburg", "RU", "Leningrad", "city"),
    ("He was kidnapped in West Berlin in 1978.", "West Berlin", "Berlin", "DE", "West Berlin", "city"),
    ("She moved from Stalingrad to Moscow after the war.", "Stalingrad", "Volgograd", "RU", "Stalingrad", "city"),
    ("He was born in the Soviet Union in 1950.", "Soviet Union", "Soviet Union", None, "Soviet Union", "country"),
    # spellings
    ("Air raid sirens sounded in Kiev overnight.", "Kiev", "Kyiv", "UA", None, "city"),
    ("Air raid sirens sounded in Kyiv overnight.", "Kyiv", "Kyiv", "UA", None, "city"),
    ("Dock workers were detained in Odessa on Monday.", "Odessa", "Odesa", "UA", None, "city"),
    ("Dock workers were detained in Odesa on Monday.", "Odesa", "Odesa", "UA", None, "city"),
    # small towns, some of which the small model does not label
    ("Bodies were found in Bucha after the withdrawal.", "Bucha", "Bucha", "UA", None, "city"),
    ("Volunteers returned to Irpin on Sunday.", "Irpin", "Irpin", "UA", None, "city"),
    ("A drone struck the port of Chornomorsk on Tuesday.", "Chornomorsk", "Chornomors’k", "UA", None, "city"),
    # regions
    ("Troops withdrew from the Kyiv region in March.", "Kyiv region", "Kyiv Oblast", "UA", None, "region"),
    ("He was sentenced to ten years in a camp in the Perm region.", "Perm region", "Perm Krai", "RU", None, "region"),
    ("The war in Chechnya lasted for years.", "Chechnya", "Chechnya", "RU", None, "region"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "name", "country", "note", "precision"), RESOLVED)
def test_resolved(
    text: str, surface: str, name: str, country: str | None, note: str | None, precision: str
) -> None:
    place = place_at(text, surface)
    assert (place.name, place.country, place.historical_country, place.precision) == (
        name,
        country,
        note,
        precision,
    )
    assert place.description is None


def test_a_gazetteer_place_carries_its_geonames_id_and_point() -> None:
    place = place_at("Bodies were found in Bucha after the withdrawal.", "Bucha")
    assert place.geonames_id == 711350
    assert place.latitude == pytest.approx(50.55, abs=0.05)
    assert place.longitude == pytest.approx(30.21, abs=0.05)


# (text, the phrase as printed, country, precision): phrases the gazetteer lacks,
# attached to the place they name or stand beside
ATTACHED = [
    ("He was stabbed with an umbrella on Waterloo Bridge in London.", "Waterloo Bridge", "GB", "city"),
    ("A man was shot outside the Zoo station in Berlin.", "Zoo station", "DE", "city"),
    ("The suspect was held in Lefortovo prison for two years.", "Lefortovo prison", "RU", "city"),
    ("He was found dead in Istanbul’s Beyoğlu district last January.", "Beyoğlu", "TR", "city"),
    ("The bomb went off near a bus stop in central London.", "a bus stop in central London", "GB", "city"),
    ("He was taken from the presidential bunker in Grozny.", "the presidential bunker in Grozny", "RU", "city"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "country", "precision"), ATTACHED)
def test_phrases_are_attached_to_their_place(
    text: str, surface: str, country: str, precision: str
) -> None:
    place = place_at(text, surface)
    assert place.geonames_id is None
    assert place.description
    assert (place.country, place.precision) == (country, precision)
    assert place.latitude is not None


def test_a_facility_is_named_as_printed_and_takes_its_city_point() -> None:
    text = "He was stabbed with an umbrella on Waterloo Bridge in London."
    bridge, london = place_at(text, "Waterloo Bridge"), place_at(text, "London")
    assert (bridge.name, bridge.description) == ("Waterloo Bridge", "Waterloo Bridge")
    assert (bridge.latitude, bridge.longitude) == (london.latitude, london.longitude)


# (text, a word that is not a place here)
NOT_PLACES = [
    ("Russian troops withdrew after a German plane landed.", "Russian"),
    ("Russian troops withdrew after a German plane landed.", "German"),
    ("He was a Soviet citizen until 1991.", "Soviet"),
    ("Putin accused the West of staging the attack.", "West"),
    ("The defector met Victoria in a cafe near the embassy.", "Victoria"),
    ("He handed the files to Hope, his lawyer.", "Hope"),
    ("Reading the report aloud, the judge paused.", "Reading"),
    ("He bought a Nice biscuit at the kiosk.", "Nice"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word"), NOT_PLACES)
def test_demonyms_and_common_words_are_not_places(text: str, word: str) -> None:
    assert word not in [text[p.prov.start : p.prov.end] for p in places_of(text)]


def test_a_dateline_place_is_taken_even_in_capitals() -> None:
    text = "KYIV, April 6 (Wire) – Volunteers said the shelling had stopped."
    place = place_at(text, "KYIV", dateline="KYIV, April 6")
    assert (place.name, place.country) == ("Kyiv", "UA")


def test_ids_are_deterministic_and_built_from_the_span() -> None:
    text = "Dock workers were detained in Odesa on Monday."
    first, second = places_of(text), places_of(text)
    assert first == second
    [place] = first
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert place.id == make_id("p", sha, 0, place.prov.start, place.prov.end)


def test_no_places_in_a_text_without_any() -> None:
    assert places_of("The committee met on Tuesday and adjourned.") == ()
