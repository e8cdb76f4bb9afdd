"""Places resolved against the offline gazetteer (being written for issue 5)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from khronika.model import Article, Entity, Mention, Place


def extract_places(
    article: Article,
    parsed: Sequence[tuple[int, Doc]],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
) -> tuple[Place, ...]:
    """Every place named in the article, resolved where the gazetteer allows."""
    del article, parsed, entities, mentions
    return ()
