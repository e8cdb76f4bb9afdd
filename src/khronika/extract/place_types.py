"""The records that pass between the place modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span

#: "name": a gazetteer name; "facility": a named facility ("London Bridge");
#: "area": "<known name> region" the gazetteer lacks; "district": "<unknown
#: name> district"; "unknown": a place mention the gazetteer lacks;
#: "phrase": a described place ("a bus stop in central London").
SpanKind = Literal["name", "facility", "area", "district", "unknown", "phrase"]


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place-like phrase: offsets into the document, as read.

    ``text`` is the name as printed; ``lookup`` the gazetteer form of a name
    ("Kyiv region"); ``description`` the phrase of a facility, area or unknown
    place; ``inner`` a gazetteer name inside it ("London" in "London
    Bridge"); ``parent`` the index of the place that qualifies it.
    """

    start: int
    end: int
    text: str
    kind: SpanKind
    sentence: int
    paragraph: int
    lookup: str = ""
    description: str | None = None
    inner: str | None = None
    parent: int | None = None


@dataclass
class SentenceView:
    """One sentence and what is known about its tokens."""

    sent: Span
    text: str  # the parse's text (``Doc.text`` rebuilds it on every call)
    base: int  # document offset of the parse's first character
    number: int
    paragraph: int
    labels: dict[int, tuple[str, int, int]]  # token -> (mention label, first, end token)
    chunks: list[Span]  # the sentence's noun chunks

    def chars(self, start: int, end: int) -> tuple[int, int]:
        doc = self.sent.doc
        return self.base + doc[start].idx, self.base + doc[end - 1].idx + len(doc[end - 1])
