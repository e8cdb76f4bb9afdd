"""Article text cut into segments, each with the highlights that cover it.

The page never inserts article text as markup: the text is cut at every
highlight boundary and each piece is rendered as escaped text inside an
element the template writes. Overlapping highlights (a mention inside a
quote inside an event's evidence) simply give a piece several marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from khronika.model import ArticleAnalysis

MarkKind = Literal["event", "quote", "entity", "time", "place"]
# inner marks last, so the template nests links inside the broader spans
_ORDER: dict[MarkKind, int] = {"event": 0, "quote": 1, "time": 2, "place": 3, "entity": 4}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: offsets into the article text, what it is, a note and a link."""

    start: int
    end: int
    kind: MarkKind
    note: str
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text, the marks covering all of it, and the events starting here."""

    text: str
    marks: tuple[Mark, ...] = ()
    opens: tuple[str, ...] = ()

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"hl-{m.kind}" for m in self.marks}))

    @property
    def note(self) -> str:
        return "; ".join(m.note for m in self.marks if m.note)

    @property
    def entity(self) -> str:
        """The entity this piece names, for a link to its page ("" if none)."""
        return next((m.ref for m in self.marks if m.kind == "entity"), "")


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; marks out of range are clipped.

    >>> [(s.text, s.classes) for s in segments("a KGB man", [Mark(2, 5, "entity", "ORG")])]
    [('a ', ''), ('KGB', 'hl-entity'), (' man', '')]
    """
    clipped = [
        Mark(max(0, m.start), min(len(text), m.end), m.kind, m.note, m.ref)
        for m in marks
        if m.end > 0 and m.start < len(text) and m.end > m.start
    ]
    cuts = sorted({0, len(text), *(m.start for m in clipped), *(m.end for m in clipped)})
    ordered = sorted(clipped, key=lambda m: (_ORDER[m.kind], m.start, -m.end))
    pieces = []
    for start, end in pairwise(cuts):
        covering = tuple(m for m in ordered if m.start <= start and end <= m.end)
        # events whose evidence starts here, for ``#event-ID`` anchors
        opens = tuple(m.ref for m in covering if m.kind == "event" and m.start == start)
        pieces.append(Segment(text[start:end], covering, opens))
    return pieces


def article_marks(analysis: ArticleAnalysis) -> list[Mark]:
    """Every highlight of an article: event evidence, quotes, times, places, mentions."""
    base = analysis.article.start
    marks: list[Mark] = []
    for event in analysis.events:
        note = f"event {event.type} ({event.status})"
        marks.append(Mark(event.prov.start - base, event.prov.end - base, "event", note, event.id))
    for quote in analysis.quotes:
        note = f"quote: {quote.speaker or 'unknown speaker'}"
        marks.append(Mark(quote.prov.start - base, quote.prov.end - base, "quote", note))
    for time in analysis.times:
        note = f"time: {time.value or '?'}"
        marks.append(Mark(time.prov.start - base, time.prov.end - base, "time", note))
    for place in analysis.places:
        note = f"place: {place.name}" + (f" ({place.precision})" if place.precision else "")
        marks.append(Mark(place.prov.start - base, place.prov.end - base, "place", note))
    for mention in analysis.mentions:
        note = f"{mention.label}"
        start, end = mention.prov.start - base, mention.prov.end - base
        marks.append(Mark(start, end, "entity", note, mention.entity_id))
    return marks
