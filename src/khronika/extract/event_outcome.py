"""Outcome and fatalities of an assault.

- "killed", "murdered", "assassinated", "found dead" → ``killed``; a
  participle after the attack gives the number ("..., killing nine people"),
  else one named victim is one death;
- "fighting for his life", "in intensive care", "wounded" near the trigger
  → ``injured``; "survived" → ``survived``; otherwise ``unknown``.

Injured and survived victims count no deaths (``fatalities`` 0).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from khronika.extract.event_lexicon import Hit, has_phrase, trigger_table, words
from khronika.model import Outcome

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Harm:
    outcome: Outcome | None
    fatalities: int | None


def number(token: Token) -> int | None:
    """The value of a number word or numeral ("nine", "24", "1,200")."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


def is_killing(token: Token) -> bool:
    """Whether a word is a form of a verb that states a killing."""
    return any(
        t.has("killed") and t.pos == "V" and len(t.pattern) == 1 and token.lower_ in t.pattern[0]
        for t in trigger_table().triggers
    )


def outcome_participle(token: Token) -> bool:
    """ "..., killing nine people": a killing that is the result of another attack."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("advcl", "xcomp", "conj", "acl")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        and is_killing(token)
    )


def _victims(token: Token) -> int | None:
    """The number of people the object counts ("killing nine people", "two of his"),
    or the passive subject ("seven people were killed")."""
    for obj in (c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")):
        value = number(obj)
        if value is not None:
            return value
        for child in obj.children:
            if child.dep_ == "nummod" and number(child) is not None:
                return number(child)
    return None


def harm(hit: Hit, named_people: int, sentence: list[Token]) -> Harm:
    """Outcome and fatalities of an assault from its trigger and sentence."""
    for child in hit.head.children:
        if outcome_participle(child):
            return Harm("killed", _victims(child) or (named_people or None))
    if hit.head.dep_ == "advcl" and is_killing(hit.head.head):  # "seven were killed when ..."
        return Harm("killed", _victims(hit.head.head))
    if hit.trigger.has("killed") or any(c.lower_ == "dead" for c in hit.head.children):
        count = _victims(hit.head) if hit.trigger.pos == "V" else None
        return Harm("killed", count or (1 if named_people == 1 else named_people or None))
    lower = [t.lower_ for t in sentence]
    if has_phrase(lower, "injured"):
        return Harm("injured", 0 if named_people else None)
    if any(w in words("survived") for w in lower):
        return Harm("survived", 0 if named_people else None)
    return Harm("unknown", None)
