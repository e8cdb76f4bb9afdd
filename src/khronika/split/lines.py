"""Lines of a document with their offsets, and what kind of line each is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from khronika.split.furniture import is_category_line, is_furniture_line, is_kicker_line
from khronika.split.header import Meta, parse_meta

LineKind = Literal["blank", "furniture", "kicker", "meta", "text"]

_NEWLINE = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``text`` is ``document[start:end]``, without its newline."""

    start: int
    end: int
    text: str
    kind: LineKind
    meta: Meta | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


def classify(text: str) -> tuple[LineKind, Meta | None]:
    """What kind of line ``text`` is, and what it says if it is metadata.

    >>> classify("Latest News")
    ('furniture', None)
    >>> classify("Russia, Europe, Eyewitness")
    ('furniture', None)
    >>> classify("The talks ended without agreement on Friday.")
    ('text', None)
    """
    if not text.strip():
        return "blank", None
    if is_kicker_line(text):
        return "kicker", None
    if is_furniture_line(text):
        return "furniture", None
    meta = parse_meta(text)
    if meta is not None:
        return "meta", meta
    if is_category_line(text):
        return "furniture", None
    return "text", None


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` ("\\n", "\\r\\n" or "\\r" endings), classified.

    >>> [(ln.start, ln.end, ln.kind) for ln in split_lines("Home\\r\\n\\r\\nIt rained.")]
    [(0, 4, 'furniture'), (6, 6, 'blank'), (8, 18, 'text')]
    """
    lines: list[Line] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        lines.append(_line(text, pos, m.start()))
        pos = m.end()
    if pos < len(text):
        lines.append(_line(text, pos, len(text)))
    return lines


def _line(text: str, start: int, end: int) -> Line:
    chunk = text[start:end]
    kind, meta = classify(chunk)
    return Line(start, end, chunk, kind, meta)
