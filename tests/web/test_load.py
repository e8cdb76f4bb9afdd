"""A bounded load test on loopback: a hostile search cannot hold the server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from khronika.errors import SearchTimeoutError
from khronika.store import Store
from khronika.web.app import create_app
from khronika.web.security import served_hosts

HOSTILE = "+".join(["a"] * 3000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(sample_db: Path) -> Iterator[str]:
    port = _free_port()
    app = create_app(sample_db, review_token=None, allowed_hosts=served_hosts("127.0.0.1"))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/api/articles", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    yield base
    running.should_exit = True
    thread.join(timeout=10)


def test_a_3000_term_search_is_refused_fast_and_others_are_served(server: str) -> None:
    answered: list[float] = []

    def others() -> None:
        for _ in range(10):
            started = time.monotonic()
            assert httpx.get(f"{server}/api/articles", timeout=5).status_code == 200
            answered.append(time.monotonic() - started)

    neighbour = threading.Thread(target=others)
    neighbour.start()
    started = time.monotonic()
    hostile = [httpx.get(f"{server}/api/search?q={HOSTILE}", timeout=10) for _ in range(5)]
    page = httpx.get(f"{server}/search?q={HOSTILE}", timeout=10)
    elapsed = time.monotonic() - started
    neighbour.join(timeout=30)
    assert all(response.status_code == 400 for response in hostile)
    assert "at most" in hostile[0].json()["detail"]
    assert page.status_code == 400 and "at most" in page.text
    assert elapsed < 2  # six refusals, all within the bound one must meet
    assert len(answered) == 10 and max(answered) < 2


def test_a_search_past_its_time_is_stopped(sample_db: Path) -> None:
    query = " OR ".join(f"{letter}*" for letter in "abcdefghijklmnopqrstuvwxyz")
    with Store.open(sample_db) as store:
        with pytest.raises(SearchTimeoutError, match="was stopped"):
            store.search_articles(query, seconds=-1)
        assert store.search_articles(query, seconds=30)  # the handler is removed again
        assert store.search_articles("thallium")
