"""Dates, places and countries of events, read from time and place records.

The time and place extractors are written alongside; these tests hand the
event extractor records made by hand, so that the rules under test are the
event extractor's own: which time or place belongs to which event. Inputs
are fictional sentences written for these tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

import pytest

from khronika.extract.entities import extract_entities
from khronika.extract.events import RuleBasedEventExtractor
from khronika.model import (
    Article,
    Event,
    Place,
    PlacePrecision,
    Provenance,
    TimeExpression,
    make_id,
)
from khronika.nlp import load_nlp, parse
from khronika.settings import Settings

pytestmark = pytest.mark.slow

#: (text as written, TIMEX3 value)
Times = Sequence[tuple[str, str]]
#: (text as written, gazetteer name, country, precision)
Places = Sequence[tuple[str, str, str | None, PlacePrecision]]


def _article(text: str, dateline: str | None = None) -> Article:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article_id = make_id("a", sha, 0, 0, len(text))
    return Article(
        id=article_id,
        prov=Provenance("<text>", sha, 0, article_id, 0, len(text)),
        body_start=0,
        text=text,
        title=None,
        byline=None,
        published="2024-05-01",
        dateline=dateline,
        language=None,
        url=None,
    )


def _span(article: Article, needle: str) -> Provenance:
    start = article.text.index(needle)
    return replace(article.prov, start=start, end=start + len(needle))


def events_with(
    text: str, times: Times = (), places: Places = (), dateline: str | None = None
) -> tuple[Event, ...]:
    """Events of ``text`` given hand-made time and place records."""
    article = _article(text, dateline)
    parsed = list(parse(load_nlp(Settings().spacy_model), text, 8))
    entities, mentions = extract_entities(article, parsed)
    time_records = [
        TimeExpression(f"t{i}", _span(article, said), said, value, "date")
        for i, (said, value) in enumerate(times)
    ]
    place_records = [
        Place(f"p{i}", _span(article, said), name, None, None, None, country, None, precision)
        for i, (said, name, country, precision) in enumerate(places)
    ]
    return RuleBasedEventExtractor().extract(
        article, parsed, entities, mentions, (), time_records, place_records
    )


def only(*args: object, **kwargs: object) -> Event:
    found = events_with(*args, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "times", "date"),
    [
        # in the event's own clause
        (
            "Police arrested the reporter Ivan Petrov in Odesa on 3 May 2021.",
            [("3 May 2021", "2021-05-03")],
            "2021-05-03",
        ),
        # the sentence before, in the same paragraph
        (
            "Colonel Ivan Markin arrived in Riga in 1991. He was arrested at the airport.",
            [("1991", "1991")],
            "1991",
        ),
        # the event's time, not a participant's past
        (
            "In January 2023 the banker Oleg Tamm, who had moved to Spain in 2004, "
            "was found dead in Malaga.",
            [("January 2023", "2023-01"), ("2004", "2004")],
            "2023-01",
        ),
        # not the time a statement was made
        (
            "Police arrested the blogger Petr Ilic in Split, his lawyer said on Friday.",
            [("Friday", "2024-04-26")],
            None,
        ),
        # "since" anchors a participant's state, not the event
        (
            "The editor Yelena Sova, whose site has covered the war since 2020, was "
            "poisoned with a nerve agent.",
            [("2020", "2020")],
            None,
        ),
        # never the article's date by default
        ("Police arrested the blogger Petr Ilic in Split.", [], None),
        # a decade keeps its precision
        (
            "In the late 1970s KGB officers snatched the translator Nikolai Ostrov.",
            [("the late 1970s", "197")],
            "197",
        ),
    ],
)
def test_date(text: str, times: Times, date: str | None) -> None:
    assert only(text, times=times).date == date


def test_the_most_specific_place_wins() -> None:
    event = only(
        "Police detained the reporter Anna Holub in Kyiv's Podil district.",
        places=[("Kyiv", "Kyiv", "UA", "city"), ("Podil", "Podil", "UA", "point")],
    )
    assert (event.location, event.country) == ("Podil", "UA")


def test_a_district_of_the_same_precision_wins_over_its_city() -> None:
    event = only(
        "Police detained the reporter Anna Holub in Odesa's Peresyp district.",
        places=[("Odesa", "Odesa", "UA", "city"), ("Peresyp", "Peresyp", "UA", "city")],
    )
    assert event.location == "Peresyp"


def test_a_relative_clause_that_dates_the_attack_also_places_it() -> None:
    event = only(
        "Prosecutors are investigating the poisoning of Daria Moroz, a reporter who "
        "collapsed near her flat in Riga's Teika district on 2 April.",
        times=[("2 April", "2024-04-02")],
        places=[("Riga", "Riga", "LV", "city"), ("Teika", "Teika", "LV", "city")],
    )
    assert (event.date, event.location) == ("2024-04-02", "Teika")


def test_a_relative_clause_of_another_time_does_not_place_the_attack() -> None:
    event = only(
        "Daria Moroz, a reporter who moved to Riga in 2019, was poisoned on 2 April.",
        times=[("2019", "2019"), ("2 April", "2024-04-02")],
        places=[("Riga", "Riga", "LV", "city")],
    )
    assert (event.date, event.location) == ("2024-04-02", None)


def test_a_place_that_names_an_organisation_is_no_location() -> None:
    found = events_with(
        "Russia's defence ministry said its aircraft had hit the depot of the "
        "Ukrainian army in the city.",
        places=[("Russia", "Russia", "RU", "country")],
    )
    assert [(e.type, e.country) for e in found] == [("ASSAULT", None)]


def test_location_as_the_text_names_it() -> None:
    event = only(
        "Colonel Ivan Markin was arrested in Leningrad in 1977.",
        places=[("Leningrad", "Saint Petersburg", "RU", "city")],
    )
    assert (event.location, event.country) == ("Leningrad", "RU")


def test_coercion_by_a_state_body_happened_in_that_state() -> None:
    assert only("Austrian police detained a 34-year-old man on Monday.").country == "AT"


def test_a_wire_dateline_gives_the_country_not_the_place() -> None:
    text = "RIGA, May 3 (Baltwire) – Police detained the blogger Petr Ilic on Monday."
    event = only(
        text,
        times=[("May 3", "2024-05-03")],
        places=[("RIGA", "Riga", "LV", "city")],
        dateline="RIGA, May 3",
    )
    assert (event.country, event.location, event.date) == ("LV", None, None)
    assert event.evidence.startswith("Police detained")


def test_an_incident_naming_nobody_needs_its_own_day_place_and_victims() -> None:
    event = only(
        "Gunmen killed two journalists in Mosul on 3 May 2021.",
        times=[("3 May 2021", "2021-05-03")],
        places=[("Mosul", "Mosul", "IQ", "city")],
    )
    assert (event.fatalities, event.date, event.country, event.recipients) == (
        2,
        "2021-05-03",
        "IQ",
        (),
    )


@pytest.mark.parametrize(
    "text",
    [
        # nobody did it: perhaps an accident
        "Two engineers were killed at the station in Mosul on 3 May 2021.",
        # no day or month of its own
        "Gunmen killed two journalists in Mosul.",
        # a state of affairs, not an incident
        "More than 1000 people have been arrested in Mosul since 3 May 2021.",
    ],
)
def test_unanchored_incidents_naming_nobody_are_left_out(text: str) -> None:
    times = [("3 May 2021", "2021-05-03")] if "3 May" in text else []
    assert events_with(text, times=times, places=[("Mosul", "Mosul", "IQ", "city")]) == ()
