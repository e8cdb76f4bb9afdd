"""Aligning gold, which quotes text, with predictions, which carry offsets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from khronika.evaluate.gold import GoldArticle
from khronika.model import ArticleAnalysis

QUOTE_MARKS = "\"'“”‘’„‚«»‹›「」"
_MARKS = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace collapsed, for containment tests across line breaks."""
    return _SPACE.sub(" ", text).strip()


def unquote(text: str) -> str:
    """Whitespace collapsed and quotation marks removed (quote scoring)."""
    return squash(_MARKS.sub(" ", text))


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of document number ``document`` of a source."""

    document: int
    start: int
    end: int

    def overlaps(self, other: Span) -> int:
        """Number of characters shared with ``other`` (0 if none)."""
        if self.document != other.document:
            return 0
        return max(0, min(self.end, other.end) - max(self.start, other.start))


def occurrences(needle: str, texts: Sequence[str]) -> list[Span]:
    """Every place ``needle`` occurs in the documents as whole words, in document order.

    "May" is not found inside "Mayor", nor "now" inside "known".
    """
    found: list[Span] = []
    if not needle:
        return found
    pattern = re.compile(
        ("(?<!\\w)" if needle[0].isalnum() else "")
        + re.escape(needle)
        + ("(?!\\w)" if needle[-1].isalnum() else "")
    )
    for index, text in enumerate(texts):
        for match in pattern.finditer(text):
            found.append(Span(index, match.start(), match.end()))
    return found


def locate_in_order(needles: Sequence[str], texts: Sequence[str]) -> list[Span | None]:
    """A span for each needle; the k-th repeat of a text takes its k-th occurrence."""
    seen: dict[str, int] = {}
    spans: list[Span | None] = []
    for needle in needles:
        places = occurrences(needle, texts)
        k = seen.get(needle, 0)
        seen[needle] = k + 1
        spans.append(places[k] if k < len(places) else (places[0] if places else None))
    return spans


def map_articles(
    gold: Sequence[GoldArticle], predicted: Sequence[ArticleAnalysis]
) -> dict[str, int | None]:
    """For each gold article id, the index of the predicted article holding its start."""
    bodies = [squash(a.article.text) for a in predicted]
    mapping: dict[str, int | None] = {}
    for article in gold:
        needle = squash(article.starts_with)
        mapping[article.id] = next((i for i, b in enumerate(bodies) if needle in b), None)
    return mapping
