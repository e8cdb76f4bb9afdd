"""split_document on fictional pages: splitting, cleaning, metadata, offsets.

Every text here is invented for these tests.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from typing import NamedTuple

import pytest

from khronika.model import Article, DocumentHints, RawDocument, SourceFile, make_id
from khronika.split import split_document

Split = Callable[..., tuple[RawDocument, list[Article]]]


def source_for(data: bytes, path: str = "fixture.txt") -> SourceFile:
    digest = hashlib.sha256(data).hexdigest()
    return SourceFile(f"s_{digest[:16]}", path, digest, len(data), "txt", "utf-8")


def assert_offsets_kept(doc: RawDocument, article: Article) -> None:
    """The article's text lines up with the document character by character."""
    assert len(article.text) == article.end - article.start
    assert 0 <= article.start <= article.body_start < article.end <= len(doc.text)
    for i, ch in enumerate(article.text):
        if not ch.isspace():
            assert doc.text[article.start + i] == ch, (article.start + i, ch)
    assert article.prov.article_id == article.id
    assert article.prov.document == doc.index


@pytest.fixture
def split() -> Split:
    """Split ``text`` as document 0 of a fixture file and check every article's offsets."""

    def run(
        text: str, *, hints: DocumentHints | None = None, one_article: bool = False
    ) -> tuple[RawDocument, list[Article]]:
        doc = RawDocument(0, "fixture", text, hints or DocumentHints(), one_article)
        articles = split_document(doc, source_for(text.encode("utf-8")))
        for article in articles:
            assert_offsets_kept(doc, article)
        return doc, articles

    return run


THREE_STORIES = """\
Home | News | World
Menu

Latest News

Exclusive

Kremlin critic says he was followed across three borders

3 May 2025

By Anna Kovacs, Vienna

A Russian opposition activist living in exile says he was tailed by the same two men \
through Austria, Slovakia and Hungary last month, in what he believes was a surveillance \
operation run from Moscow.

Photo copyright Jane Doe/Agency

The activist, who asked not to be named for his safety, said the men first appeared \
outside his flat in Vienna and later boarded the same train to Bratislava.

"They did not even try to hide," he said. Austrian police confirmed they had opened an \
inquiry but declined to comment further.

Share
Related
Russia, Europe, Eyewitness

Categories

Border guards detain journalists at eastern crossing

May 4, 2025 | By Tomas Berg

Two freelance journalists were detained for nine hours at a border crossing on Sunday \
after guards accused them of photographing a restricted military area, their editor said.

The pair were released without charge late in the evening, but their cameras and laptops \
were kept for what officials called a technical examination. Press freedom groups \
condemned the detention.

Leave a comment

Eyewitness

News | World | Russia

WORLD EXCLUSIVE
Defector recalls night he fled the embassy
Posted on 2025-05-05 by Maria Lindqvist

A former diplomat who defected in the 1990s has described for the first time how he \
slipped out of his embassy in a laundry van while his colleagues were at a reception upstairs.

"I had one small bag and a passport that was not mine," he said, sitting in the kitchen \
of a house he asked us not to locate. He said he had told no one until the van had \
crossed the city.

Tags: defectors, diplomacy, Cold War
Advertisement
"""

FURNITURE_WORDS = (
    "Latest News",
    "Categories",
    "Eyewitness",
    "Photo copyright",
    "Jane Doe/Agency",
    "Share",
    "Related",
    "Leave a comment",
    "Tags:",
    "Advertisement",
    "WORLD EXCLUSIVE",
    "Exclusive",
    "Menu",
)


class Expected(NamedTuple):
    title: str | None
    body: str
    published: str | None
    byline: str | None
    dateline: str | None = None


def check(doc: RawDocument, article: Article, expected: Expected) -> None:
    assert article.title == expected.title
    assert doc.text[article.body_start :].startswith(expected.body)
    assert article.body.lstrip().startswith(expected.body)
    assert article.published == expected.published
    assert article.byline == expected.byline
    assert article.dateline == expected.dateline
    if expected.title:
        assert expected.title not in article.body
    if expected.byline:
        assert expected.byline not in article.body
    for word in FURNITURE_WORDS:
        assert word not in article.body, word


THREE_EXPECTED = [
    Expected(
        "Kremlin critic says he was followed across three borders",
        "A Russian opposition activist living in exile",
        "2025-05-03",
        "Anna Kovacs",
        "Vienna",
    ),
    Expected(
        "Border guards detain journalists at eastern crossing",
        "Two freelance journalists were detained",
        "2025-05-04",
        "Tomas Berg",
    ),
    Expected(
        "Defector recalls night he fled the embassy",
        "A former diplomat who defected",
        "2025-05-05",
        "Maria Lindqvist",
    ),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_three_stories_between_furniture(split: Split, newline: str) -> None:
    doc, articles = split(THREE_STORIES.replace("\n", newline))
    assert len(articles) == len(THREE_EXPECTED)
    for article, expected in zip(articles, THREE_EXPECTED, strict=True):
        check(doc, article, expected)
        assert article.language == "en"
        assert "\r" not in article.title if article.title else True
    first = articles[0]
    # the credit inside the first body is blanked in place, offsets kept
    credit = doc.text.index("Photo copyright Jane Doe/Agency")
    assert first.start < credit < first.end
    assert first.text[credit - first.start :].startswith(" " * len("Photo copyright"))
    assert "surveillance" in first.body and "Bratislava" in first.body
    # furniture between stories belongs to no article
    for word in ("Categories", "Leave a comment", "WORLD EXCLUSIVE", "Tags:"):
        pos = doc.text.index(word)
        assert not any(a.start <= pos < a.end for a in articles), word
    # articles are in order and do not overlap
    assert all(a.end <= b.start for a, b in itertools.pairwise(articles))


def test_ids_are_deterministic(split: Split) -> None:
    _, first = split(THREE_STORIES)
    _, again = split(THREE_STORIES)
    assert first == again
    sha = source_for(THREE_STORIES.encode("utf-8")).sha256
    for article in first:
        assert article.id == make_id("a", sha, 0, article.start, article.end)
        assert article.prov.source_sha256 == sha
        assert article.prov.source_path == "fixture.txt"
    assert len({a.id for a in first}) == len(first)


BODY_A = (
    "Investigators in the port city said on Friday that traces of a nerve agent had been "
    "found on the door handle of the flat where the couple lived, and that two men seen "
    "on cameras nearby had left the country the same evening."
)
BODY_B = (
    "The couple remain in hospital. Doctors said their condition had improved over the "
    "weekend but that recovery would take months, and police asked anyone who had "
    "travelled on the evening ferry to come forward."
)

CASES = [
    pytest.param(
        f"Poison suspects named by investigators\n\nBy Anna Kovacs\n3 May 2025\n\n"
        f"{BODY_A}\n\n{BODY_B}\n",
        [
            Expected(
                "Poison suspects named by investigators",
                "Investigators in the port",
                "2025-05-03",
                "Anna Kovacs",
            )
        ],
        id="byline-and-date-lines",
    ),
    pytest.param(
        f"Activists mark anniversary of newspaper raid\n\n{BODY_A}\n\n{BODY_B}\n\n"
        "This article was originally published by The Sentinel on May 3, 2025.\n",
        [
            Expected(
                "Activists mark anniversary of newspaper raid",
                "Investigators in the port",
                "2025-05-03",
                None,
            )
        ],
        id="originally-published-note",
    ),
    pytest.param(
        f"Ferry passengers asked to come forward\n12 May 2025\n\n{BODY_A}\n\n{BODY_B}\n\n"
        "This article was originally published by The Sentinel on May 3, 2025.\n",
        [
            Expected(
                "Ferry passengers asked to come forward",
                "Investigators in the port",
                "2025-05-12",
                None,
            )
        ],
        id="header-date-beats-note",
    ),
    pytest.param(
        f"Nerve agent traces found at flat\nUpdated: May 3, 2025 4:15 p.m. ET\n\n{BODY_A}\n",
        [
            Expected(
                "Nerve agent traces found at flat", "Investigators in the port", "2025-05-03", None
            )
        ],
        id="american-date-with-time",
    ),
    pytest.param(
        "Nerve agent traces found at flat\n"
        f"Published: 04/28/2025 | Updated: 05/02/2025\n\n{BODY_A}\n",
        [
            Expected(
                "Nerve agent traces found at flat", "Investigators in the port", "2025-04-28", None
            )
        ],
        id="american-numeric-date",
    ),
    pytest.param(
        f"Ferry service suspended after inquiry\nSeptember 2020\n\n{BODY_A}\n",
        [
            Expected(
                "Ferry service suspended after inquiry",
                "Investigators in the port",
                "2020-09",
                None,
            )
        ],
        id="month-only",
    ),
    pytest.param(
        f"Ferry service suspended after inquiry\n\nBy Li Wei in Odesa | Staff Reporter\n"
        f"Published 2025-05-03\n\nODESA, Ukraine — {BODY_A}\n",
        [
            Expected(
                "Ferry service suspended after inquiry",
                "ODESA, Ukraine — Investigators",
                "2025-05-03",
                "Li Wei",
                "Odesa",
            )
        ],
        id="byline-in-place-and-role",
    ),
    pytest.param(
        f"WASHINGTON — {BODY_A}\n\n{BODY_B}\n",
        [Expected(None, "WASHINGTON — Investigators", None, None, "WASHINGTON")],
        id="no-header-dateline-opener",
    ),
    pytest.param(
        f"{BODY_A}\n\n{BODY_B}\n",
        [Expected(None, "Investigators in the port", None, None)],
        id="no-header",
    ),
    pytest.param(
        f"Couple poisoned in port city\n\n{BODY_A}\n\n{BODY_B}\n",
        [Expected("Couple poisoned in port city", "Investigators in the port", None, None)],
        id="no-header-short-first-line",
    ),
    pytest.param(
        f"The couple were found unconscious. Police were called.\n\n{BODY_A}\n",
        [Expected(None, "The couple were found", None, None)],
        id="first-line-two-sentences-is-no-title",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_single_stories(split: Split, text: str, expected: list[Expected]) -> None:
    doc, articles = split(text)
    assert len(articles) == len(expected)
    for article, exp in zip(articles, expected, strict=True):
        check(doc, article, exp)
    assert "originally published" not in articles[0].body


INTERVIEW = f"""\
Spy chief breaks silence on poisoning

By Anna Kovacs

3 May 2025

{BODY_A}

Q: When did you first hear the name of the victim?

“It was 12 March 2018. I remember because it was my daughter's birthday.”

Q: And when did you leave the service?

March 2019.

We asked whether he had been warned.
“Nobody warned me,” he said.
On 14 May 2019 he moved with his family to a village near the border, where they lived \
for almost a year under another name before crossing into Finland.

He still keeps the letters.
“Those letters are dated 2 June 2019 and they are all I have,” he said.
"""


def test_interview_with_dates_in_quotes_is_not_split(split: Split) -> None:
    doc, articles = split(INTERVIEW)
    assert len(articles) == 1
    check(
        doc,
        articles[0],
        Expected(
            "Spy chief breaks silence on poisoning",
            "Investigators in the port",
            "2025-05-03",
            "Anna Kovacs",
        ),
    )
    body = articles[0].body
    for kept in ("12 March 2018", "March 2019.", "14 May 2019", "2 June 2019", "Finland"):
        assert kept in body


@pytest.mark.parametrize(
    "text",
    [
        "Home\nMenu\nLatest News\n\nShare\nAdvertisement\nRussia, Europe, Eyewitness\n",
        "Categories\r\n\r\nEXCLUSIVE\r\nPhoto: Reuters\r\nTags: Russia, Europe\r\n",
        "",
        "\n\n   \n",
    ],
    ids=["menus", "crlf-kicker-credit", "empty", "blank"],
)
def test_only_furniture_gives_no_article(split: Split, text: str) -> None:
    _, articles = split(text)
    assert articles == []


def test_teasers_between_stories_belong_to_no_article(split: Split) -> None:
    text = (
        f"Poison suspects named by investigators\nBy Anna Kovacs\n3 May 2025\n\n{BODY_A}\n\n"
        "Related stories\n\n"
        "Ferry service suspended after inquiry\n2 May 2025\n"
        "Couple poisoned in port city\n1 May 2025\n\n"
        f"Doctors hopeful over poisoned couple\nBy Tomas Berg\n4 May 2025\n\n{BODY_B}\n"
    )
    _, articles = split(text)
    assert [a.title for a in articles] == [
        "Poison suspects named by investigators",
        "Doctors hopeful over poisoned couple",
    ]
    assert "Ferry service" not in articles[0].body
    assert articles[1].published == "2025-05-04"


def test_standfirst_under_headline(split: Split) -> None:
    text = (
        "Latest News\n\n"
        "Ferry service suspended\n"
        "Operators halt evening crossings while police search for two men seen near the flat\n"
        "By Tomas Berg | 4 May 2025\n\n"
        f"{BODY_B}\n"
    )
    doc, articles = split(text)
    assert len(articles) == 1
    check(
        doc,
        articles[0],
        Expected("Ferry service suspended", "The couple remain", "2025-05-04", "Tomas Berg"),
    )
    assert "Operators halt" not in articles[0].body


ONE_ARTICLE_CASES = [
    pytest.param(
        f"{BODY_A}\n\nShare\nPhoto: Jane Doe/Agency\n\n{BODY_B}\n",
        DocumentHints(
            title="Nerve agent found at flat",
            published="2025-05-03T08:00:00+00:00",
            byline="Anna Kovacs",
            url="https://example.org/news/nerve-agent",
            language="en",
        ),
        Expected(
            "Nerve agent found at flat", "Investigators in the port", "2025-05-03", "Anna Kovacs"
        ),
        id="hints-fill-everything",
    ),
    pytest.param(
        f"Nerve agent found at flat\n\n{BODY_A}\n\n{BODY_B}\n",
        DocumentHints(title="Nerve Agent Found At Flat", url="https://example.org/a"),
        Expected("Nerve Agent Found At Flat", "Investigators in the port", None, None),
        id="hint-title-wins-title-line-blanked",
    ),
    pytest.param(
        f"Nerve agent found at flat\nBy Li Wei\n9 May 2025\n\n{BODY_A}\n\n"
        f"Doctors hopeful over couple\nBy Tomas Berg\n10 May 2025\n\n{BODY_B}\n",
        DocumentHints(published="2025-05-01", byline="Desk", url="https://example.org/b"),
        Expected("Nerve agent found at flat", "Investigators in the port", "2025-05-09", "Li Wei"),
        id="text-wins-and-no-split",
    ),
]


@pytest.mark.parametrize(("text", "hints", "expected"), ONE_ARTICLE_CASES)
def test_one_article_documents(
    split: Split, text: str, hints: DocumentHints, expected: Expected
) -> None:
    doc, articles = split(text, hints=hints, one_article=True)
    assert len(articles) == 1
    article = articles[0]
    check(doc, article, expected)
    assert article.url == hints.url
    assert article.language == "en"
    assert article.end == len(doc.text.rstrip())


def test_multi_article_hints_give_url_not_title(split: Split) -> None:
    hints = DocumentHints(title="Front page", published="2025-01-01", url="https://example.org/")
    _, articles = split(THREE_STORIES, hints=hints)
    assert [a.title for a in articles] == [e.title for e in THREE_EXPECTED]
    assert [a.published for a in articles] == [e.published for e in THREE_EXPECTED]
    assert {a.url for a in articles} == {"https://example.org/"}


def test_short_body_has_no_language(split: Split) -> None:
    _, articles = split("Talks resume.\n")
    assert len(articles) == 1
    assert articles[0].language is None
    assert articles[0].title is None


def test_document_index_and_path_are_kept() -> None:
    text = f"Poison suspects named\nBy Anna Kovacs\n\n{BODY_A}\n"
    doc = RawDocument(index=7, locator="line 8", text=text)
    source = source_for(b"whole feed file", path="feeds/day.jsonl")
    (article,) = split_document(doc, source)
    assert article.prov.document == 7
    assert article.prov.source_path == "feeds/day.jsonl"
    assert article.id == make_id("a", source.sha256, 7, article.start, article.end)


TIMELINE = f"""\
Poison suspects named
By Anna Kovacs
3 May 2025

{BODY_A}

Timeline of the affair

12 March 2018
Two people found collapsed on a bench.

4 March 2019
Police name a third suspect.

{BODY_B}
"""

DUMP = f"""\
Poison suspects named
3 May 2025

{BODY_A}

{BODY_B}

Doctors hopeful over couple
4 May 2025

{BODY_B}

{BODY_A}
"""


@pytest.mark.parametrize(
    ("text", "titles", "kept"),
    [
        pytest.param(
            TIMELINE, ["Poison suspects named"], ["12 March 2018", "Timeline"], id="timeline"
        ),
        pytest.param(
            DUMP,
            ["Poison suspects named", "Doctors hopeful over couple"],
            [],
            id="dump-without-furniture",
        ),
        pytest.param(
            f"Poison suspects named\n\n{BODY_A}\n\nThe inquiry continues.\nPublished: 3 May 2025\n",
            ["Poison suspects named"],
            ["The inquiry continues."],
            id="footer-date-line",
        ),
        pytest.param(
            f"{BODY_A}\n\nThe inquiry continues.\nBy Anna Kovacs\n",
            [None],
            ["The inquiry continues."],
            id="footer-byline",
        ),
    ],
)
def test_dated_lines_inside_stories(
    split: Split, text: str, titles: list[str | None], kept: list[str]
) -> None:
    _, articles = split(text)
    assert [a.title for a in articles] == titles
    for phrase in kept:
        assert phrase in articles[0].body
    assert "Published:" not in articles[0].body


def test_footer_metadata_fills_missing_fields(split: Split) -> None:
    _, (a,) = split(f"{BODY_A}\n\nThe inquiry continues.\nPublished: 3 May 2025 | By Anna Kovacs\n")
    assert (a.published, a.byline) == ("2025-05-03", "Anna Kovacs")
    assert "Anna Kovacs" not in a.body


def test_large_document_is_linear_enough(split: Split) -> None:
    story = (
        f"Poison suspects named\nBy Anna Kovacs\n3 May 2025\n\n{BODY_A}\n\n{BODY_B}\n\nShare\n\n"
    )
    _, articles = split(story * 400)
    assert len(articles) == 400
    assert len({a.id for a in articles}) == 400
