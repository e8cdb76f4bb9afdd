"""The JSON API: same data as the pages, described by the OpenAPI schema."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_openapi_documents_every_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/events",
        "/api/articles/{article_id}",
        "/api/entities/{entity_id}",
        "/api/incidents",
        "/api/contradictions",
        "/api/duplicates",
        "/api/search",
    ):
        assert "get" in paths[path], path
    for path in (
        "/api/events/{event_id}/review",
        "/api/entities/{entity_id}/review",
        "/api/contradictions/{link_id}/review",
    ):
        assert "post" in paths[path]
        assert paths[path]["post"]["security"] == [{"HTTPBearer": []}]
    assert "ReviewRequest" in schema["components"]["schemas"]
    assert not any(p.startswith("/articles") for p in paths)  # pages are not API


def test_events_api_filters_like_the_page(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assaults = client.get("/api/events", params={"type": "ASSAULT", "since": "2022"}).json()
    assert len(everything) > len(assaults) > 0
    first = assaults[0]
    assert first["state"] == "unreviewed"
    assert first["event"]["type"] == "ASSAULT" and first["event"]["date"] >= "2022"
    assert first["event"]["evidence"]
    assert first["event"]["prov"]["article_id"].startswith("a_")


def test_article_entity_and_search_api(client: TestClient) -> None:
    events = client.get("/api/events").json()
    article_id = events[0]["event"]["prov"]["article_id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["article"]["id"] == article_id
    assert article["events"] and article["entities"] and article["mentions"]
    entity_id = article["entities"][0]["id"]
    entity = client.get(f"/api/entities/{entity_id}").json()
    assert entity_id in entity["entity"]["members"]
    assert entity["mentions"]
    listing = client.get("/api/entities").json()
    assert any(entity_id in e["members"] for e in listing)
    found = client.get("/api/search", params={"q": "Kharkiv"}).json()
    assert found["articles"] and found["events"]
    assert "text" not in found["articles"][0]


def test_cross_article_api(client: TestClient) -> None:
    incidents = client.get("/api/incidents").json()
    assert incidents and all(len(i["reports"]) >= 1 for i in incidents)
    contradictions = client.get("/api/contradictions").json()
    assert {c["link"]["field"] for c in contradictions} >= {"instrument"}
    assert all(c["left"] and c["right"] for c in contradictions)
    duplicates = client.get("/api/duplicates").json()
    assert duplicates and duplicates[0]["passages"]
    assert {p["kind"] for p in duplicates[0]["passages"]} & {"shared", "reworded"}


@pytest.mark.parametrize("path", ["/api/articles/a_nope", "/api/entities/e_nope"])
def test_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_bad_search_syntax_is_400_with_the_reason(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": '"unclosed'})
    assert response.status_code == 400
    assert "bad search query" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"since": "2020-13"}),
        ("/api/events", {"until": "20x0"}),
        ("/api/events", {"since": "2020-02-30"}),
        ("/events", {"since": "2020-13"}),
        ("/timeline", {"until": "next year"}),
    ],
)
def test_an_unreadable_date_parameter_is_refused_with_its_name(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    ((name, value),) = params.items()
    assert f"{name}={value!r}" in response.text


def test_a_readable_date_parameter_is_accepted(client: TestClient) -> None:
    assert client.get("/api/events", params={"since": "2020-02-29"}).status_code == 200
    assert client.get("/timeline", params={"since": "197", "until": "2024-03"}).status_code == 200
