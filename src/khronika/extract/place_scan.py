"""Gazetteer names, named facilities and "<name> region/district" phrases in a parse.

:func:`scan_sentence` walks the capitalised runs of one sentence and reports
each place-like phrase as a :class:`Hit` with the evidence around it (a
preposition before it, a region or district word after it, a possessive, an
entity label). Whether a hit is taken is decided by
:mod:`khronika.extract.place_spans`, which also knows the article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from khronika.extract.gazetteer import Gazetteer
from khronika.extract.place_words import (
    DISTRICT_WORDS,
    FACILITY_HEADS,
    NAME_JOINERS,
    OF_PLACE_NOUNS,
    PLACE_MODIFIERS,
    PLACE_PREPOSITIONS,
    POSSESSIVES,
    REGION_NOUNS,
    WEAK_PREPOSITIONS,
)

#: Longest place name tried, in tokens ("Bosnia and Herzegovina", "Rostov - on - Don").
MAX_NAME_TOKENS = 6

HitKind = Literal["name", "facility", "area", "district"]
Before = Literal["prep", "weak", "and", "none"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A place-like phrase: ``start``/``end`` are token indices of the name.

    ``kind``: "name" (a gazetteer name, possibly with its region word:
    "Kyiv region"), "facility" ("London Bridge"; ``phrase_end`` past the head
    noun), "area" (a known name before a region word the gazetteer does not
    have: "Tver region"), "district" (an unknown name before a district word:
    "Beyoğlu district"). ``inner`` is the gazetteer name inside a facility or
    area ("London", "Tver"); ``lookup`` what to look up for a name.
    """

    start: int
    end: int
    phrase_end: int
    kind: HitKind
    lookup: str
    inner: str | None
    before: Before
    after_word: str  # the lower-cased token after the phrase, "" at the sentence end
    possessive: bool  # the name is followed by "’s"


def is_name_token(token: Token) -> bool:
    """A capitalised word ("Kyiv", "KYIV", "Chornomors’k")."""
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text) and text not in POSSESSIVES


def _run_end(sent: Span, start: int) -> int:
    """End of the capitalised run from ``start``: names, with joiners between names."""
    doc, end, i = sent.doc, start + 1, start + 1
    while i < sent.end and i - start < MAX_NAME_TOKENS:
        token = doc[i]
        if is_name_token(token):
            end = i = i + 1
        elif token.lower_ in NAME_JOINERS and i + 1 < sent.end:
            i += 1
        else:
            break
    return end


def _longest_known(gaz: Gazetteer, doc: Doc, start: int, end: int) -> int | None:
    """End of the longest gazetteer name starting at ``start`` within ``[start, end)``."""
    for stop in range(end, start, -1):
        if is_name_token(doc[stop - 1]) and gaz.knows(doc[start:stop].text):
            return stop
    return None


def preceded_by(sent: Span, start: int) -> Before:
    """What precedes the name, past modifiers and possessors ("in the occupied", "in Kharkiv’s")."""
    doc, i = sent.doc, start - 1
    while i >= sent.start and start - i <= 6:
        token = doc[i]
        word = token.lower_
        if word in PLACE_PREPOSITIONS:
            return "prep"
        if word in WEAK_PREPOSITIONS:
            noun = doc[i - 1].lower_ if i > sent.start else ""
            return "prep" if word == "of" and noun in OF_PLACE_NOUNS else "weak"
        if word in ("and", "or", ",") and i == start - 1:
            return "and"
        if token.text in POSSESSIVES:  # skip the possessor: "in Kharkiv’s Saltivka"
            i -= 1
            while i >= sent.start and is_name_token(doc[i]):
                i -= 1
            continue
        if word in PLACE_MODIFIERS or token.text == "-" or token.pos_ == "ADJ":
            i -= 1
            continue
        break
    return "none"


def _after(sent: Span, index: int) -> str:
    return sent.doc[index].lower_ if index < sent.end else ""


def _hit_at(gaz: Gazetteer, sent: Span, start: int) -> Hit | None:
    doc = sent.doc
    run = _run_end(sent, start)
    after = _after(sent, run)
    before = preceded_by(sent, start)
    known = _longest_known(gaz, doc, start, run)

    def hit(kind: HitKind, end: int, phrase_end: int, lookup: str, inner: str | None) -> Hit:
        possessive = end < sent.end and doc[end].text in POSSESSIVES
        return Hit(
            start,
            end,
            phrase_end,
            kind,
            lookup,
            inner,
            before,
            _after(sent, phrase_end),
            possessive,
        )

    last = doc[run - 1].lower_
    modifiers = doc[start:run]
    named = (doc[start].pos_ == "PROPN" or known is not None) and not any(
        t.text == "-" or (t.is_upper and len(t) > 1) for t in modifiers
    )  # not "Our embassy", "The Bridge", "EUROBONDS - Primary market"
    if named and run - start >= 2 and last in FACILITY_HEADS:
        inner_end = _longest_known(gaz, doc, start, run - 1)
        inner = doc[start:inner_end].text if inner_end else None
        return hit("facility", run, run, "", inner)
    described = known == run and start > sent.start and doc[start - 1].lower_ in ("a", "an")
    if named and after in FACILITY_HEADS and doc[run].is_lower and not described:
        # "the Zoo station", "Lefortovo prison"; but "a Berlin street" is Berlin
        inner = doc[start:known].text if known else None
        return hit("facility", run, run + 1, "", inner)
    if after in REGION_NOUNS and (known == run or known is None):
        name = doc[start : run + 1].text
        if gaz.knows(name):
            return hit("name", run + 1, run + 1, name, None)
        if known:
            return hit("area", run + 1, run + 1, "", doc[start:run].text)
    if known:
        return hit("name", known, known, doc[start:known].text, None)
    if named and after in DISTRICT_WORDS and doc[run].is_lower and not doc[start].is_stop:
        return hit("district", run, run, "", None)
    return None


def scan_sentence(gaz: Gazetteer, sent: Span, blocked: set[int]) -> Iterator[Hit]:
    """Every place-like phrase of ``sent``, left to right, none overlapping."""
    i = sent.start
    while i < sent.end:
        if i in blocked or not is_name_token(sent.doc[i]):
            i += 1
            continue
        found = _hit_at(gaz, sent, i)
        if found is None:
            i += 1
            continue
        if not any(t in blocked for t in range(found.start, found.phrase_end)):
            yield found
        i = found.phrase_end
