"""Articles are untrusted: markup in them renders as text on every page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import khronika
from khronika.web.app import create_app

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
)
ARTICLE = (
    "Police detain three men in Kharkiv <script>alert(1)</script>\n\n"
    "5 June 2024 By Lena <img src=x onerror=alert(1)> Moroz\n\n"
    "Security officers detained three men in Kharkiv on Monday, their families said. "
    '<a href="javascript:alert(1)">click</a>\n\n'
    "\u201cThey took them away <script>alert(1)</script> at night,\u201d said Olena Petrenko, "
    "a neighbour. The SBU denied that Olena <img src=x onerror=alert(1)> Petrenko was detained.\n"
)


def _ingest_feed(folder: Path, record: dict[str, str]) -> Path:
    """``record`` as a one-line feed beside whatever ``folder`` holds, all ingested."""
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = folder / "pages.db"
    with khronika.open_store(db) as store:
        khronika.ingest_paths(store, [folder])
    return db


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    folder = tmp_path_factory.mktemp("xss")
    (folder / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    record = {
        "title": "Feed item <script>alert(1)</script>",
        "text": "Soldiers shelled a village near Kharkiv on 2 May 2024, officials said. "
        + " ".join(PAYLOADS),
        "url": "javascript:alert(1)",
        "date": "2024-05-03",
    }
    db = _ingest_feed(folder, record)
    with khronika.open_store(db) as store:
        article_ids = [a.id for a in store.articles()]
        entity_ids = [s.entity.id for s in store.entities()]
    with TestClient(create_app(db, review_token="t0ken")) as client:
        pages = ["/", "/search?q=alert", "/events", "/timeline", "/map", "/incidents"]
        pages += [f"/articles/{a}" for a in article_ids] + [f"/entities/{e}" for e in entity_ids]
        yield client, "\n".join(pages)


class _Elements(HTMLParser):
    """Every element the browser would build from the page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _inert(html: str) -> None:
    """No element from the article: no inline script, handler, image or script link."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag != "img", attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") == "/static/review.js", attrs
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
    assert "<script>alert" not in html


def test_markup_from_articles_is_escaped_on_every_page(hostile: tuple[TestClient, str]) -> None:
    client, pages = hostile
    seen_escaped = False
    for path in pages.splitlines():
        response = client.get(path)
        assert response.status_code == 200, path
        _inert(response.text)
        seen_escaped |= "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert seen_escaped


def test_article_view_shows_the_markup_as_text(hostile: tuple[TestClient, str]) -> None:
    client, pages = hostile
    for path in (p for p in pages.splitlines() if p.startswith("/articles/")):
        html = client.get(path).text
        assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&lt;script&gt;" in html
        assert 'href="javascript:' not in html
        _inert(html)


def test_json_api_returns_the_text_as_data(hostile: tuple[TestClient, str]) -> None:
    client, pages = hostile
    article = next(p for p in pages.splitlines() if p.startswith("/articles/"))
    response = client.get("/api" + article)
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_bidi_overrides_in_titles_and_urls_are_shown_not_obeyed(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("bidi")
    record = {
        "title": "Leaked invoice\u202egpj.exe shows payments to the militia",
        "text": "Soldiers shelled a village near Kharkiv on 2 May 2024, officials said.",
        "url": "https://example.org/\u202etxt.exe",
        "date": "2024-05-03",
    }
    db = _ingest_feed(folder, record)
    with khronika.open_store(db) as store:
        (article,) = store.articles()
    with TestClient(create_app(db, review_token=None)) as client:
        for page in ("/", f"/articles/{article.id}", "/search?q=invoice"):
            html = client.get(page).text
            assert "\u202e" not in html, page
        html = client.get(f"/articles/{article.id}").text
        assert "invoice⟨U+202E⟩gpj.exe" in html
        assert "⟨U+202E⟩txt.exe" in html
