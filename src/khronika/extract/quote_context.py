"""One article as the quotation extractor sees it: text, marks, parse, paragraphs.

Also the sentence boundaries the attribution windows stop at, found on the
characters (a full stop after "Gen." or an initial does not end a
sentence), because spaCy's sentence splitter is unreliable around
quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from khronika.extract.quote_marks import MarkedSpan, paragraphs
from khronika.extract.quote_tokens import ArticleIndex
from khronika.extract.quote_words import ABBREVIATIONS

#: A sentence end: a stop, closing marks or brackets, space, then no lower-case
#: letter ("(D-Md.) said" and "“Stop!” he said" go on).
_TERMINATOR = re.compile(r"([.!?…])[”\"’')\]]*(?:\s+(?![\sa-z])|$)")
_LAST_WORD = re.compile(r"([A-Za-z]+)$")


class QuoteContext:
    """The article's index, its marked spans and its paragraphs."""

    def __init__(self, index: ArticleIndex, spans: Sequence[MarkedSpan]) -> None:
        self.index = index
        self.text = index.text
        self.spans = list(spans)
        self.paras = paragraphs(index.text)
        self._para_starts = [p[0] for p in self.paras]
        self._quoted = sorted((s.open_at, s.outer_end) for s in spans)
        self._quoted_starts = [q[0] for q in self._quoted]

    def quoted(self, pos: int) -> bool:
        """Whether ``pos`` is inside quotation marks (marks included)."""
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self._quoted[i][1]

    def narrative(self, lo: int, hi: int) -> list[Token]:
        """Tokens in ``[lo, hi)`` outside quotation marks."""
        return [t for t in self.index.between(lo, hi) if not self.quoted(self.index.pos(t))]

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph holding ``pos``."""
        return max(0, bisect_right(self._para_starts, pos) - 1)

    def paragraph_start(self, pos: int) -> int:
        return self.paras[self.paragraph_of(pos)][0] if self.paras else 0


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, no earlier than ``lo``."""
    start = lo
    for match in _TERMINATOR.finditer(text, lo, pos):
        if not _is_abbreviation(text, match.start(1)):
            start = match.end()
    return start


def sentence_end(text: str, pos: int, hi: int) -> int:
    """Just after the sentence terminator following ``pos``, no later than ``hi``."""
    for match in _TERMINATOR.finditer(text, pos, hi):
        if not _is_abbreviation(text, match.start(1)):
            return match.end(1)
    return hi


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    word = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    letters = word.group(1)
    return letters.lower() in ABBREVIATIONS or (len(letters) == 1 and letters.isupper())
