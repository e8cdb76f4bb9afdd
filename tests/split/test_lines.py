"""Line classification: furniture, kickers, metadata lines and prose."""

from __future__ import annotations

import pytest

from khronika.split.furniture import strip_kicker
from khronika.split.header import body_dateline, parse_byline, parse_meta
from khronika.split.lines import classify, split_lines


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Categories", "furniture"),
        ("Latest News", "furniture"),
        ("Eyewitness", "furniture"),
        ("  Home  ", "furniture"),
        ("Menu", "furniture"),
        ("Share:", "furniture"),
        ("Read more »", "furniture"),
        ("Leave a comment", "furniture"),
        ("Home | News | World", "furniture"),
        ("Russia, Europe, Eyewitness", "furniture"),
        ("News | World | Russia", "furniture"),
        ("Home › Europe › Ukraine", "furniture"),
        ("Photo copyright Jane Doe/Agency", "furniture"),
        ("Photo: Reuters", "furniture"),
        ("Image: Jane Doe", "furniture"),
        ("Picture credit: Agency", "furniture"),
        ("© 2025 The Sentinel. All rights reserved.", "furniture"),
        ("Tags: Russia, KGB, poison", "furniture"),
        ("READ MORE: Spy chief speaks", "furniture"),
        ("Exclusive", "kicker"),
        ("WORLD EXCLUSIVE", "kicker"),
        ("BREAKING:", "kicker"),
        ("3 May 2025", "meta"),
        ("By Anna Kovacs", "meta"),
        ("BY ANNA KOVACS", "meta"),
        ("10 September 2020 By Paul Martin", "meta"),
        ("WORLD EXCLUSIVE:  By Paul Martin , Washington DC.", "meta"),
        ("Posted on May 3, 2025 by Anna Kovacs", "meta"),
        ("Published: 3 May 2025, 10:32 GMT | Updated: 4 May 2025", "meta"),
        ("Kyiv, Ukraine, 3 May 2025", "meta"),
        ("This article was originally published by The Sentinel on May 3, 2025.", "meta"),
        ("", "blank"),
        ("\u00a0 \t", "blank"),
        ("Kremlin critic says he was followed across three borders", "text"),
        ("Photos show the burnt-out car on the edge of the town.", "text"),
        ("Subscribers were told the paper would close.", "text"),
        ("By Tuesday evening, the troops had left.", "text"),
        ("By the time he arrived, it was over.", "text"),
        ("It happened on May 3, 2025, officials said.", "text"),
        ("“On 3 May 2019 I was already in Vienna,” he said.", "text"),
        ("March 2019.", "text"),
        ("12 March 2019 — arrest of the suspects", "text"),
        ("Kyiv, Kharkiv and Odesa shelled overnight", "text"),
    ],
)
def test_classify(text: str, kind: str) -> None:
    assert classify(text)[0] == kind


@pytest.mark.parametrize(
    ("text", "published", "updated", "byline", "place"),
    [
        ("10 September 2020 By Paul Martin", "2020-09-10", None, "Paul Martin", None),
        (
            "WORLD EXCLUSIVE:  By Paul Martin , Washington DC.",
            None,
            None,
            "Paul Martin",
            "Washington DC",
        ),
        ("Posted by Anna Kovacs on May 3, 2025", "2025-05-03", None, "Anna Kovacs", None),
        ("Published 3 May 2025 | Updated 4 May 2025", "2025-05-03", "2025-05-04", None, None),
        ("Updated: May 4, 2025", None, "2025-05-04", None, None),
        ("By Anna Kovacs and Li Wei, Kyiv", None, None, "Anna Kovacs and Li Wei", "Kyiv"),
        ("By Li Wei, Chief Europe Correspondent", None, None, "Li Wei", None),
        ("Kyiv, Ukraine, 3 May 2025", "2025-05-03", None, None, "Kyiv, Ukraine"),
    ],
)
def test_parse_meta(
    text: str, published: str | None, updated: str | None, byline: str | None, place: str | None
) -> None:
    meta = parse_meta(text)
    assert meta is not None
    assert (meta.published, meta.updated, meta.byline, meta.place) == (
        published,
        updated,
        byline,
        place,
    )


def test_note_is_marked() -> None:
    meta = parse_meta("This story was first published by The Sentinel in September 2020.")
    assert meta is not None and meta.note and meta.published == "2020-09"
    assert meta.byline is None


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("Paul Martin", ("Paul Martin", None)),
        ("Anna Kovacs, John Smith and Li Wei", ("Anna Kovacs, John Smith and Li Wei", None)),
        ("Reuters", ("Reuters", None)),
        ("Monday", None),
        ("the sea", None),
    ],
)
def test_parse_byline(rest: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_byline(rest) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("WASHINGTON — The talks resumed.", "WASHINGTON"),
        ("LONDON (Reuters) - The talks resumed.", "LONDON"),
        ("KYIV, Ukraine – The talks resumed.", "KYIV, Ukraine"),
        ("The talks resumed — briefly.", None),
        ("A — B", None),
    ],
)
def test_body_dateline(line: str, expected: str | None) -> None:
    assert body_dateline(line) == expected


def test_strip_kicker() -> None:
    assert strip_kicker("EXCLUSIVE: Spy speaks") == "Spy speaks"
    assert strip_kicker("Exclusive interview with a spy") == "Exclusive interview with a spy"
    assert strip_kicker("EXCLUSIVE By Paul Martin", loose=True) == "By Paul Martin"


def test_split_lines_keeps_offsets_for_every_newline() -> None:
    text = "one\r\ntwo\nthree\rfour"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["one", "two", "three", "four"]
    assert all(text[ln.start : ln.end] == ln.text for ln in lines)
