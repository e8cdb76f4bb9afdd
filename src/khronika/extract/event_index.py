"""One article's parse and upstream records, indexed for the event rules.

Tokens carry offsets into their chunk; :class:`EventIndex` turns them into
document offsets (``article.start + chunk offset + token.idx``), finds the
entity mention, quotation, paragraph and sentence of a token, and resolves
pronouns to people where that is safe:

- "I", "me", "we", "our" inside a quotation are its speaker;
- "he", "him", "his", "she", "her" are the nearest person of matching
  gender: in the same sentence before the pronoun, else in up to three
  sentences before it, a grammatical subject first, then an object; inside a quotation the
  speaker is skipped (speakers say "I");
- "its", "their" are the nearest organisation or state before the pronoun in
  the same sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from khronika.extract.event_lexicon import words
from khronika.model import Article, Entity, Mention, Place, Quote, TimeExpression

FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
RELATIVE = frozenset({"who", "whom", "that", "which", "whose"})
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "obj", "appos")
#: Given names ending in "a" that are men's names.
_REPORTING = frozenset({"said", "says", "announced", "reported", "confirmed", "stated", "claimed"})
_MALE_A = frozenset(
    {"nikita", "mykyta", "ilya", "illia", "sasha", "misha", "kolya", "mykola", "foma", "kuzma"}
    | {"sava", "luca", "andrea", "joshua", "vanya", "petya", "yasha", "grisha", "dima", "seryozha"}
)
_FEMALE_SURNAME = ("ova", "eva", "ina", "aya", "ska", "skaya")
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n")
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*[-–—:]\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with document offsets and the number of its paragraph."""

    span: Span
    start: int
    end: int
    paragraph: int


def _dateline_end(article: Article) -> int:
    """Where the dateline ("VIENNA, March 15 (Eastwire) –") ends, or the body start."""
    body = article.body_start
    if not article.dateline:
        return body
    text = article.text[body - article.start : body - article.start + 200]
    at = text.find(article.dateline)
    if at < 0 or text[:at].strip():
        return body
    end = at + len(article.dateline)
    dash = _DATELINE_DASH.match(text, end)
    return body + (dash.end() if dash else end)


def _surnames(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Surname -> the one person of the article who bears it."""
    found: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.type == "PERSON" and " " in entity.name:
            found.setdefault(entity.name.split()[-1], []).append(entity)
    return {name: people[0] for name, people in found.items() if len(people) == 1}


def gender(entity: Entity) -> str | None:
    """ "f", "m" or ``None`` from the shape of a person's name (a guess)."""
    parts = entity.name.lower().split()
    if len(parts) < 2:
        return None
    first, last = parts[0], parts[-1]
    if (first.endswith("a") and first not in _MALE_A) or last.endswith(_FEMALE_SURNAME):
        return "f"
    return "m"


def _clause(token: Token) -> Token:
    """The verb whose clause holds the token ("according to X" is no clause)."""
    while token.head != token and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep"):
        token = token.head
    return token


class EventIndex:
    """Offsets, mentions, quotations and sentences of one article."""

    def __init__(
        self,
        article: Article,
        parsed: Sequence[tuple[int, Doc]],
        entities: Sequence[Entity],
        mentions: Sequence[Mention],
        quotes: Sequence[Quote],
        times: Sequence[TimeExpression],
        places: Sequence[Place],
    ) -> None:
        self.article = article
        self.docs = [(article.start + offset, doc) for offset, doc in parsed]
        self._base = {id(doc): base for base, doc in self.docs}
        self._tokens_at: dict[int, Token | None] = {}  # token_at, asked again and again
        self.entities = {e.id: e for e in entities}
        self.mentions = sorted(mentions, key=lambda m: m.prov.start)
        self._mention_starts = [m.prov.start for m in self.mentions]
        self.quotes = sorted(quotes, key=lambda q: q.prov.start)
        self.times = sorted(times, key=lambda t: t.prov.start)
        self.places = sorted(places, key=lambda p: p.prov.start)
        self._breaks = [article.start + m.end() for m in _PARAGRAPH.finditer(article.text)]
        self.sentences = [
            Sentence(s, base + s.start_char, base + s.end_char, self.paragraph(base + s.start_char))
            for base, doc in self.docs
            for s in doc.sents
        ]
        self._sentence_starts = [s.start for s in self.sentences]
        self.lead = _dateline_end(article)
        self._surnames = _surnames(entities)
        self._person_nouns = words("person_noun")

    # -- offsets ---------------------------------------------------------------

    def start(self, token: Token) -> int:
        return self._base[id(token.doc)] + token.idx

    def end(self, token: Token) -> int:
        return self.start(token) + len(token.text)

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self._breaks, pos)

    def sentence_of(self, token: Token) -> int:
        """Index of the token's sentence in :attr:`sentences`."""
        return max(0, bisect.bisect_right(self._sentence_starts, self.start(token)) - 1)

    def text(self, start: int, end: int) -> str:
        return self.article.text[start - self.article.start : end - self.article.start]

    # -- records ---------------------------------------------------------------

    def mention_at(self, token: Token) -> Mention | None:
        pos = self.start(token)
        i = bisect.bisect_right(self._mention_starts, pos) - 1
        if i >= 0 and self.mentions[i].prov.start <= pos < self.mentions[i].prov.end:
            return self.mentions[i]
        return None

    def entity_at(self, token: Token) -> Entity | None:
        """The entity named at the token; a one-word name the model mistyped that
        is the surname of one person named in the article is that person."""
        mention = self.mention_at(token)
        entity = self.entities.get(mention.entity_id) if mention else None
        if entity is not None and entity.type != "PERSON" and " " not in entity.name:
            return self._surnames.get(entity.name, entity)
        return entity

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        return self.mentions[lo:hi]

    def quote_at(self, pos: int) -> Quote | None:
        for quote in self.quotes:
            if quote.prov.start <= pos < quote.prov.end:
                return quote
        return None

    def speaker(self, pos: int) -> Entity | None:
        quote = self.quote_at(pos)
        if quote is None:
            return None
        if quote.speaker_id and quote.speaker_id in self.entities:
            return self.entities[quote.speaker_id]
        return self.entity_named(quote.speaker) if quote.speaker else None

    def entity_named(self, name: str) -> Entity | None:
        return next((e for e in self.entities.values() if e.name == name), None)

    # -- pronouns --------------------------------------------------------------

    def resolve(self, token: Token) -> Entity | None:
        """The entity a pronoun stands for, where the rules above allow."""
        word = token.lower_
        if word in FIRST_PERSON:
            return self.speaker(self.start(token))
        if word in MALE or word in FEMALE:
            return self._person(token, "m" if word in MALE else "f")
        if word in ("its", "their"):
            return self._organisation(token)
        if word == "it" and token.dep_ in ("nsubj", "nsubjpass"):
            return self._self_report(token)
        return None

    def _self_report(self, token: Token) -> Entity | None:
        """ "The SBU said it had detained ...": "it" is the body that reports."""
        verb = token.head
        if verb.dep_ != "ccomp" or verb.head.lower_ not in _REPORTING:
            return None
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        entity = self.entity_at(subject) if subject is not None else None
        return entity if entity is not None and entity.type in ("ORG", "GPE") else None

    def _person(self, token: Token, wanted: str) -> Entity | None:
        pos = self.start(token)
        speaker = self.speaker(pos)
        here = self.sentence_of(token)
        bound = None if token.dep_ == "poss" else _clause(token)
        for index in range(here, max(-1, here - 4), -1):
            sentence = self.sentences[index]
            end = pos if index == here else sentence.end
            found = self._people_in(sentence.start, end, speaker, wanted, bound)
            if found:
                return found
        return self._cataphora(here, speaker, wanted)

    def _cataphora(self, here: int, speaker: Entity | None, wanted: str) -> Entity | None:
        """The subject of the next sentence, for a pronoun with nothing before it
        ("A volunteer said they abducted her ... Halyna Savchuk, 38, said ...")."""
        if any(s.start >= self.article.body_start for s in self.sentences[:here]):
            return None
        if here + 1 >= len(self.sentences):
            return None
        after = self.sentences[here + 1]
        found = self._people_in(after.start, after.end, speaker, wanted, None)
        if found is None:
            return None
        mention = next(
            m for m in self.mentions_between(after.start, after.end) if m.entity_id == found.id
        )
        return found if self._prominence(mention) >= 2 else None

    def _people_in(
        self, start: int, end: int, speaker: Entity | None, wanted: str, bound: Token | None
    ) -> Entity | None:
        people: list[tuple[int, int, Entity]] = []
        for mention in self.mentions_between(max(start, self.article.body_start), end):
            entity = self.entities.get(mention.entity_id)
            if entity is not None and entity.type != "PERSON":
                entity = self._surnames.get(entity.name, entity)
            if entity is None or entity == speaker or not self.is_person(entity, mention):
                continue
            token = self.token_at(mention.prov.start)
            if bound is not None and token is not None and _clause(token) == bound:
                continue  # "according to Gelashvili, he received": not him
            if gender(entity) not in (None, wanted):
                continue
            people.append((self._prominence(mention), mention.prov.start, entity))
        people += self._speakers_in(start, end, speaker, wanted)
        if not people:
            return None
        return max(people, key=lambda p: (p[0], p[1]))[2]

    def is_person(self, entity: Entity, mention: Mention | None = None) -> bool:
        """A person, or a name the model mistyped that a person noun introduces
        ("the exiled writer Irina Lebed" tagged as an organisation)."""
        if entity.type == "PERSON":
            return True
        if entity.type not in ("ORG", "FACILITY") or len(entity.name.split()) < 2:
            return False
        starts = [mention.prov.start] if mention else [entity.prov.start]
        for start in starts:
            token = self.token_at(start)
            if token is not None and token.i > 0 and token.nbor(-1).lower_ in self._person_nouns:
                return True
        return False

    def _speakers_in(
        self, start: int, end: int, speaker: Entity | None, wanted: str
    ) -> list[tuple[int, int, Entity]]:
        """Speakers of quotations in ``start:end``: a quoted person is salient."""
        found = []
        for quote in self.quotes:
            if quote.prov.start < end and start < quote.prov.end:
                who = self.speaker(quote.prov.start)
                if who is not None and who != speaker and gender(who) in (None, wanted):
                    found.append((3, min(quote.prov.end, end) - 1, who))
        return found

    def _prominence(self, mention: Mention) -> int:
        """3 for the subject of the main clause, 2 for another subject, 1 for an
        object, 0 otherwise."""
        token = self.token_at(mention.prov.start)
        while token is not None and token.dep_ in ("compound", "flat") and token.head != token:
            token = token.head
        if token is None:
            return 0
        if token.dep_ in _SUBJECTS:
            verb = token.head
            while verb.dep_ == "conj" and verb.head != verb:
                verb = verb.head
            return 3 if verb.dep_ == "ROOT" else 2
        return 1 if token.dep_ in _OBJECTS else 0

    def _organisation(self, token: Token) -> Entity | None:
        sentence = self.sentences[self.sentence_of(token)]
        found = None
        for mention in self.mentions_between(sentence.start, self.start(token)):
            entity = self.entities.get(mention.entity_id)
            if entity is not None and entity.type in ("ORG", "GPE"):
                found = entity
        return found

    def token_at(self, pos: int) -> Token | None:
        if pos not in self._tokens_at:
            self._tokens_at[pos] = self._token_at(pos)
        return self._tokens_at[pos]

    def _token_at(self, pos: int) -> Token | None:
        for base, doc in self.docs:
            if base <= pos < base + len(doc.text):
                span = doc.char_span(pos - base, pos - base + 1, alignment_mode="expand")
                return span[0] if span is not None and len(span) else None
        return None
