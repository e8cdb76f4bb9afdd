"""An article's parse and entity mentions, indexed by character offset.

The pipeline parses an article in chunks (``(offset, Doc)`` pairs, offsets
relative to ``article.text``) and finds mentions with document offsets.
:class:`ArticleIndex` puts both on one axis, offsets into ``article.text``,
so the quotation extractor can ask which tokens lie between two marks and
which entity a token names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from khronika.model import Article, Entity, Mention
from khronika.names import normalise_name


class ArticleIndex:
    """Tokens and mentions of one article, by offset into ``article.text``."""

    def __init__(
        self,
        article: Article,
        parsed: Sequence[tuple[int, Doc]],
        entities: Sequence[Entity],
        mentions: Sequence[Mention],
    ) -> None:
        self.text = article.text
        self.body_start = max(0, article.body_start - article.start)
        self._offsets = {id(doc): offset for offset, doc in parsed}
        self.tokens: list[Token] = [t for _, doc in parsed for t in doc if not t.is_space]
        self.starts = [self.pos(t) for t in self.tokens]
        by_id = {e.id: e for e in entities}
        spans = [
            (m.prov.start - article.start, m.prov.end - article.start, by_id[m.entity_id])
            for m in mentions
            if m.entity_id in by_id
        ]
        spans.sort(key=lambda s: (s[0], s[1]))
        self.mentions = spans
        self._mention_starts = [s[0] for s in spans]
        self._names = _name_table(entities)

    def pos(self, token: Token) -> int:
        """Offset of ``token`` in ``article.text``."""
        return self._offsets[id(token.doc)] + token.idx

    def end(self, token: Token) -> int:
        return self.pos(token) + len(token.text)

    def between(self, lo: int, hi: int) -> list[Token]:
        """Tokens that start in ``[lo, hi)``, in order."""
        return self.tokens[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def token_at(self, pos: int) -> Token | None:
        """The first token starting at or after ``pos``."""
        i = bisect_left(self.starts, pos)
        return self.tokens[i] if i < len(self.tokens) else None

    def entity_of(self, token: Token) -> Entity | None:
        """The entity of a mention that covers ``token``, if any."""
        lo, hi = self.pos(token), self.end(token)
        i = bisect_right(self._mention_starts, lo)
        for start, end, entity in reversed(self.mentions[max(0, i - 4) : i]):
            if start <= lo and hi <= end + 1:
                return entity
        for start, end, entity in self.mentions[i : i + 2]:
            if start < hi and lo < end:
                return entity
        return None

    def mentions_between(self, lo: int, hi: int) -> list[tuple[int, int, Entity]]:
        """Mentions that start in ``[lo, hi)``."""
        return self.mentions[
            bisect_left(self._mention_starts, lo) : bisect_left(self._mention_starts, hi)
        ]

    def entity_named(self, name: str) -> Entity | None:
        """The entity a printed name stands for: its name, an alias, or a unique surname."""
        return self._names.get(normalise_name(name))


def _name_table(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Printed forms -> entity; people first, so a surname typed ORG finds its person."""
    table: dict[str, Entity] = {}
    surnames: dict[str, list[Entity]] = {}
    people = [e for e in entities if e.type == "PERSON"]
    for entity in people:
        for form in (entity.name, *entity.aliases):
            table.setdefault(normalise_name(form), entity)
        words = normalise_name(entity.name).split()
        if len(words) > 1:
            surnames.setdefault(words[-1], []).append(entity)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            table.setdefault(surname, owners[0])
    for entity in entities:
        table.setdefault(normalise_name(entity.name), entity)
    return table
