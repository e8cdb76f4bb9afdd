"""The application in real headless Chromium (Debian's), driven by Playwright.

Needs ``/usr/bin/chromium``; ``.ci/run`` installs it. Playwright's own
browser download is never used.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from khronika.store import Store
from khronika.web.app import create_app
from khronika.web.background import serving

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "browser-token-81d3"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium; .ci/run does)"
)

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, sync_playwright


@pytest.fixture(scope="module")
def site(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample database (a copy) served with review enabled; yields (base URL, db)."""
    db = tmp_path_factory.mktemp("browser") / "site.db"
    shutil.copy(sample_db, db)
    with serving(create_app(db, review_token=TOKEN)) as base:
        yield base, db


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def _watch_errors(page: Page) -> list[str]:
    """Console errors (a Content-Security-Policy violation is one) and page errors."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("/", "dl.stats"),
        ("/search?q=KGB", "ul.results li"),
        ("/events", "#events-table tbody tr"),
        ("/timeline", "svg.timeline rect.bar"),
        ("/map", "svg.world path.country"),
        ("/incidents", "section.incident"),
        ("/contradictions", "section.contradiction"),
        ("/duplicates", "tr.passage-shared"),
    ],
)
def test_each_page_loads_without_errors(
    site: tuple[str, Path], page: Page, path: str, selector: str
) -> None:
    base, _ = site
    errors = _watch_errors(page)
    response = page.goto(base + path)
    assert response is not None and response.ok
    assert page.locator(selector).count() > 0
    assert page.title().endswith("khronika")
    assert errors == []


def test_filter_the_events_table(site: tuple[str, Path], page: Page) -> None:
    base, _ = site
    page.goto(base + "/events")
    everything = page.locator("#events-table tbody tr").count()
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=since]", "2022")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?*type=ASSAULT*")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < everything
    types = rows.locator("td:nth-child(2) strong").all_inner_texts()
    assert set(types) == {"ASSAULT"}


def test_open_an_article_and_see_highlighted_evidence(site: tuple[str, Path], page: Page) -> None:
    base, _ = site
    page.goto(base + "/events")
    page.locator("#events-table tbody tr td.evidence a", has_text="in article").first.click()
    page.wait_for_url("**/articles/**")
    evidence = page.locator(".article-text .hl-event")
    assert evidence.count() > 0 and evidence.first.is_visible()
    colour = evidence.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".article-text .hl-entity a").count() > 0


def _first_event(db: Path) -> str:
    with Store.open(db, create=False) as store:
        return store.events()[0].id


def test_review_without_the_token_is_refused(site: tuple[str, Path], page: Page) -> None:
    base, db = site
    event_id = _first_event(db)
    page.goto(base + "/events")
    row = page.locator(f'tr[data-event-id="{event_id}"]')
    row.locator('form[data-decision="reject"] button').click()
    assert "review token" in row.locator(".review-status").inner_text()
    # a wrong token is refused by the server
    page.fill("#reviewer-name", "Mallory")
    page.fill("#reviewer-token", "not-the-token")
    page.click("#review-credentials button[type=submit]")
    row.locator('form[data-decision="reject"] button').click()
    status = row.locator(".review-status")
    status.filter(has_text="Refused").wait_for()
    assert "403" in status.inner_text()
    with Store.open(db, create=False) as store:
        assert store.reviews("event", event_id) == []


def test_review_with_the_token_persists(site: tuple[str, Path], page: Page) -> None:
    base, db = site
    event_id = _first_event(db)
    page.goto(base + "/events")
    page.fill("#reviewer-name", "Ana Reviewer")
    page.fill("#reviewer-token", TOKEN)
    page.click("#review-credentials button[type=submit]")
    assert page.locator("#reviewer-shown").inner_text() == "Ana Reviewer"
    row = page.locator(f'tr[data-event-id="{event_id}"]')
    with page.expect_navigation():
        row.locator('form[data-decision="accept"] button').click()
    assert row.locator(".badge-accepted").is_visible()
    # a correction through the form, then a plain reload: both are still there
    row.locator("details.correct summary").click()
    row.locator('.correct-form input[name="date"]').fill("1999-12-31")
    with page.expect_navigation():
        row.locator(".correct-form button[type=submit]").click()
    page.reload()
    row = page.locator(f'tr[data-event-id="{event_id}"]')
    assert row.locator(".badge-corrected").is_visible()
    assert "1999-12-31" in row.inner_text()
    with Store.open(db, create=False) as store:
        decisions = store.reviews("event", event_id)
    assert [(d.decision, d.reviewer) for d in decisions] == [
        ("accept", "Ana Reviewer"),
        ("correct", "Ana Reviewer"),
    ]
    assert dict(decisions[1].fields) == {"date": '"1999-12-31"'}
