"""Quotation marks, found character by character in an article's text.

The scanner knows the mark styles of English-language reporting: straight
"…", curly “…”, low-high „…“, guillemets «…» and »…«, single curly ‘…’ and
straight '…'. It works paragraph by paragraph (blank lines separate
paragraphs when the text has any; otherwise each line is one), because
reporting marks a quotation that runs on by leaving the paragraph open and
reopening the next one:

    “First paragraph.

    “Second paragraph,” she said.

is one quotation. A quotation left open at a paragraph end that the next
paragraph does not reopen ends there and is flagged ``unclosed``; so does
one opened inside brackets whose bracket closes first (``[“… We did.]``).

Apostrophes are not marks: a single mark opens only after a non-letter and
before a letter or digit, and closes only before a non-letter, so "don’t",
"Russia’s" and "the ’90s" do not open or close anything. An opening single
mark never closed in its paragraph is dropped, not flagged, and the
paragraph is read again after it: it was more likely an apostrophe than a
quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Each opening mark and the marks that may close it.
CLOSERS: dict[str, str] = {
    "“": "”",
    '"': '"”',
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’",
    "'": "'’",
    "”": "”",  # a closing mark typed to open ("”Fear. I am afraid …”")
}
#: Marks that reopen a quotation continued from the previous paragraph.
REOPENERS: dict[str, str] = {
    "“": '“"„”',
    '"': '"“',
    "„": "„“",
    "«": "«",
    "»": "»",
    "‘": "‘'",
    "'": "'‘",
    "”": "”“",
}
SINGLE = "‘'"
#: Marks that only ever open, even glued to the word before.
_ALWAYS_OPEN = "“«„"
ALL_MARKS = "\"'“”‘’„«»"
#: Characters after which an opening mark may stand.
_BEFORE_OPEN = "([{—–-/:;,…"
#: Characters before which a closing mark may stand.
_AFTER_CLOSE = ".,;:!?)]}…—–-/"
_BRACKETS = {")": "(", "]": "["}
_DECADE = re.compile(r"\d0s\b")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """One quotation: ``text[start:end]`` is inside the marks.

    ``open_at`` is the opening mark; ``close_at`` the closing mark, or
    ``None`` when the quotation was never closed (``unclosed``);
    ``paragraph`` is the index of the paragraph it ends in.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int

    @property
    def unclosed(self) -> bool:
        return self.close_at is None

    @property
    def outer_end(self) -> int:
        """The first character after the closing mark (or after the text)."""
        return self.end if self.close_at is None else self.close_at + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, whitespace trimmed."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    found: list[tuple[int, int]] = []
    start = 0
    for match in [*breaks.finditer(text), None]:
        end = len(text) if match is None else match.start()
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            found.append((start + lead, start + len(piece.rstrip())))
        if match is not None:
            start = match.end()
    return found


def _char(text: str, i: int, lo: int, hi: int) -> str:
    """``text[i]`` if ``lo <= i < hi``, else the empty string."""
    return text[i] if lo <= i < hi else ""


def _opens(text: str, i: int, lo: int, hi: int) -> bool:
    mark = text[i]
    if mark not in CLOSERS:
        return False
    before, after = _char(text, i - 1, lo, hi), _char(text, i + 1, lo, hi)
    if not after or after.isspace():
        return False
    glued = before and not (before.isspace() or before in _BEFORE_OPEN or before in ALL_MARKS)
    if glued and mark not in _ALWAYS_OPEN:  # told“nobody came”: curly marks still open
        return False
    if mark in SINGLE:
        return after.isalnum() and not _DECADE.match(text, i + 1)
    if mark == "”":
        return not glued and after.isalpha()
    return True


def _closes(text: str, i: int, closers: str, lo: int, hi: int) -> bool:
    if text[i] not in closers:
        return False
    before, after = _char(text, i - 1, lo, hi), _char(text, i + 1, lo, hi)
    if not before or before.isspace():
        return False
    if after and not (after.isspace() or after in _AFTER_CLOSE or after in ALL_MARKS):
        return False
    if text[i] in "’'":
        # "the 1970s’ crackdown": a plural possessive, if a better close follows
        return not (before == "s" and _later_close(text, i + 1, closers, lo, hi))
    return True


def _later_close(text: str, i: int, closers: str, lo: int, hi: int) -> bool:
    return any(_closes(text, j, closers, lo, hi) for j in range(i, hi) if text[j] in closers)


def _closers_for(text: str, mark: str, i: int, hi: int) -> str:
    """The marks that close ``mark``; a straight mark closes “ only if no ” follows."""
    if mark == "“" and "”" not in text[i:hi]:
        return '”"'
    return CLOSERS[mark]


@dataclass(slots=True)
class _Open:
    mark: str
    at: int
    closers: str
    bracket: str | None
    depth: int = 0
    paragraphs: int = 1


class _Scanner:
    """Walks the paragraphs once, collecting :class:`MarkedSpan` records."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.found: list[MarkedSpan] = []
        self.open: _Open | None = None

    def run(self) -> list[MarkedSpan]:
        for index, (lo, hi) in enumerate(self.paras):
            start: int | None = lo
            if self.open is not None:  # continued: skip the reopening mark
                reopened = self._reopener(lo, hi)
                start = (lo if reopened is None else reopened) + 1
                self.open.closers = _closers_for(self.text, self.open.mark, start, hi)
                self.open.paragraphs += 1
            while start is not None:
                self._paragraph(index, start, lo, hi)
                start = self._paragraph_end(index, hi)
        return self.found

    def _paragraph(self, index: int, start: int, lo: int, hi: int) -> None:
        brackets: list[str] = []
        for i in range(start, hi):
            char = self.text[i]
            state = self.open
            if state is None:
                if char in "([":
                    brackets.append(char)
                elif char in ")]" and brackets:
                    brackets.pop()
                elif _opens(self.text, i, lo, hi):
                    closers = _closers_for(self.text, char, i + 1, hi)
                    self.open = _Open(char, i, closers, brackets[-1] if brackets else None)
            elif char in "([":
                state.depth += 1
            elif char in ")]" and state.depth:
                state.depth -= 1
            elif char in ")]" and state.bracket == _BRACKETS[char]:
                self._emit(i, None, index)
                brackets.pop()
            elif _closes(self.text, i, state.closers, lo, hi):
                self._emit(i, i, index)

    def _paragraph_end(self, index: int, hi: int) -> int | None:
        """Close or carry over what is open; where to scan the paragraph again, if anywhere."""
        state = self.open
        if state is None:
            return None
        following = self.paras[index + 1] if index + 1 < len(self.paras) else None
        if following and state.bracket is None and self._reopener(*following) is not None:
            return None
        self.open = None
        if state.mark in SINGLE and state.paragraphs == 1:
            return state.at + 1  # an apostrophe after all: look again past it
        self.open = state
        self._emit(hi, None, index)
        return None

    def _reopener(self, lo: int, hi: int) -> int | None:
        """Where a mark reopens the open quotation at the start of ``lo:hi``, if one does."""
        assert self.open is not None
        i = lo + 1 if self.text[lo] in "[(" else lo
        char = _char(self.text, i, lo, hi)
        if char and char in REOPENERS[self.open.mark] and _opens(self.text, i, lo, hi):
            return i
        return None

    def _emit(self, end: int, close_at: int | None, paragraph: int) -> None:
        assert self.open is not None
        start = self.open.at + 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start:
            self.found.append(MarkedSpan(start, end, self.open.at, close_at, paragraph))
        self.open = None


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quotation in ``text`` in order, whatever its marks."""
    return _Scanner(text).run()
