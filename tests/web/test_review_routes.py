"""Review requests: token required, read-only without --review, decisions persist."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khronika.store import Store


def _first_event(db: Path) -> str:
    with Store.open(db, create=False) as store:
        return store.events()[0].id


def _accept(event_id: str) -> dict[str, object]:
    return {"decision": "accept", "fields": {}, "reviewer": "Ana Reviewer"}


def test_read_only_app_refuses_reviews_even_with_a_token(
    auth: dict[str, str], client: TestClient, sample_db: Path
) -> None:
    event_id = _first_event(sample_db)
    response = client.post(f"/api/events/{event_id}/review", json=_accept(event_id), headers=auth)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_review_without_a_token_is_401(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    event_id = _first_event(fresh_db)
    response = reviewer.post(f"/api/events/{event_id}/review", json=_accept(event_id))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_review_with_a_wrong_token_is_403(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    event_id = _first_event(fresh_db)
    for header in (
        "Bearer wrong",
        auth["Authorization"] + "x",
        auth["Authorization"].replace("Bearer", "Basic"),
    ):
        response = reviewer.post(
            f"/api/events/{event_id}/review", json=_accept(event_id),
            headers={"Authorization": header},
        )  # fmt: skip
        assert response.status_code in (401, 403), header
    with Store.open(fresh_db, create=False) as store:
        assert store.reviews() == []


def test_cross_site_origin_is_refused(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    event_id = _first_event(fresh_db)
    response = reviewer.post(
        f"/api/events/{event_id}/review", json=_accept(event_id),
        headers={**auth, "Origin": "https://evil.example"},
    )  # fmt: skip
    assert response.status_code == 403


def test_get_cannot_change_state(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    event_id = _first_event(fresh_db)
    assert reviewer.get(f"/api/events/{event_id}/review", headers=auth).status_code == 405


def test_accept_then_correct_then_reject_persist_and_show(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    event_id = _first_event(fresh_db)
    url = f"/api/events/{event_id}/review"
    accepted = reviewer.post(url, json=_accept(event_id), headers=auth)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["decision"] == "accept" and accepted.json()["reviewer"] == "Ana Reviewer"
    assert "ACCEPTED" in reviewer.get("/events").text.upper()

    corrected = reviewer.post(
        url, json={"decision": "correct", "fields": {"date": "1999-01-02"}, "reviewer": "Ana"},
        headers=auth,
    )  # fmt: skip
    assert corrected.status_code == 200, corrected.text
    page = reviewer.get("/events").text
    assert "badge-corrected" in page and "1999-01-02" in page
    api = {r["event"]["id"]: r for r in reviewer.get("/api/events").json()}
    assert api[event_id]["event"]["date"] == "1999-01-02"
    assert api[event_id]["original"]["date"] != "1999-01-02"

    rejected = reviewer.post(url, json={"decision": "reject", "reviewer": "Ana"}, headers=auth)
    assert rejected.status_code == 200
    assert reviewer.get("/api/events", params={"state": "rejected"}).json()[0]["event"]["id"] == (
        event_id
    )
    with Store.open(fresh_db, create=False) as store:
        assert [d.decision for d in store.reviews("event", event_id)] == [
            "accept", "correct", "reject",
        ]  # fmt: skip


def test_bad_decisions_are_422_and_unknown_ids_404(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    event_id = _first_event(fresh_db)
    url = f"/api/events/{event_id}/review"
    assert (
        reviewer.post(url, json={"decision": "maybe", "reviewer": "A"}, headers=auth).status_code
        == 422
    )
    assert (
        reviewer.post(url, json={"decision": "merge", "reviewer": "A"}, headers=auth).status_code
        == 422
    )
    bad_field = {"decision": "correct", "fields": {"date": "yesterday"}, "reviewer": "A"}
    assert reviewer.post(url, json=bad_field, headers=auth).status_code == 422
    assert reviewer.post(url, json={"decision": "accept"}, headers=auth).status_code == 422
    missing = reviewer.post("/api/events/v_nope/review", json=_accept("x"), headers=auth)
    assert missing.status_code == 404


def test_entity_merge_and_contradiction_resolve(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path
) -> None:
    with Store.open(fresh_db, create=False) as store:
        entities = [s.entity for s in store.entities()]
        link = store.links("contradiction")[0]
    left, right = entities[0].id, entities[1].id
    merged = reviewer.post(
        f"/api/entities/{left}/review",
        json={"decision": "merge", "fields": {"with": right}, "reviewer": "Ana"}, headers=auth,
    )  # fmt: skip
    assert merged.status_code == 200, merged.text
    assert right in reviewer.get(f"/api/entities/{left}").json()["entity"]["members"]
    resolved = reviewer.post(
        f"/api/contradictions/{link.id}/review",
        json={"decision": "resolve", "fields": {"value": link.values[0] if link.values else None},
              "reviewer": "Ana"}, headers=auth,
    )  # fmt: skip
    assert resolved.status_code == 200, resolved.text
    page = reviewer.get("/contradictions").text
    assert "Resolved by Ana" in page


HOSTILE_BODIES = {
    "surrogate in a field": '{"decision": "correct", "fields": {"location": "\\ud800"}, "reviewer": "Ana"}',
    "surrogate in the reviewer": '{"decision": "accept", "fields": {}, "reviewer": "A\\udfffna"}',
    "surrogate in a list": '{"decision": "correct", "fields": {"actors": ["\\ud83d"]}, "reviewer": "Ana"}',
    "surrogate in the note": '{"decision": "accept", "fields": {"note": "x\\ud800"}, "reviewer": "Ana"}',
    "huge fatalities": '{"decision": "correct", "fields": {"fatalities": 10000000000000000000000000000000000000000}, "reviewer": "Ana"}',
    "float fatalities": '{"decision": "correct", "fields": {"fatalities": 1e40}, "reviewer": "Ana"}',
    "negative fatalities": '{"decision": "correct", "fields": {"fatalities": -1}, "reviewer": "Ana"}',
    "NUL in a name": '{"decision": "correct", "fields": {"location": "Kyiv\\u0000"}, "reviewer": "Ana"}',
    "NUL in the reviewer": '{"decision": "accept", "fields": {}, "reviewer": "Ana\\u0000"}',
    "escape in a list": '{"decision": "correct", "fields": {"recipients": ["\\u001b[31m"]}, "reviewer": "Ana"}',
    "100k actors": '{"decision": "correct", "fields": {"actors": ['
    + ",".join(['"x"'] * 100_000)
    + ']}, "reviewer": "Ana"}',
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_a_hostile_review_body_is_refused_with_a_message(
    auth: dict[str, str], reviewer: TestClient, fresh_db: Path, body: str
) -> None:
    event_id = _first_event(fresh_db)
    response = reviewer.post(
        f"/api/events/{event_id}/review",
        content=body.encode("utf-8"),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"]
    with Store.open(fresh_db, create=False) as store:
        assert store.reviews("event", event_id) == []


def test_a_surrogate_in_the_id_is_refused(auth: dict[str, str], reviewer: TestClient) -> None:
    response = reviewer.post(
        "/api/events/v_%ED%A0%80/review",
        json={"decision": "accept", "fields": {}, "reviewer": "Ana"},
        headers=auth,
    )
    assert response.status_code in (404, 422)
