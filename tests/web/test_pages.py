"""Every page renders from the sample corpus; filters; 404s; headers; read-only mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khronika.store import Store


@pytest.fixture(scope="module")
def ids(sample_db: Path) -> dict[str, str]:
    with Store.open(sample_db, create=False) as store:
        events = store.events()
        person = next(s.entity for s in store.entities() if "Varentsov" in s.entity.name)
        return {
            "article": events[0].prov.article_id or "",
            "event": events[0].id,
            "entity": person.id,
            "evidence": events[0].evidence,
        }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "In this database"),
        ("/search?q=KGB", "Articles"),
        ("/events", "Events"),
        ("/timeline", "Each bar is as wide as its date is precise"),
        ("/map", "Precision of the place"),
        ("/incidents", "reports"),
        ("/contradictions", "cannot both be true"),
        ("/duplicates", "similar"),
    ],
)
def test_every_list_page_renders(client: TestClient, path: str, expected: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert expected in response.text


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/events", "/static/style.css"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].startswith("default-src 'self'")
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_pages_use_no_inline_script_and_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/", "/events", "/map", "/timeline"):
        html = client.get(path).text
        assert "<script>" not in html and " on" + "click=" not in html
        assert not re.search(r"""(src|href)=["']https?://""", html), path
        assert " style=" not in html  # the CSP forbids inline styles


def test_search_finds_articles_quotes_and_events(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Varentsov"}).text
    assert "/articles/a_" in html
    assert "No event contains these words" not in html


def test_a_bad_search_query_is_a_message_on_the_page(client: TestClient) -> None:
    response = client.get("/search", params={"q": '"unclosed'})
    assert response.status_code == 400  # the search page itself, with the reason on it
    assert "bad search query" in response.text and "<form" in response.text


def test_events_filters(client: TestClient) -> None:
    def count(**params: str) -> int:
        html = client.get("/events", params=params).text
        return len(re.findall(r'<tr class="state-', html))

    everything = count()
    assert everything > 20
    assaults = count(type="ASSAULT")
    assert 0 < assaults < everything
    assert count(type="assault") == assaults
    assert 0 < count(status="attributed") < everything
    assert 0 < count(mode="abduct") < assaults
    assert 0 < count(country="UA") < everything
    assert 0 < count(actor="rudak") < everything
    assert 0 < count(recipient="Savchuk") < everything
    recent = count(since="2022")
    old = count(until="1999")
    assert 0 < recent < everything and 0 < old < everything
    # the 1970s (a decade-precision date) overlap 1978, so are kept by a 1978 range
    assert count(since="1978", until="1978") >= 2
    assert count(type="ASSAULT", since="2024-05-27", until="2024-05-27") == 2
    assert count(type="NOSUCH") == 0


def test_events_rows_carry_the_evidence_sentence(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get("/events").text
    assert ids["evidence"].split()[0] in html
    assert f'href="/articles/{ids["article"]}#event-{ids["event"]}"' in html


def test_article_page_highlights_evidence_entities_quotes_times(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = client.get(f"/articles/{ids['article']}").text
    for kind in ("hl-event", "hl-quote", "hl-entity", "hl-time"):
        assert f'class="{kind}' in html or f" {kind}" in html, kind
    assert f'id="event-{ids["event"]}"' in html
    assert 'href="/entities/e_' in html


def test_entity_page_shows_aliases_events_and_neighbours(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = client.get(f"/entities/{ids['entity']}").text
    assert "Nikolai Varentsov" in html
    assert "Events as recipient" in html and "ASSAULT" in html
    assert "Named together with" in html and "Stanislav Rudak" in html
    assert "Mentions" in html


def test_timeline_draws_dates_at_their_precision(client: TestClient) -> None:
    html = client.get("/timeline").text
    for precision in ("bar-decade", "bar-year", "bar-month", "bar-day"):
        assert precision in html
    zoomed = client.get("/timeline", params={"since": "2022", "until": "2024"}).text
    assert "bar-decade" not in zoomed and "bar-day" in zoomed


def test_map_draws_countries_and_markers_by_precision(client: TestClient) -> None:
    html = client.get("/map").text
    assert html.count('class="country"') > 100
    for precision in ("city", "region", "country"):
        assert f"marker marker-{precision}" in html
    assert "Kharkiv" in html


def test_cross_article_pages_show_both_sides(client: TestClient) -> None:
    contradictions = client.get("/contradictions").text
    assert contradictions.count('class="report"') >= 2
    assert "Iskander-M" in contradictions and "guided aerial bomb" in contradictions
    duplicates = client.get("/duplicates").text
    assert "passage-shared" in duplicates
    incidents = client.get("/incidents").text
    assert incidents.count('class="report state-') >= 4


@pytest.mark.parametrize("path", ["/articles/a_nope", "/entities/e_nope"])
def test_unknown_ids_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "a_nope" in response.text or "e_nope" in response.text


def test_read_only_mode_shows_no_review_ui(client: TestClient, ids: dict[str, str]) -> None:
    for path in ("/events", f"/articles/{ids['article']}", "/contradictions"):
        html = client.get(path).text
        assert "review-form" not in html and "review.js" not in html


def test_review_mode_shows_the_review_ui(reviewer: TestClient) -> None:
    html = reviewer.get("/events").text
    assert "/static/review.js" in html
    assert 'data-decision="accept"' in html and 'id="review-credentials"' in html


def test_static_files_are_served(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/review.js").status_code == 200
