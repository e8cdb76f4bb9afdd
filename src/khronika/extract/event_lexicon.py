"""Event triggers and cue words as data, and finding triggers in a parse.

``data/lexicons/event_triggers.tsv`` lists the words and phrases that state
an event (with PLOVER type, modes, contexts and constraints);
``data/lexicons/event_words.tsv`` the word classes the rules read (status
cues, argument helpers). The pipeline runs without spaCy's lemmatizer, so
verbs are inflected here (``kill`` → kill, kills, killed, killing) and
matched on the lower-case token.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Token

TRIGGERS = "event_triggers.tsv"
WORDS = "event_words.tsv"

#: The longest gap a "*" in a phrase stands for, in tokens.
GAP = 4
_GAP = "*"
_DOUBLING = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One line of the trigger lexicon."""

    pattern: tuple[frozenset[str], ...]  # forms per word; an empty set is a gap
    pos: str  # V, N or A
    type: str  # PLOVER type, or "-" for a phrase that suppresses
    modes: tuple[str, ...]
    contexts: tuple[str, ...]
    flags: frozenset[str]
    options: tuple[tuple[str, tuple[str, ...]], ...]  # rcp=..., cue=...
    key: str  # the pattern as written, for merging and debugging

    @property
    def head_index(self) -> int:
        """Which word of the pattern is the head (first for verbs, last for nouns)."""
        return len(self.pattern) - 1 if self.pos == "N" else 0

    def option(self, name: str) -> tuple[str, ...]:
        return next((values for key, values in self.options if key == name), ())

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger found in a doc: its tokens (``start:end``) and head token."""

    trigger: Trigger
    start: int
    end: int
    head: Token


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb (over-generating is harmless)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    if _DOUBLING.search(lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def noun_forms(noun: str) -> set[str]:
    """A noun and its plural."""
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return {noun, noun[:-1] + "ies"}
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    return {noun, noun + "s"}


def _word(alternatives: str, inflect: str | None) -> frozenset[str]:
    if alternatives == _GAP:
        return frozenset()
    forms = [f.strip().lower() for f in alternatives.split("|") if f.strip()]
    found = set(forms)
    if inflect == "V":
        found |= verb_forms(forms[0])
    elif inflect == "N":
        found |= noun_forms(forms[0])
    return frozenset(found)


def _pattern(text: str, pos: str) -> tuple[frozenset[str], ...]:
    words = text.split()
    head = len(words) - 1 if pos == "N" else 0
    return tuple(
        _word(w, pos if i == head and pos in ("V", "N") else None) for i, w in enumerate(words)
    )


def _rows(name: str) -> Iterator[list[str]]:
    text = (files("khronika") / "data" / "lexicons" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _split(cell: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(sep) if p.strip())


def _trigger(cells: list[str]) -> Trigger:
    cells = cells + [""] * (7 - len(cells))
    pattern, pos, kind, modes, contexts, flags = cells[:6]
    plain = frozenset(f for f in _split(flags) if "=" not in f)
    options = tuple(
        (f.split("=", 1)[0], _split(f.split("=", 1)[1], "/")) for f in _split(flags) if "=" in f
    )
    return Trigger(
        _pattern(pattern, pos), pos, kind, _split(modes), _split(contexts), plain, options, pattern
    )


@lru_cache(maxsize=1)
def trigger_table() -> TriggerTable:
    """The trigger lexicon, loaded once."""
    return TriggerTable(tuple(_trigger(cells) for cells in _rows(TRIGGERS)))


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]:
    single: dict[str, set[str]] = defaultdict(set)
    multi: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for cells in _rows(WORDS):
        for entry in _split(cells[1]):
            if entry.startswith("v:"):
                single[cells[0]] |= verb_forms(entry[2:])
            elif " " in entry:
                multi[cells[0]].append(tuple(entry.lower().split()))
            else:
                single[cells[0]].add(entry.lower())
    return {k: (frozenset(single[k]), tuple(multi[k])) for k in {*single, *multi}}


def words(name: str) -> frozenset[str]:
    """The single words of a word class of ``event_words.tsv``."""
    return _word_classes().get(name, (frozenset(), ()))[0]


def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The multi-word entries of a word class (a "*" is a gap of up to three words)."""
    return _word_classes().get(name, (frozenset(), ()))[1]


def has_phrase(tokens: list[str], name: str) -> bool:
    """Whether lower-case ``tokens`` contain a word or phrase of class ``name``."""
    single = words(name)
    if any(t in single for t in tokens):
        return True
    return any(_find(tokens, p) for p in phrases(name))


def _find(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    pattern = tuple(frozenset() if w == _GAP else frozenset({w}) for w in phrase)
    return any(_match_at(tokens, i, pattern) is not None for i in range(len(tokens)))


def _match_at(tokens: list[str], i: int, pattern: tuple[frozenset[str], ...]) -> int | None:
    """End index of ``pattern`` matched at ``i`` (gaps lazily), or ``None``."""
    if not pattern:
        return i
    head, rest = pattern[0], pattern[1:]
    if not head:  # a gap: try 0..GAP tokens
        for skip in range(GAP + 1):
            end = _match_at(tokens, i + skip, rest)
            if end is not None:
                return end
            if i + skip >= len(tokens) or tokens[i + skip] in {".", ";", ",", "—", "–"}:
                return None
        return None
    if i < len(tokens) and tokens[i] in head:
        return _match_at(tokens, i + 1, rest)
    return None


_POS = {"V": ("VERB",), "N": ("NOUN", "PROPN"), "A": ("ADJ", "ADV", "VERB")}


class TriggerTable:
    """The triggers indexed by the forms of their first word."""

    def __init__(self, triggers: tuple[Trigger, ...]) -> None:
        self.triggers = triggers
        self._first: dict[str, list[Trigger]] = defaultdict(list)
        for trigger in triggers:
            for form in trigger.pattern[0]:
                self._first[form].append(trigger)

    def find(self, doc: Doc) -> list[Hit]:
        """Every trigger in ``doc``; of overlapping matches the longest wins."""
        lower = [t.lower_ for t in doc]
        found: list[Hit] = []
        for i, text in enumerate(lower):
            for trigger in self._first.get(text, ()):
                end = _match_at(lower, i, trigger.pattern)
                if end is None:
                    continue
                head = _head(doc, i, end, trigger)
                if head is not None:
                    found.append(Hit(trigger, i, end, head))
        return _longest(found)


def _head(doc: Doc, start: int, end: int, trigger: Trigger) -> Token | None:
    """The head token of a match, or ``None`` if its part of speech is wrong."""
    token = doc[start] if trigger.head_index == 0 else doc[end - 1]
    if trigger.type == "-" or token.pos_ in _POS[trigger.pos]:
        return token
    if trigger.pos == "N" and token.tag_.startswith("NN"):
        return token
    if trigger.pos == "V" and token.tag_.startswith("VB") and token.pos_ != "AUX":
        return token
    return None


def _longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: set[int] = set()
    kept: list[Hit] = []
    for hit in hits:
        span = set(range(hit.start, hit.end))
        if span & taken:
            continue
        taken |= span
        kept.append(hit)
    return sorted((h for h in kept if h.trigger.type != "-"), key=lambda h: h.start)
