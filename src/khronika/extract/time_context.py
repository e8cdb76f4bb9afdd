"""What the spaCy parse says around a character span of an article's text.

:class:`TextView` indexes the tokens of every parsed chunk by their offset
into ``article.text`` and answers the questions the time rules ask: the
words before and after a span, the named entity over it, the sentence it
is in, and the tense of the clause that governs it (which says whether
"on Friday" is the Friday before or after the publication date). A date
inside a noun phrase ("the Jan. 14 deadline", "Wednesday's ruling") has no
tense; one after "until" or "through" is still to come.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Doc, Token

from khronika.extract.time_resolve import Tense

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "had", "'d"})
_VERBAL = frozenset({"VERB", "AUX"})
#: Prepositions of deadlines ("until mid-November", "through January",
#: "ahead of the weekend"): the date is still to come, whatever the tense.
_DEADLINE = frozenset({"until", "till", "through"})


def verb_tense(verb: Token) -> Tense | Literal[False]:
    """The tense of a verb from its tag and auxiliaries.

    ``False`` when the verb form says nothing (a bare participle: ask its
    governor), ``"open"`` when it leaves the time open (a modal, an
    infinitive: "could come as early as Tuesday").
    """
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "MD" for a in auxes) or "to" in words:
        return "open"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & _PERFECT_AUX:
        return "past"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl"):
        return "past"
    return False


class TextView:
    """The tokens of an article's parse, found by character offset."""

    def __init__(self, parsed: Sequence[tuple[int, Doc]]) -> None:
        self._starts: list[int] = []
        self._tokens: list[Token] = []
        self._offsets: list[int] = []
        for offset, doc in parsed:
            for token in doc:
                self._starts.append(offset + token.idx)
                self._tokens.append(token)
                self._offsets.append(offset)

    def _index(self, char: int) -> int:
        """The index of the token at or before ``char`` (-1 if none)."""
        return bisect_right(self._starts, char) - 1

    def token_at(self, char: int) -> Token | None:
        """The token that contains ``char``, if any."""
        i = self._index(char)
        if i < 0:
            return None
        token = self._tokens[i]
        return token if char < self._starts[i] + len(token.text) else None

    def span_tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap ``[start, end)``."""
        first = max(self._index(start), 0)
        out = []
        for i in range(first, len(self._tokens)):
            if self._starts[i] >= end:
                break
            if self._starts[i] + len(self._tokens[i].text) > start:
                out.append(self._tokens[i])
        return out

    def before(self, start: int) -> Token | None:
        """The last token that ends at or before ``start``."""
        i = self._index(start - 1)
        while i >= 0 and self._starts[i] + len(self._tokens[i].text) > start:
            i -= 1
        return self._tokens[i] if i >= 0 else None

    def words_before(self, start: int, count: int) -> list[Token]:
        """Up to ``count`` tokens (not white space) before ``start``, nearest first."""
        i = self._index(start - 1)
        while i >= 0 and self._starts[i] + len(self._tokens[i].text) > start:
            i -= 1
        out: list[Token] = []
        while i >= 0 and len(out) < count:
            if not self._tokens[i].is_space:
                out.append(self._tokens[i])
            i -= 1
        return out

    def after(self, end: int) -> Token | None:
        """The first token that starts at or after ``end``."""
        i = bisect_right(self._starts, end - 1)
        return self._tokens[i] if i < len(self._tokens) else None

    def entity(self, start: int, end: int) -> str | None:
        """The label of a named entity over the span, if any."""
        return next((t.ent_type_ for t in self.span_tokens(start, end) if t.ent_type_), None)

    def sentence(self, char: int) -> tuple[int, int] | None:
        """``(start, end)`` of the sentence around ``char`` (offsets into the text)."""
        i = self._index(char)
        if i < 0:
            return None
        token, offset = self._tokens[i], self._offsets[i]
        sent = token.sent
        return offset + sent.start_char, offset + sent.end_char

    def tense(self, start: int, end: int) -> Tense:
        """The tense of the clause that governs the span."""
        tokens = self.span_tokens(start, end)
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in inside or t.head is t), tokens[-1])
        while root.dep_ in ("conj", "appos") and root.head is not root:
            root = root.head
        head = root.head
        if head.pos_ == "ADP":
            if head.lower_ in _DEADLINE or (head.lower_ == "of" and head.head.lower_ == "ahead"):
                return "future"
            head = head.head
        if root.dep_ in ("poss", "compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
            return None
        for _ in range(8):
            if head.pos_ in _VERBAL or head.head is head:
                break
            head = head.head
        if head.pos_ not in _VERBAL:
            return None
        tense = verb_tense(head)
        if tense is False and head.head is not head and head.head.pos_ in _VERBAL:
            tense = verb_tense(head.head)
        return None if tense is False else tense
