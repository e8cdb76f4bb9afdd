"""Direct quotations and their speakers (being written for issue 4)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from khronika.model import Article, Entity, Mention, Quote


def extract_quotes(
    article: Article,
    parsed: Sequence[tuple[int, Doc]],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
) -> tuple[Quote, ...]:
    """Every direct quotation in the article, with its speaker where the text says."""
    del article, parsed, entities, mentions
    return ()
