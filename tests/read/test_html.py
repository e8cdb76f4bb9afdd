"""Tests for HTML main-text extraction."""

from __future__ import annotations

import pytest

from khronika.read.html import NO_TEXT, declared_charset, extract_html
from khronika.read.unusable import Unusable

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour fire in Gdańsk | The Daily Example</title>
<meta property="og:title" content="Harbour fire in Gdańsk">
<meta name="author" content="Marta Nowak">
<meta property="article:published_time" content="2023-11-07T21:15:00+01:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour fire in Gdańsk</h1>
<p>Firefighters fought a blaze at the old grain store in the harbour on Tuesday night,
the city said in a statement on Wednesday morning.</p>
<p>Nobody was hurt, according to the fire brigade, which sent twelve engines to the scene
and kept the fire from spreading to the neighbouring warehouses.</p>
<p>The building had stood empty for a decade. Police said the cause was not yet known.</p>
</article>
<footer>© The Daily Example. All rights reserved.</footer>
</body></html>
"""


def test_main_text_and_metadata() -> None:
    text, hints = extract_html(PAGE)
    assert "Firefighters fought a blaze" in text
    assert "Police said the cause" in text
    assert "Sport" not in text and "All rights reserved" not in text
    assert hints.title == "Harbour fire in Gdańsk"
    assert hints.byline == "Marta Nowak"
    assert hints.published == "2023-11-07"
    assert hints.language == "en"


def test_fallbacks_for_url_and_date() -> None:
    page = PAGE.replace('<meta property="article:published_time"', '<meta name="x"')
    _, hints = extract_html(page, url="https://example.org/fire", fallback_date="2023-11-09")
    assert hints.url == "https://example.org/fire"
    assert hints.published in ("2023-11-09", "2023-11-07")  # the page may still date itself


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Only a title</title></head><body><script>x()</script></body></html>",
        "",
        "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>",
    ],
)
def test_pages_without_main_text_are_unusable(markup: str) -> None:
    with pytest.raises(Unusable) as raised:
        extract_html(markup)
    assert raised.value.reason == NO_TEXT or "could not be parsed" in raised.value.reason


def test_declared_charset() -> None:
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        )
        == "ISO-8859-1"
    )
    assert declared_charset(b"<html><body>no charset</body></html>") is None
