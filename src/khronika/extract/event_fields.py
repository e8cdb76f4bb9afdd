"""Where an event is stated, and the fields read around it.

The *region* of a trigger is its clause: the subtree of the verb (of the
governing verb for "found dead", of the verb of performing for "ordered
assassinations", of the noun phrase for "the poisoning of X"), without
coordinated verbs and without clauses that state another event ("was
released on 28 March, shortly before the columns pulled back"); a
coordinated verb shares what stands before the first one ("On 9 March
soldiers broke in and took her away").

- evidence: the region's span, from the antecedent of a relative clause,
  without "according to X" and without the dateline of a wire story; a
  noun phrase that names nobody gives the clause around it;
- date: a time expression in the region, else (for clauses) elsewhere in
  the sentence, else in the sentence before in the same paragraph; a time
  in a relative clause about a participant comes last, and outside the
  region neither "since 2020" nor the time of a statement ("said on
  Friday") counts, nor anything after the quotation the trigger is in;
- place: the same search; a place after "in", "at", "near" beats one that
  merely modifies a noun ("a Berlin hospital"), a city beats a country; a
  place that is part of a name ("Russia's defence ministry") is none, and
  outside the region only a place after a locative preposition counts;
- instrument: weapons and substances named in the region (and common
  weapons the entity lexicon lacks: "the butt of a rifle").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Token

from khronika.extract.event_args import governing_verb
from khronika.extract.event_index import RELATIVE, EventIndex
from khronika.extract.event_lexicon import Hit, words
from khronika.model import Place, TimeExpression

_ISO = re.compile(r"^\d{2,4}(?:-\d{2}(?:-\d{2})?)?")
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "on", "inside", "beneath", "from", "over", "to", "into"}
)
_PRECISION = {"point": 0, "city": 1, "region": 2, "country": 3}
_EDGE_PUNCT = frozenset({",", ";", ":", "-", "–", "—", "(", ")", "“", "”", '"', "‘", "’"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "agent", "dative", "oprd"})
T = TypeVar("T", TimeExpression, Place)


@dataclass(frozen=True, slots=True)
class Region:
    """Token indices of a trigger's clause, and its evidence span (document offsets)."""

    tokens: frozenset[int]
    start: int
    end: int


def predicate(hit: Hit) -> Token:
    """The word whose clause states the event."""
    head = hit.head
    if hit.trigger.pos == "A":
        return governing_verb(head) or head
    if head.dep_ == "acl" and head.tag_ == "VBN":  # "the poison used on X"
        return head.head
    if hit.trigger.pos == "N" and head.dep_ in ("dobj", "obj"):
        verb = head.head
        if verb.lower_ in words("perform") or hit.trigger.has("subjrcp"):
            return verb
    return head


def region(index: EventIndex, hit: Hit, others: Iterable[Token]) -> Region:
    """The clause of ``hit``, without the clauses of the triggers ``others``."""
    top = predicate(hit)
    tokens = _subtree(top)
    for other in others:
        if other.i not in tokens or other == top or other == hit.head:
            continue
        core = _core(other)
        if core != top:
            tokens -= _subtree(_clause_below(top, core))
    for child in top.children:  # "according to files released in 1992" tells, not states
        if child.dep_ == "prep" and child.lower_ == "according":
            tokens -= {t.i for t in child.subtree}
    tokens |= {hit.head.i}
    own = set(tokens)
    if top.dep_ == "conj":
        first = _first_conjunct(top)
        for child in first.lefts:
            tokens |= _subtree(child)
    tokens = {i for i in tokens if index.start(hit.head.doc[i]) >= index.lead}
    own = {i for i in own if i in tokens} or {hit.head.i}
    return _span(index, hit, top, tokens, own)


def _core(token: Token) -> Token:
    """The top of another trigger's own clause ("the poison used on X": the noun)."""
    return token.head if token.dep_ == "acl" and token.tag_ == "VBN" else token


def _clause_below(top: Token, core: Token) -> Token:
    """What to cut for a nested event: the whole adjunct or clause of ``top``
    that holds it ("unless governments hit back against an attempt"), or just
    its own clause when it sits inside an argument ("Navalny – the poison used
    on Skripal")."""
    child = core
    while child.head != top and child.head != child:
        child = child.head
    if child.head == top and child.dep_ not in _ARGUMENTS:
        return child
    return core


def _subtree(token: Token) -> set[int]:
    """The token's subtree without its coordinated verbs."""
    found = {t.i for t in token.subtree}
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            found -= {t.i for t in child.subtree}
        if child.dep_ == "cc" and any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in token.children
        ):
            found.discard(child.i)
    return found


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _span(index: EventIndex, hit: Hit, top: Token, tokens: set[int], own: set[int]) -> Region:
    doc = hit.head.doc
    words_only = {i for i in own if not (doc[i].is_punct or doc[i].is_space)} or own
    lo, hi = min(words_only), max(words_only)
    if hit.trigger.pos == "N" and top == hit.head and not _names_someone(index, hit):
        clause = governing_verb(hit.head)
        if clause is not None:
            widened = _subtree(clause)
            widened = {i for i in widened if index.start(doc[i]) >= index.lead} or widened
            lo, hi = min(lo, min(widened)), max(hi, max(widened))
    if top.dep_ == "relcl" and any(c.lower_ in RELATIVE for c in top.children):
        lo = min(lo, top.head.left_edge.i)
    for i in range(hit.head.i - 1, lo - 1, -1):  # never across a paragraph break
        if "\n\n" in doc[i].text_with_ws.replace("\xa0", "").replace(" ", ""):
            lo = i + 1
            break
    for i in range(hit.head.i, hi):
        if "\n\n" in doc[i].text_with_ws.replace("\xa0", "").replace(" ", ""):
            hi = i
            break
    while lo < hi and (doc[lo].text in _EDGE_PUNCT or _dangling(doc[lo])):
        lo += 1
    while hi > lo and (doc[hi].text in _EDGE_PUNCT or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    return Region(frozenset(tokens), index.start(doc[lo]), index.end(doc[hi]))


def _dangling(token: Token) -> bool:
    """A word that opens a clause but is no part of what it states ("and", "when")."""
    if token.is_space:
        return True
    if token.dep_ in ("cc", "mark"):
        return True
    return token.dep_ == "advmod" and token.lower_ in ("when", "where", "while", "as")


def _names_someone(index: EventIndex, hit: Hit) -> bool:
    return any(
        (e := index.entity_at(t)) is not None and e.type in ("PERSON", "ORG", "GPE")
        for t in hit.head.subtree
        if t.i != hit.head.i
    )


# -- dates and places ---------------------------------------------------------


def iso(value: str | None) -> str | None:
    """The ISO date prefix of a TIMEX3 value ("1978-09-07", "1957-10", "195"), if any."""
    if not value:
        return None
    match = _ISO.match(value)
    return match.group(0) if match else None


def _in_tokens(index: EventIndex, doc_tokens: Sequence[Token], start: int, end: int) -> bool:
    return any(index.start(t) < end and start < index.end(t) for t in doc_tokens)


def _nearest(
    index: EventIndex,
    hit: Hit,
    items: Sequence[T],
    scope: Sequence[Token],
    rank: Callable[[T], tuple[int, ...]],
) -> T | None:
    pos = index.start(hit.head)
    inside = [x for x in items if _in_tokens(index, scope, x.prov.start, x.prov.end)]
    if not inside:
        return None
    return min(inside, key=lambda x: (*rank(x), abs(x.prov.start - pos)))


def _scopes(
    index: EventIndex, hit: Hit, where: Region, others: Iterable[Token], wide: bool
) -> list[list[Token]]:
    """Where to look, nearest first: the region; then (for clauses) the rest of
    the sentence and the sentence before in the same paragraph, without the
    clauses of other events and of coordinated verbs."""
    doc = hit.head.doc
    own = [doc[i] for i in sorted(where.tokens)]
    if not wide:
        return [_told(index, hit, own)]
    sentence = index.sentences[index.sentence_of(hit.head)]
    taken = _foreign(hit, others) - where.tokens
    rest = [t for t in sentence.span if t.i not in taken and t.i not in where.tokens]
    scopes = [own, rest]
    here = index.sentence_of(hit.head)
    if here > 0:
        before = index.sentences[here - 1]
        if before.paragraph == sentence.paragraph:
            scopes.append(list(before.span))
    return [_told(index, hit, scope) for scope in scopes]


def _told(index: EventIndex, hit: Hit, scope: list[Token]) -> list[Token]:
    """The scope without who tells it: nothing after the quotation the trigger
    is in ("..., Horak said at his home in Vienna"), and never "according to X"."""
    quote = index.quote_at(index.start(hit.head))
    if quote is not None:
        scope = [t for t in scope if index.start(t) < quote.prov.end]
    return [t for t in scope if not _according(t)]


def _according(token: Token) -> bool:
    return any(a.lower_ == "according" and a.dep_ == "prep" for a in [token, *token.ancestors])


def _foreign(hit: Hit, others: Iterable[Token]) -> set[int]:
    """Tokens of the sentence that belong to other events or coordinated clauses."""
    taken: set[int] = set()
    for other in others:
        if other.i != hit.head.i and other.sent == hit.head.sent:
            taken |= {t.i for t in _core(other).subtree}
    for ancestor in [hit.head, *hit.head.ancestors]:
        for child in ancestor.children:
            verb = child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
            if verb and child != hit.head and hit.head not in child.subtree:
                taken |= {t.i for t in child.subtree}
    return taken


def _background(token: Token | None) -> int:
    """1 inside a relative clause (background on a participant), else 0."""
    return int(token is not None and background_clause(token) is not None)


def date_of(
    index: EventIndex, hit: Hit, where: Region, others: Iterable[Token], wide: bool
) -> str | None:
    """The date of the event at the precision the text gives."""
    dated = [
        t
        for t in index.times
        if t.kind != "duration" and iso(t.value) and t.prov.start >= index.lead
    ]
    for n, scope in enumerate(_scopes(index, hit, where, list(others), wide)):
        usable = [t for t in dated if not (_aside(index, t) and (n or _background_time(index, t)))]
        found = _nearest(
            index, hit, usable, scope, lambda t: (_background(index.token_at(t.prov.start)),)
        )
        if found is not None:
            return iso(found.value)
    return None


def _background_time(index: EventIndex, time: TimeExpression) -> bool:
    return bool(_background(index.token_at(time.prov.start)))


def _aside(index: EventIndex, time: TimeExpression) -> bool:
    """ "since 2020" (the anchor of a state) or "said on Friday" (the time of a
    statement): not the time of the event."""
    token = index.token_at(time.prov.start)
    if token is None:
        return False
    first = token.doc[token.i - 1] if token.i and token.lower_ not in words("since") else token
    if first.lower_ in words("since"):
        return True
    head = token
    while head.head != head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.lower_ in words("report")


def place_of(
    index: EventIndex,
    hit: Hit,
    where: Region,
    others: Iterable[Token],
    wide: bool,
    date: str | None = None,
) -> Place | None:
    """The most specific place named for the event.

    Outside the event's own clause only a place after a locative preposition
    counts, and never one that is part of a name ("Russia's defence ministry")
    nor one in a relative clause about a participant, unless that clause also
    gives the event's ``date``: "the poisoning of Korsak, who collapsed near
    her hotel in Leopoldstadt on 11 March" tells where the poisoning struck.
    """
    body = max(index.article.body_start, index.lead)
    places = [p for p in index.places if p.prov.start >= body and not _in_name(index, p)]

    def rank(place: Place) -> tuple[int, ...]:
        token = index.token_at(place.prov.start)
        after_preposition = 0 if token is not None and locative(token) else 1
        outer = int(container(index, token, places, place))
        return (after_preposition, _PRECISION.get(place.precision or "", 4), outer)

    for n, scope in enumerate(_scopes(index, hit, where, list(others), wide)):
        if n == 0:
            usable = [p for p in places if _about_the_event(index, hit, p, date)]
        else:
            usable = [p for p in places if _located(index, p, date)]
        found = _nearest(index, hit, usable, scope, rank)
        if found is not None:
            return found
    return None


def container(
    index: EventIndex, token: Token | None, places: Sequence[Place], place: Place
) -> bool:
    """A town that only locates the district named beside it: "Kharkiv" in
    "Kharkiv's Saltivka district", "Vienna" in "the Innere Stadt, Vienna's
    first district". The district is the more specific place."""
    if token is None or token.dep_ != "poss" or token.head.lower_ not in words("place_noun"):
        return False
    phrase = token.head.head if token.head.dep_ == "appos" else token.head
    start, end = index.start(phrase.left_edge), index.end(phrase.right_edge)
    return any(
        other is not place and start <= other.prov.start and other.prov.end <= end
        for other in places
    )


def _in_name(index: EventIndex, place: Place) -> bool:
    """A place that is part of a name or owns a person or body ("Russia's
    defence ministry", "Russia's opposition"), not where something happened."""
    for mention in index.mentions_between(place.prov.start - 60, place.prov.end):
        entity = index.entities.get(mention.entity_id)
        if entity is None or entity.type not in ("ORG", "PERSON"):
            continue
        inside = mention.prov.start <= place.prov.start and place.prov.end < mention.prov.end
        if inside and not _placed(index, mention.prov.end - 1):
            return True
    token = index.token_at(place.prov.start)
    if token is None or token.dep_ != "poss":
        return False
    owner = token.head
    if owner.lower_ in words("place_noun") or _placed(index, index.start(owner)):
        return False
    entity = index.entity_at(owner)
    return entity is None or entity.type not in ("GPE", "LOC", "FACILITY")


def _placed(index: EventIndex, pos: int) -> bool:
    """Whether a place record covers document offset ``pos``."""
    return any(p.prov.start <= pos < p.prov.end for p in index.places)


def _located(index: EventIndex, place: Place, date: str | None = None) -> bool:
    token = index.token_at(place.prov.start)
    if token is None or not locative(token):
        return False
    clause = background_clause(token)
    return clause is None or (date is not None and _dated(index, clause, date))


def _about_the_event(index: EventIndex, hit: Hit, place: Place, date: str | None) -> bool:
    """A place of the event's own region, unless a relative clause about a
    participant names it for another time ("Moroz, who moved to Riga in 2019,
    was poisoned on 2 April")."""
    token = index.token_at(place.prov.start)
    clause = background_clause(token) if token is not None else None
    if clause is None or hit.head in clause.subtree:
        return True
    return not other_time(index, clause, date)


def other_time(index: EventIndex, clause: Token, date: str | None) -> bool:
    """Whether a relative clause is dated, and not by the event's ``date``:
    it tells of another time. An undated event, or a clause whose times did
    not resolve ("on Saturday" in an undated text), decides nothing."""
    dated = [t for t in index.times if _within(index, clause, t.prov.start) and iso(t.value)]
    return bool(dated) and date is not None and not _dated(index, clause, date)


def _within(index: EventIndex, clause: Token, offset: int) -> bool:
    return index.start(clause.left_edge) <= offset < index.end(clause.right_edge)


def background_clause(token: Token) -> Token | None:
    """The relative clause (or clausal modifier) a token sits in, if any."""
    while token.head != token:
        if token.dep_ in ("relcl", "acl"):
            return token
        token = token.head
    return None


def _dated(index: EventIndex, clause: Token, date: str) -> bool:
    """Whether the clause itself names the day or month ``date``."""
    return len(date) >= len("2000-01") and any(
        _within(index, clause, t.prov.start) and t.value is not None and iso(t.value) == date
        for t in index.times
    )


def place_name(index: EventIndex, place: Place) -> str:
    """The place as the article names it: the entity's canonical name where one
    is named there ("Leningrad", not the gazetteer's "Saint Petersburg"); for
    a described place, the most specific place inside it ("Leopoldstadt" for
    "her hotel in Vienna's Leopoldstadt district")."""
    inner = [
        p
        for p in index.places
        if p is not place and place.prov.start <= p.prov.start and p.prov.end <= place.prov.end
    ]
    inner = [p for p in inner if not container(index, index.token_at(p.prov.start), inner, p)]
    if inner:
        place = inner[-1]
    for mention in index.mentions_between(place.prov.start, place.prov.end):
        entity = index.entities.get(mention.entity_id)
        if entity is not None and mention.prov.end <= place.prov.end:
            return entity.name
    return index.text(place.prov.start, place.prov.end) or place.name


def locative(token: Token) -> bool:
    """Whether a place word is the object of a locative preposition."""
    for _ in range(4):
        if token.dep_ == "pobj":
            return token.head.lower_ in _LOCATIVE
        if token.dep_ not in ("compound", "poss", "appos", "amod", "nmod", "case"):
            return False
        token = token.head
    return False


def instruments(index: EventIndex, hit: Hit, where: Region) -> tuple[str, ...]:
    """Weapons and substances named in the region (and what is "used")."""
    doc = hit.head.doc
    scope = set(where.tokens)
    if hit.head.dep_ == "acl":  # "novichok – the same poison used on X"
        used = hit.head.head
        scope |= {t.i for t in used.subtree}
        scope |= set(range(max(0, used.left_edge.i - 4), used.left_edge.i))
    found: dict[str, None] = {}
    for i in sorted(scope):
        entity = index.entity_at(doc[i])
        if entity is not None and entity.type in ("WEAPON", "SUBSTANCE"):
            found.setdefault(entity.name, None)
    if not found and hit.trigger.type == "ASSAULT":
        for i in sorted(where.tokens):
            if doc[i].lower_ in words("instrument_noun") and doc[i].pos_ == "NOUN":
                found.setdefault(doc[i].lower_, None)
    return tuple(found)
