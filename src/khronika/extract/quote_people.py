"""What an article says about each person, as far as quotation needs it.

- *Titles*: the person nouns given right beside a name ("Col. Andriy
  Levko", "the retired colonel Stanislav Rudak", "Sabine Kreuzer, a
  spokeswoman"), so that "the colonel" prefers a colonel.
- *Gender*, when the text shows it: a gendered word beside the name ("Mr",
  "her husband Oleksandr"), or the pronouns that follow the name in a
  sentence naming no one else ("Savchuk has gone back to her work"), or
  that opens the next sentence ("Korsak runs the site. She has …"). A
  person the text gives no evidence for has no gender and agrees with any
  pronoun.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Literal

from spacy.tokens import Token

from khronika.extract.quote_context import QuoteContext
from khronika.extract.quote_words import (
    FEMALE_WORDS,
    MALE_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    TITLE_ABBREVIATIONS,
)
from khronika.model import Entity
from khronika.names import fold

Gender = Literal["f", "m"]
_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the|his|her|their|its)\s+((?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)")


def _people(ctx: QuoteContext) -> Iterator[tuple[int, int, Entity]]:
    for start, end, entity in ctx.index.mentions:
        if entity.type == "PERSON" and not ctx.quoted(start):
            yield start, end, entity


def _beside(text: str, start: int, end: int) -> list[str]:
    """Words right before a mention, in it, and the head of an appositive after it."""
    words = _words_before(text, start) + text[start:end].split()
    match = _APPOSITIVE.match(text[end : end + 80])
    if match is not None:
        after = match.group(1).split()
        words += after[: next((i + 1 for i, w in enumerate(after) if _noun(w)), 0)]
    return words


def _words_before(text: str, start: int) -> list[str]:
    """Up to three words before ``start``, back to the nearest punctuation."""
    words: list[str] = []
    for word in reversed(text[max(0, start - 40) : start].split()[-3:]):
        if word.endswith((",", ";", ":", "!", "?")) or (word.endswith(".") and len(word) > 4):
            break
        words.append(word)
    return words


def _noun(word: str) -> str:
    """The person noun a word is ("Gen." -> "general"), or the empty string."""
    folded = fold(word)
    folded = TITLE_ABBREVIATIONS.get(folded, folded)
    return folded if folded in PERSON_NOUNS or folded in MALE_WORDS | FEMALE_WORDS else ""


def _gender(word: str) -> Gender | None:
    folded = fold(word)
    if folded in MALE_WORDS:
        return "m"
    return "f" if folded in FEMALE_WORDS else None


def person_titles(ctx: QuoteContext) -> dict[str, frozenset[str]]:
    """The person nouns each PERSON entity is given beside a mention."""
    found: dict[str, set[str]] = defaultdict(set)
    for start, end, entity in _people(ctx):
        nouns = {_noun(w) for w in _beside(ctx.text, start, end)}
        found[entity.id].update(n for n in nouns if n in PERSON_NOUNS)
    return {key: frozenset(values) for key, values in found.items()}


def person_genders(ctx: QuoteContext) -> dict[str, Gender]:
    """The gender of each PERSON entity the text gives evidence for."""
    votes: dict[str, Counter[Gender]] = defaultdict(Counter)
    for start, end, entity in _people(ctx):
        for word in _beside(ctx.text, start, end):
            if fold(word) in _PRONOUNS:
                continue  # "her husband Oleksandr": her is someone else
            if (gender := _gender(word)) is not None:
                votes[entity.id][gender] += 1
    for entity_id, gender in _pronoun_votes(ctx):
        votes[entity_id][gender] += 1
    found: dict[str, Gender] = {}
    for entity_id, counts in votes.items():
        if counts["m"] != counts["f"]:
            found[entity_id] = "m" if counts["m"] > counts["f"] else "f"
    return found


def _pronoun_votes(ctx: QuoteContext) -> Iterator[tuple[str, Gender]]:
    """(entity id, gender) from pronouns that can only mean a sentence's one person.

    The person must be the subject; the pronoun must be in the same clause
    ("Savchuk has gone back to her work") or open the next sentence ("Korsak
    runs the site. She has …"). A pronoun in another clause ("His lawyer,
    Tamar Gelashvili, says he did not drink") or an apposition ("Pavel
    Zhuk, her deputy") may be someone else.
    """
    people = list(_people(ctx))
    sentences = _sentences(ctx)
    for n, (lo, hi) in enumerate(sentences):
        named = [(s, e) for s, _, e in people if lo <= s < hi]
        if len({e.id for _, e in named}) != 1:
            continue
        start, entity = named[0]
        name = _name_head(ctx.index.token_at(start))
        if name is None or name.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for token in ctx.narrative(start, hi):
            gender = _gender(token.text) if token.pos_ == "PRON" else None
            if gender is not None and _same_clause(token, name):
                yield entity.id, gender
        if n + 1 < len(sentences):
            following = _opening_pronoun(ctx, *sentences[n + 1])
            if following is not None:
                yield entity.id, following


def _name_head(token: Token | None) -> Token | None:
    """The last word of a name ("Halyna *Savchuk*"), which carries its dependency."""
    while token is not None and token.dep_ == "compound" and token.head != token:
        token = token.head
    return token


def _same_clause(pronoun: Token, name: Token) -> bool:
    """Whether a pronoun is in the name's own clause, outside any apposition.

    ("Pavel Zhuk, her deputy, said": her is someone else.)
    """
    if any(a.dep_ == "appos" for a in pronoun.ancestors):
        return False
    verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb == name.head


def _opening_pronoun(ctx: QuoteContext, lo: int, hi: int) -> Gender | None:
    """The gender of a pronoun that opens the next sentence ("… Vienna. She has …")."""
    words = ctx.index.between(lo, hi)
    if words and words[0].dep_ == "nsubj" and words[0].lower_ in PERSON_PRONOUNS:
        return _gender(words[0].text)
    return None


def _sentences(ctx: QuoteContext) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of the parse, as offsets into the text."""
    found = []
    for token in ctx.index.tokens:
        if token.is_sent_start:
            found.append(ctx.index.pos(token))
    return [(lo, hi) for lo, hi in zip(found, [*found[1:], len(ctx.text)], strict=True)]
