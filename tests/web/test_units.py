"""Pure pieces of the web application: highlighting, periods, timeline, map, filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khronika.model import Event, Provenance
from khronika.web.highlight import Mark, segments
from khronika.web.mapview import build_map, country_centres, country_paths, project
from khronika.web.periods import period
from khronika.web.queries import EventFilter
from khronika.web.shapes import default_shapes_path, load_countries
from khronika.web.templating import safe_url
from khronika.web.timeline import LABEL_WIDTH, PLOT_WIDTH, build_timeline


def _event(date_: str | None, **fields: object) -> Event:
    prov = Provenance("x.txt", "0" * 64, 0, "a_1", 0, 10)
    return Event(f"v_{date_}", prov, "ASSAULT", "evidence", date=date_, **fields)  # type: ignore[arg-type]


def test_segments_nest_overlapping_marks_and_keep_every_character() -> None:
    text = "The KGB took Varentsov in 1978."
    marks = [
        Mark(0, 30, "event", "event"),
        Mark(4, 7, "entity", "ORG", "e_kgb"),
        Mark(26, 30, "time", "1978"),
    ]
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    kgb = next(p for p in pieces if p.text == "KGB")
    assert kgb.classes == "hl-entity hl-event" and kgb.entity == "e_kgb"
    assert pieces[0].opens == ("",)  # the event mark opens at the start
    assert [p.text for p in pieces if "hl-time" in p.classes] == ["1978"]


def test_segments_clip_marks_outside_the_text() -> None:
    pieces = segments(
        "short", [Mark(-3, 2, "quote", "q"), Mark(4, 99, "time", "t"), Mark(9, 12, "time", "x")]
    )
    assert [(p.text, p.classes) for p in pieces] == [
        ("sh", "hl-quote"),
        ("or", ""),
        ("t", "hl-time"),
    ]


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("197", date(1970, 1, 1), date(1980, 1, 1), "decade"),
        ("1978", date(1978, 1, 1), date(1979, 1, 1), "year"),
        ("1978-12", date(1978, 12, 1), date(1979, 1, 1), "month"),
        ("2024-02-29", date(2024, 2, 29), date(2024, 3, 1), "day"),
    ],
)
def test_period_covers_what_the_precision_says(
    value: str, start: date, end: date, precision: str
) -> None:
    stretch = period(value)
    assert stretch is not None
    assert (stretch.start, stretch.end, stretch.precision) == (start, end, precision)


@pytest.mark.parametrize("value", [None, "", "19xx", "2023-02-30", "someday"])
def test_period_of_no_or_bad_date_is_none(value: str | None) -> None:
    assert period(value) is None


def test_timeline_bars_are_as_wide_as_the_precision() -> None:
    events = [_event("2020"), _event("2020-06"), _event("2020-06-15"), _event(None)]
    view = build_timeline(events, [], "", "")
    widths = {row.bars[0].precision: row.bars[0].width for row in view.rows if row.bars}
    assert widths["year"] == pytest.approx(PLOT_WIDTH, rel=0.01)  # the axis is that one year
    assert widths["month"] == pytest.approx(PLOT_WIDTH * 30 / 366, rel=0.01)
    assert widths["day"] < widths["month"] / 10
    assert [e.date for e in view.undated] == [None]
    assert all(
        LABEL_WIDTH <= bar.x <= LABEL_WIDTH + PLOT_WIDTH for r in view.rows for bar in r.bars
    )


def test_timeline_window_leaves_out_events_outside_it() -> None:
    view = build_timeline([_event("1978"), _event("2022-03-09")], [], "2022", "")
    assert [r.label.split()[0] for r in view.rows] == ["2022-03-09"]


def test_event_filter_date_range_overlaps_precision() -> None:
    year = _event("1978")
    assert EventFilter(since="1978-06", until="1978-06").keeps(year)
    assert not EventFilter(since="1979").keeps(year)
    assert not EventFilter(since="1900").keeps(_event(None))
    assert EventFilter(actor="kgb").keeps(_event("1978", actors=("the KGB",)))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,<script>", ""),
        ("//evil.example", ""),
        (None, ""),
    ],
)
def test_only_http_urls_become_links(url: str | None, expected: str) -> None:
    assert safe_url(url) == expected


def test_country_shapes_decode_and_project() -> None:
    path = default_shapes_path()
    if not path.is_file():
        pytest.fail(f"{path} missing: 'make install' copies it from the npm package world-atlas")
    shapes = load_countries(path)
    assert len(shapes) > 170
    centres = country_centres(shapes)
    lon, lat, name = centres["UA"]
    assert name == "Ukraine" and 22 < lon < 40 and 44 < lat < 53
    lon, lat, _ = centres["RU"]
    assert 40 < lon < 140  # Russia's shape crosses longitude 180; its centre is in Siberia
    paths = country_paths(shapes)
    assert len(paths) == len(shapes) and all(p.d.startswith("M") for p in paths)
    assert project(-180.0, 90.0) == (0.0, 0.0)


def test_missing_shapes_give_an_empty_map_not_an_error(tmp_path: Path) -> None:
    assert load_countries(tmp_path / "none.json") == []
    view = build_map([_event("2020", country="UA")], {}, (), {"UA": (31.0, 49.0, "Ukraine")})
    assert [(m.label, m.precision) for m in view.markers] == [("Ukraine", "country")]
    assert build_map([_event("2020")], {}, (), {}).unplaced


def test_a_host_name_not_served_is_refused(sample_db: Path) -> None:
    from fastapi.testclient import TestClient

    from khronika.web.app import create_app
    from khronika.web.security import served_hosts

    app = create_app(sample_db, review_token=None, allowed_hosts=served_hosts("127.0.0.1"))
    for host in ("127.0.0.1:8000", "localhost", "[::1]:8000"):
        with TestClient(app, base_url=f"http://{host}") as client:
            assert client.get("/api/articles").status_code == 200, host
    for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.nip.io"):
        with TestClient(app, base_url=f"http://{host}") as client:
            response = client.get("/api/articles")
            assert response.status_code == 400, host
            assert "not served" in response.text


def test_served_hosts() -> None:
    from khronika.web.security import served_hosts

    assert served_hosts("127.0.0.1") == {"localhost", "127.0.0.1", "::1"}
    assert "news.lan" in served_hosts("0.0.0.0", ("News.LAN",))
    assert "0.0.0.0" not in served_hosts("0.0.0.0")
    assert "192.168.1.5" in served_hosts("192.168.1.5")
