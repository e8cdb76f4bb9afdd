"""Screenshots of the web application's main pages, for docs/screenshots/.

Ingests the sample corpus into a temporary database, records a few review
decisions (so the badges show), serves the application with review on,
and photographs each page in Debian's headless Chromium via Playwright.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import khronika
from khronika import review
from khronika.web.app import create_app
from khronika.web.background import serving

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "screenshot-token"


def prepare(db: Path) -> dict[str, str]:
    """Ingest the sample corpus, record some reviews; return ids worth showing."""
    with khronika.open_store(db) as store:
        khronika.ingest_paths(store, [khronika.sample_corpus()])
        events = store.events()
        rich = max(events, key=lambda e: len(e.actors) + len(e.recipients) + bool(e.date))
        editor = "Screenshot Editor"
        review.record(store, "event", events[0].id, "accept", {}, editor)
        review.record(store, "event", events[1].id, "correct", {"date": "1978-10-07"}, editor)
        review.record(store, "event", events[2].id, "reject", {}, editor)
        names = {e.name: e.id for e in (s.entity for s in store.entities())}
        person = next((i for n, i in names.items() if "Varentsov" in n), next(iter(names.values())))
        return {"article": rich.prov.article_id or "", "entity": person}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        ids = prepare(db)
        pages = {
            "search": "/search?q=KGB",
            "events": "/events",
            "events-filtered": "/events?type=ASSAULT&since=2022",
            "timeline": "/timeline",
            "map": "/map",
            "article": f"/articles/{ids['article']}",
            "entity": f"/entities/{ids['entity']}",
            "incidents": "/incidents",
            "contradictions": "/contradictions",
            "duplicates": "/duplicates",
        }
        app = create_app(db, review_token=TOKEN)
        with serving(app) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            for name, path in pages.items():
                page.goto(base + path)
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=name not in {"events", "article"})
                print(target)
            browser.close()


if __name__ == "__main__":
    main()
