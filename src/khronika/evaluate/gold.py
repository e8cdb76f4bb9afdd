"""Reading gold annotations in khronika-gold/1 and khronika-links/1.

A missing section is ``None`` (not scored); an empty list is scored.
Anything that does not follow ``ANNOTATION.md`` raises
:class:`~khronika.errors.GoldFormatError` naming the file and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khronika.errors import GoldFormatError
from khronika.evaluate.names import GoldName

GOLD_FORMAT = "khronika-gold/1"
LINKS_FORMAT = "khronika-links/1"


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str | None
    starts_with: str
    published: str | None
    byline: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    article: str
    type: str
    mode: tuple[str, ...]
    context: tuple[str, ...]
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    date: str | None
    location: str | None
    country: str | None
    outcome: str | None
    fatalities: int | None
    status: str | None
    source: str | None
    instrument: tuple[str, ...]
    evidence: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldQuote:
    id: str
    article: str
    speaker: str | None
    starts_with: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldTime:
    text: str
    value: str | None
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldFile:
    document: str
    articles: tuple[GoldArticle, ...] | None
    entities: tuple[GoldName, ...] | None
    events: tuple[GoldEvent, ...] | None
    quotes: tuple[GoldQuote, ...] | None
    times: tuple[GoldTime, ...] | None


@dataclass(frozen=True, slots=True)
class GoldContradiction:
    about: tuple[str, str]
    field: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldLinks:
    duplicates: tuple[tuple[str, ...], ...]
    same_event: tuple[tuple[str, ...], ...]
    optional_same_event: tuple[tuple[str, ...], ...]
    contradictions: tuple[GoldContradiction, ...]
    #: Pairs and fields that differ only in precision: flagging one is a false positive.
    refinements: tuple[GoldContradiction, ...] = ()


class _Reader:
    """Typed access to one JSON object, with errors that name file and key."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise GoldFormatError(f"{where}: expected a JSON object")
        self.data: dict[str, Any] = data
        self.where = where

    def fail(self, key: str, expected: str) -> GoldFormatError:
        return GoldFormatError(f"{self.where}: '{key}' must be {expected}")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str):
            raise self.fail(key, "a string")
        return value

    def maybe_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, "a string or null")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def maybe_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(key, "an integer or null")
        return value

    def section(self, key: str) -> list[_Reader] | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if not isinstance(value, list):
            raise self.fail(key, "a list")
        return [_Reader(item, f"{self.where}: {key}[{n}]") for n, item in enumerate(value)]


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise GoldFormatError(f"{path}: cannot read: {err}") from err
    except json.JSONDecodeError as err:
        raise GoldFormatError(f"{path}: not valid JSON: {err}") from err


def load_gold_file(path: Path) -> GoldFile:
    """Read one ``*.gold.json`` file."""
    top = _Reader(_load_json(path), str(path))
    if top.data.get("format") != GOLD_FORMAT:
        raise top.fail("format", f'"{GOLD_FORMAT}"')
    articles = top.section("articles")
    entities = top.section("entities")
    events = top.section("events")
    quotes = top.section("quotes")
    times = top.section("times")
    return GoldFile(
        document=top.text("document"),
        articles=None if articles is None else tuple(_article(r) for r in articles),
        entities=None if entities is None else tuple(_entity(r) for r in entities),
        events=None if events is None else tuple(_event(r) for r in events),
        quotes=None if quotes is None else tuple(_quote(r) for r in quotes),
        times=None if times is None else tuple(_time(r) for r in times),
    )


def _article(r: _Reader) -> GoldArticle:
    return GoldArticle(
        id=r.text("id"),
        title=r.maybe_text("title"),
        starts_with=r.text("starts_with"),
        published=r.maybe_text("published"),
        byline=r.maybe_text("byline"),
    )


def _entity(r: _Reader) -> GoldName:
    name = r.text("name")
    return GoldName(name=name, type=r.text("type"), forms=(name, *r.texts("aliases")))


def _event(r: _Reader) -> GoldEvent:
    return GoldEvent(
        id=r.text("id"),
        article=r.text("article"),
        type=r.text("type").upper(),
        mode=r.texts("mode"),
        context=r.texts("context"),
        actors=r.texts("actors"),
        recipients=r.texts("recipients"),
        date=r.maybe_text("date"),
        location=r.maybe_text("location"),
        country=r.maybe_text("country"),
        outcome=r.maybe_text("outcome"),
        fatalities=r.maybe_int("fatalities"),
        status=r.maybe_text("status"),
        source=r.maybe_text("source"),
        instrument=r.texts("instrument"),
        evidence=r.text("evidence"),
        optional=r.flag("optional"),
    )


def _quote(r: _Reader) -> GoldQuote:
    return GoldQuote(
        id=r.text("id"),
        article=r.text("article"),
        speaker=r.maybe_text("speaker"),
        starts_with=r.text("starts_with"),
        optional=r.flag("optional"),
    )


def _time(r: _Reader) -> GoldTime:
    return GoldTime(text=r.text("text"), value=r.maybe_text("value"), optional=r.flag("optional"))


def load_links(path: Path) -> GoldLinks:
    """Read ``links.json``."""
    top = _Reader(_load_json(path), str(path))
    if top.data.get("format") != LINKS_FORMAT:
        raise top.fail("format", f'"{LINKS_FORMAT}"')

    def groups(key: str) -> tuple[tuple[str, ...], ...]:
        value = top.data.get(key) or []
        if not isinstance(value, list) or not all(
            isinstance(g, list) and all(isinstance(i, str) for i in g) for g in value
        ):
            raise top.fail(key, "a list of lists of ids")
        return tuple(tuple(g) for g in value)

    def pairs(key: str) -> tuple[GoldContradiction, ...]:
        found = []
        for r in top.section(key) or []:
            about = r.texts("about")
            if len(about) != 2:
                raise r.fail("about", "a list of two event ids")
            found.append(
                GoldContradiction(
                    about=(about[0], about[1]), field=r.text("field"), optional=r.flag("optional")
                )
            )
        return tuple(found)

    return GoldLinks(
        duplicates=groups("duplicates"),
        same_event=groups("same_event"),
        optional_same_event=groups("optional_same_event"),
        contradictions=pairs("contradictions"),
        refinements=pairs("refinements"),
    )


def load_gold_dir(gold_dir: Path) -> tuple[list[GoldFile], GoldLinks | None]:
    """Every ``*.gold.json`` in ``gold_dir`` (sorted) and its ``links.json`` if any."""
    if not gold_dir.is_dir():
        raise GoldFormatError(f"{gold_dir}: not a directory of gold files")
    files = [load_gold_file(p) for p in sorted(gold_dir.glob("*.gold.json"))]
    if not files:
        raise GoldFormatError(f"{gold_dir}: no *.gold.json files")
    links_path = gold_dir / "links.json"
    return files, load_links(links_path) if links_path.exists() else None
