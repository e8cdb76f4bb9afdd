"""Described places: "a bus stop in central London", "the presidential bunker".

A noun phrase headed by a place noun (:data:`PHRASE_NOUNS`) that is the
object of a locative preposition is a described place when a named place
is in its sentence. When a named place follows it directly ("... in central
London"), the phrase runs to the end of that name and is attached to it;
otherwise it is attached to the nearest place in the sentence, unless a
nationality word says it lies elsewhere ("a Soviet labour camp"). Phrases
with a proper noun in them are the scanner's (named facilities).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from khronika.extract.gazetteer_tables import country_aliases, place_key
from khronika.extract.place_types import PlaceSpan, SentenceView
from khronika.extract.place_words import (
    DISTRICT_WORDS,
    PHRASE_LINKS,
    PHRASE_NOUNS,
    PHRASE_PREPOSITIONS,
    PLACE_MODIFIERS,
)

#: Leading words dropped from a described place's name ("a bus stop" -> "bus stop").
_LEADING = frozenset(("a", "an", "the", "his", "her", "their", "its", "our", "my", "your"))
_POSSESSIVE = re.compile(r"['’]s\s+")
_DISTRICT = re.compile(r"\s+(?:" + "|".join(sorted(DISTRICT_WORDS)) + r")\b")


def _described(chunk: Span) -> bool:
    root = chunk.root
    return (
        root.lower_ in PHRASE_NOUNS
        and root.dep_ == "pobj"
        and root.head.lower_ in PHRASE_PREPOSITIONS
        and not any(t.pos_ == "PROPN" for t in chunk)
    )


def _continuation(row: SentenceView, chunk: Span, names: Sequence[PlaceSpan]) -> PlaceSpan | None:
    """The named place right after the phrase: "... in (the) (central) London"."""
    doc, link = row.sent.doc, chunk.end
    if link >= row.sent.end or doc[link].lower_ not in PHRASE_LINKS:
        return None
    for end in range(link + 1, min(link + 4, row.sent.end)):
        start = row.chars(end, end + 1)[0]
        found = next((n for n in names if n.start == start), None)
        if found is not None:
            return found
        if doc[end].lower_ not in PLACE_MODIFIERS:
            return None
    return None


def _extended(row: SentenceView, named: PlaceSpan, names: Sequence[PlaceSpan]) -> int:
    """The end of the place a phrase names, through a possessive and a district
    word: "... in Istanbul’s Beyoğlu district"."""
    text, end = row.text, named.end
    gap = _POSSESSIVE.match(text, end - row.base)
    if gap is not None:
        owned = next((n for n in names if n.start == row.base + gap.end()), None)
        if owned is not None:
            end = owned.end
    word = _DISTRICT.match(text, end - row.base)
    return row.base + word.end() if word is not None else end


def phrase_spans(row: SentenceView, names: Sequence[PlaceSpan]) -> list[PlaceSpan]:
    """The described places of one sentence, given the named places found in it."""
    if not names:
        return []
    found = []
    for chunk in row.chunks:
        if not _described(chunk):
            continue
        start, end = row.chars(chunk.start, chunk.end)
        named = _continuation(row, chunk, names)
        if named is not None:
            end = _extended(row, named, names)
        elif any(place_key(t.text) in country_aliases()[1] for t in chunk):
            continue  # "a Soviet labour camp": not where the sentence's places are
        phrase = row.text[start - row.base : end - row.base]
        words = phrase.split()
        name = " ".join(words[1:] if words[0].lower() in _LEADING and len(words) > 1 else words)
        found.append(
            PlaceSpan(start, end, name, "phrase", row.number, row.paragraph, description=phrase)
        )
    return found
