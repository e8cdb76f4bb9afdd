"""Time expressions and their TIMEX3 values (khronika.extract.times).

Every input is a fictional sentence written for these tests; benchmark and
corpus texts are never copied here. Each case gives the text, the
publication date (DCT, or ``None``), the expression expected (its exact
extent) and its value.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache

import pytest

from khronika.extract.times import extract_times
from khronika.model import Article, Provenance, TimeExpression, make_id
from khronika.nlp import load_nlp, parse
from khronika.settings import Settings

Case = tuple[str, str | None, str, str | None]


def article_of(text: str, published: str | None, start: int = 0) -> Article:
    """``text`` as one article starting at ``start`` in its document."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article_id = make_id("a", sha, 0, start, start + len(text))
    return Article(
        id=article_id,
        prov=Provenance("<text>", sha, 0, article_id, start, start + len(text)),
        body_start=start,
        text=text,
        title=None,
        byline=None,
        published=published,
        dateline=None,
        language=None,
        url=None,
    )


@lru_cache(maxsize=256)
def times_of(text: str, published: str | None) -> tuple[TimeExpression, ...]:
    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    parsed = list(parse(nlp, text, settings.nlp_batch_size))
    return extract_times(article_of(text, published), parsed)


def found(text: str, published: str | None) -> dict[str, str | None]:
    """Expression text → value."""
    return {t.text: t.value for t in times_of(text, published)}


def check(case: Case) -> None:
    text, dct, expression, value = case
    values = found(text, dct)
    assert expression in values, f"{expression!r} not found in {values}"
    assert values[expression] == value


FULL_DATES: list[Case] = [
    (
        "The editor was shot on September 7, 1978, near his home.",
        None,
        "September 7, 1978",
        "1978-09-07",
    ),
    (
        "The editor was shot on 7 September 1978 near his home.",
        None,
        "7 September 1978",
        "1978-09-07",
    ),
    ("The plane landed on August 20 2020 in the rain.", None, "August 20 2020", "2020-08-20"),
    ("The order is dated 20.08.2020 and signed.", None, "20.08.2020", "2020-08-20"),
    ("The order is dated 2020-08-20 and signed.", None, "2020-08-20", "2020-08-20"),
    ("The letter of 08/20/2020 was leaked.", None, "08/20/2020", "2020-08-20"),
    ("He vanished on Sept. 7, 1978.", None, "Sept. 7, 1978", "1978-09-07"),
    (
        "He vanished on the 7th of September, 1978.",
        None,
        "the 7th of September, 1978",
        "1978-09-07",
    ),
    ("The raid took place on Monday, Oct. 26, 1998.", None, "Monday, Oct. 26, 1998", "1998-10-26"),
]

MONTHS_AND_YEARS: list[Case] = [
    ("The satellite was launched in October 1957.", None, "October 1957", "1957-10"),
    ("He fled the country in 1993 with his family.", None, "1993", "1993"),
    ("She has lived abroad since 2021.", "2024-03-12", "2021", "2021"),
    ("The courier died last August in Tbilisi.", "2024-03-12", "last August", "2023-08"),
    ("He told me in December that he was afraid.", "2023-11-02", "December", "2022-12"),
    ("Talks will resume in January, the minister said.", "2023-11-02", "January", "2024-01"),
    ("The offensive began in early March and stalled.", "2022-04-06", "early March", "2022-03"),
    ("The troops withdrew at the end of March.", "2022-04-06", "the end of March", "2022-03"),
    ("The camp was closed in July last year.", "2024-03-12", "July last year", "2023-07"),
    (
        "The arrests came on 12 March, two days before the vote.",
        "2024-03-14",
        "12 March",
        "2024-03-12",
    ),
]

DECADES_AND_SEASONS: list[Case] = [
    ("Dissidents were watched closely in the 1950s.", None, "the 1950s", "195"),
    ("The network was built in the late 1950s.", None, "the late 1950s", "195"),
    ("The files date from the early 1970s.", None, "the early 1970s", "197"),
    ("He worked in Leningrad in the mid-1970s.", None, "the mid-1970s", "197"),
    ("The song was a hit in the sixties.", None, "the sixties", "196"),
    ("Defectors were hunted in the 19th century too.", None, "the 19th century", "18"),
    ("The protests peaked in summer 2019.", None, "summer 2019", "2019-SU"),
    ("The protests peaked last summer.", "2020-03-01", "last summer", "2019-SU"),
    ("He received threats in the spring, his lawyer said.", "2023-11-02", "the spring", "2023-SP"),
    ("Profits fell in the third quarter of 1989.", None, "the third quarter of 1989", "1989-Q3"),
]

WEEKDAYS: list[Case] = [
    (
        "Police said on Wednesday that the suspect had fled.",
        "2020-09-10",
        "Wednesday",
        "2020-09-09",
    ),
    ("The court will rule on Friday.", "2020-09-10", "Friday", "2020-09-11"),
    ("The minister resigned on Thursday.", "2020-09-10", "Thursday", "2020-09-10"),
    ("The envoy arrived last Friday.", "2020-09-10", "last Friday", "2020-09-04"),
    ("The envoy arrives next Monday.", "2020-09-10", "next Monday", "2020-09-14"),
    ("A missile hit the block on Monday evening.", "2024-05-28", "Monday evening", "2024-05-27"),
    ("The funeral could take place as early as Saturday.", "2020-09-10", "Saturday", "2020-09-12"),
    (
        "Rescuers said the rubble of Tuesday's strike was cleared.",
        "2020-09-10",
        "Tuesday",
        "2020-09-08",
    ),
]

RELATIVE: list[Case] = [
    ("Three journalists were detained this week.", "2020-09-10", "this week", "2020-W37"),
    ("Three journalists were detained last week.", "2020-09-10", "last week", "2020-W36"),
    ("The trial opens next month.", "2020-09-10", "next month", "2020-10"),
    ("The law was passed last year.", "2020-09-10", "last year", "2019"),
    ("He was released yesterday.", "2020-09-10", "yesterday", "2020-09-09"),
    ("The verdict is expected today.", "2020-09-10", "today", "2020-09-10"),
    ("The editor was attacked a year ago.", "2020-09-10", "a year ago", "2019"),
    ("The editor was attacked two years ago.", "2020-09-10", "two years ago", "2018"),
    ("The editor was attacked three days ago.", "2020-09-10", "three days ago", "2020-09-07"),
    ("Shelling resumed this morning.", "2020-09-10", "this morning", "2020-09-10"),
    ("Two men were arrested last night.", "2020-09-10", "last night", "2020-09-09"),
    ("The unit was disbanded earlier this year.", "2020-09-10", "earlier this year", "2020"),
]

CHAINED: list[Case] = [
    (
        "He was arrested on 3 March 2019. Two days later he was released.",
        "2020-09-10",
        "Two days later",
        "2019-03-05",
    ),
    (
        "In 1993 he was arrested in London. Our embassy got him out the next day.",
        "2020-09-10",
        "the next day",
        "1993",
    ),
    (
        "The bomb went off on 4 May 2010. A week later the police made an arrest.",
        "2020-09-10",
        "A week later",
        "2010-05-11",
    ),
    (
        "The plant was seized in October 2015. The following year it was sold.",
        "2020-09-10",
        "The following year",
        "2016",
    ),
    (
        "The raid happened on 14 August 2023. That night the files disappeared.",
        "2023-11-02",
        "That night",
        "2023-08-14",
    ),
    (
        "Sales rose in the third quarter. A year earlier they had fallen.",
        "1989-10-26",
        "A year earlier",
        "1988-Q3",
    ),
    (
        "She told me the next morning that nobody had heard the siren. The bomb struck her block "
        "at about 9.15pm on 27 May, killing nine people.",
        "2024-05-30",
        "the next morning",
        "2024-05-28",
    ),
]

VAGUE: list[Case] = [
    ("He is as ruthless as he was years ago.", "2020-09-10", "years ago", "PAST_REF"),
    ("Food was scarce in those days.", "2020-09-10", "those days", "PAST_REF"),
    ("I would have been dead long ago.", "2020-09-10", "long ago", "PAST_REF"),
    ("The agency recently opened an inquiry.", "2020-09-10", "recently", "PAST_REF"),
    ("He is now in exile.", "2020-09-10", "now", "PRESENT_REF"),
    ("She currently lives in Vienna.", "2020-09-10", "currently", "PRESENT_REF"),
    ("Sanctions may follow in the future.", "2020-09-10", "the future", "FUTURE_REF"),
    ("Many years earlier he had defected.", "2020-09-10", "Many years earlier", "PAST_REF"),
]

DURATIONS_AND_SETS: list[Case] = [
    ("She was held for two days in a basement.", None, "two days", "P2D"),
    ("He spent three years in Lefortovo.", None, "three years", "P3Y"),
    (
        "He plans to stay in power for at least ten more years.",
        None,
        "at least ten more years",
        "P10Y",
    ),
    ("For 19 days she was held in a boiler room.", None, "19 days", "P19D"),
    ("The talks dragged on for weeks.", None, "weeks", "PXW"),
    ("He served 2 1/2 years for treason.", None, "2 1/2 years", "P2Y6M"),
    ("Within an hour he was across the border.", None, "an hour", "PT1H"),
    ("A two-year sentence was handed down.", None, "two-year", "P2Y"),
    ("Patrols pass the house every week.", None, "every week", "P1W"),
    ("Informers reported twice a month.", None, "twice a month", "P1M"),
    ("The paper appears daily.", None, "daily", "P1D"),
]

UNKNOWN_DCT: list[Case] = [
    ("The attack happened on October 7.", None, "October 7", "XXXX-10-07"),
    ("The attack happened in October.", None, "October", "XXXX-10"),
    ("The attack happened on Friday.", None, "Friday", "XXXX-WXX-5"),
    ("The attack happened last summer.", None, "last summer", "XXXX-SU"),
    ("The attack happened yesterday.", None, "yesterday", None),
    ("The attack happened on 7 October 2023.", None, "7 October 2023", "2023-10-07"),
]


@pytest.mark.parametrize("case", FULL_DATES, ids=lambda c: c[2])
def test_full_dates_in_every_common_order(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", MONTHS_AND_YEARS, ids=lambda c: c[2])
def test_months_and_years(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", DECADES_AND_SEASONS, ids=lambda c: c[2])
def test_decades_centuries_seasons_quarters(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", WEEKDAYS, ids=lambda c: c[0][:30])
def test_weekdays_resolve_by_tense(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", RELATIVE, ids=lambda c: c[2])
def test_relative_to_the_publication_date(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", CHAINED, ids=lambda c: c[2])
def test_chained_references_count_from_the_latest_date(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", VAGUE, ids=lambda c: c[2])
def test_vague_references(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", DURATIONS_AND_SETS, ids=lambda c: c[2])
def test_durations_and_sets(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", UNKNOWN_DCT, ids=lambda c: c[2])
def test_unknown_publication_date_stays_under_specified(case: Case) -> None:
    check(case)


NOT_TIMES = [
    "The 85-year-old general lives in Virginia.",
    "More than 1,000 people marched to the square.",
    "1993 votes were cast for the opposition candidate.",
    "The ransom was $2000 in cash.",
    "Call the newsroom on 555-1993 for details.",
    "He is 85 and still writes.",
    "They met in room 1984 of the hotel.",
    "April Ryan asked the first question.",
    "The reporter may travel to the border.",
    "Sales rose by three quarters of a percent.",
]


@pytest.mark.parametrize("text", NOT_TIMES, ids=lambda t: t[:30])
def test_ages_quantities_and_names_are_not_times(text: str) -> None:
    assert times_of(text, "2020-09-10") == ()


def test_a_clock_time_takes_the_day_of_its_sentence_or_is_dropped() -> None:
    dated = found("The bomb struck at about 9.15pm on 27 May.", "2024-05-30")
    assert dated["about 9.15pm"] == "2024-05-27"
    assert "9 p.m." not in found("The lights went out at 9 p.m. in the old town.", "2024-05-30")


def test_extents_leave_prepositions_out_and_modifiers_in() -> None:
    texts = [t.text for t in times_of("Since 2021 and in the late 1950s, on Wednesday.", None)]
    assert texts == ["2021", "the late 1950s", "Wednesday"]


def test_kinds() -> None:
    kinds = {
        t.text: t.kind
        for t in times_of("Now, for two days every week since 1993, he waits.", "2020-09-10")
    }
    assert kinds == {"two days": "duration", "every week": "set", "1993": "date"}
    assert {t.kind for t in times_of("He is now in exile.", None)} == {"vague"}


def test_provenance_ids_and_text_point_into_the_document() -> None:
    text = "He was arrested on 3 March 2019 in Minsk."
    settings = Settings()
    parsed = list(parse(load_nlp(settings.spacy_model), text, settings.nlp_batch_size))
    article = article_of(text, "2020-09-10", start=100)
    (time,) = extract_times(article, parsed)
    start = 100 + text.index("3 March 2019")
    assert (time.prov.start, time.prov.end) == (start, start + len("3 March 2019"))
    assert time.text == "3 March 2019"
    assert time.prov == replace(article.prov, start=start, end=start + 12)
    assert time.id == make_id("t", article.prov.source_sha256, 0, start, start + 12)
    assert extract_times(article, parsed) == (time,)
