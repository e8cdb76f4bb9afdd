"""Reading an article in order to decide who says each quotation.

The attribution clauses are found first (:mod:`.quote_speakers`); this
reads the article once, from start to end, keeping the state of
:mod:`.quote_salience` up to date with every person mentioned, every
sentence subject outside quotation marks and every quotation, so that
"he", "the colonel" and quotations with no attribution are resolved with
what a reader knows at that point.

A quotation with no attribution takes that of another quotation in its
paragraph ('“…,” he said, “…”'), else the current speaker of the article.
A sentence with a speech verb gives its subject the word when it reports
what was said ("Kalugin told he still has sources") or when a quotation
follows it in its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from khronika.extract.quote_context import QuoteContext, sentence_end
from khronika.extract.quote_cues import cue_lemma, cue_of
from khronika.extract.quote_people import person_genders, person_titles
from khronika.extract.quote_salience import Salience, Speaker
from khronika.extract.quote_speakers import Attribution
from khronika.extract.quote_subjects import SubjectRef, describe

#: Cue verbs that introduce a speaker even with nothing reported after them.
_ACTIVITY = frozenset({"talk", "speak"})
_SUBJECTS = ("nsubj", "nsubjpass")
#: Kinds of event, in the order they are taken at one position.
_MENTION, _SUBJECT, _QUOTE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Said:
    """Who says a quotation, with which cue, and whether the text names them."""

    speaker: Speaker | None
    cue: str | None
    confident: bool


class Reader:
    """Reads the article once, in order, resolving each quotation's speaker."""

    def __init__(
        self, ctx: QuoteContext, found: Sequence[Attribution | None], keep: Sequence[int]
    ) -> None:
        self.ctx = ctx
        self.found = found
        self.keep = list(keep)
        self.salience = Salience(person_titles(ctx), person_genders(ctx))
        self.said: dict[int, Said] = {}
        self.used = {p for i in keep if (a := found[i]) for p in a.tokens}
        self.openings = {ctx.spans[i].open_at for i in keep}
        self.turn = 0  # narrative sentences that gave someone the word so far
        self.turn_of: dict[int, int] = {}

    def read(self) -> dict[int, Said]:
        """Who says each kept quotation, by its number."""
        ctx, body = self.ctx, self.ctx.index.body_start
        people = [
            (start, entity)
            for start, _, entity in ctx.index.mentions
            if start >= body and not ctx.quoted(start)
        ]
        subjects = [
            (pos, token)
            for token in ctx.index.tokens
            if token.dep_ in _SUBJECTS
            and (pos := ctx.index.pos(token)) >= body
            and pos not in self.used
            and not ctx.quoted(pos)
        ]
        events = sorted(
            [(pos, _MENTION, n) for n, (pos, _) in enumerate(people)]
            + [(pos, _SUBJECT, n) for n, (pos, _) in enumerate(subjects)]
            + [(ctx.spans[i].open_at, _QUOTE, i) for i in self.keep]
        )
        borrowed: dict[int, int] = {}
        for _, kind, n in events:
            if kind == _MENTION:
                self.salience.mention(Speaker.of(people[n][1]))
            elif kind == _SUBJECT:
                self._subject(subjects[n][1])
            elif (source := self._quote(n)) is not None:
                borrowed[n] = source
        for i, source in borrowed.items():
            self.said[i] = self.said[source]
        return self.said

    def _subject(self, token: Token) -> None:
        """A sentence subject outside quotation marks: focus, and perhaps a speaker."""
        ref = describe(self.ctx, token, token.head)
        if ref.kind == "named" and ref.entity is None:
            return  # an unrecognised name counts only when quoted
        paragraph = self.ctx.paragraph_of(self.ctx.index.pos(token))
        speaker = self._resolve(ref, paragraph)
        if speaker is None:
            return
        self.salience.subject(speaker, paragraph)
        verb = token.head
        if cue_of(verb) and (_reports_speech(verb) or self._introduces(verb)):
            self.salience.said(speaker, paragraph)
            self.turn += 1

    def _introduces(self, verb: Token) -> bool:
        """Whether the cue's sentence is followed, in its paragraph, by a quotation.

        ("His former partner called him a master of deals. “He showed …”") Not
        when it speaks of the current speaker ("Putin called him a traitor.
        “I am proud of it.”"): the quotation is then more likely the reply.
        """
        if self.salience.current is not None and any(
            c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her") for c in verb.children
        ):
            return False
        pos = self.ctx.index.pos(verb)
        hi = self.ctx.paras[self.ctx.paragraph_of(pos)][1]
        end = sentence_end(self.ctx.text, pos, hi)
        following = len(self.ctx.text[end:hi]) - len(self.ctx.text[end:hi].lstrip())
        return end + following in self.openings

    def _quote(self, i: int) -> int | None:
        """Resolve quotation ``i``; return the quotation it borrows from, if any."""
        attribution = self.found[i]
        if attribution is not None:
            paragraph = self.ctx.paragraph_of(attribution.tokens[0])
            speaker = self._resolve(attribution.subject, paragraph)
            confident = attribution.subject.kind == "named"
            self.said[i] = Said(speaker, attribution.cue, confident)
            if attribution.subject.kind != "narrator":  # the reporter's question
                self.salience.said(speaker, paragraph)
            self.turn_of[i] = self.turn
            return None
        source = self._same_paragraph(i)
        if source is not None:
            return source
        paragraph = self.ctx.paragraph_of(self.ctx.spans[i].open_at)
        self.said[i] = Said(self.salience.unattributed(paragraph), None, False)
        return None

    def _same_paragraph(self, i: int) -> int | None:
        """An attributed quotation in the paragraph of ``i``, nearest first, earlier first.

        An earlier one counts only if no sentence between gave someone else
        the word ("“…,” said Meyer. Brandt disagreed. “…”"); the reporter's
        own questions ("“…?” I asked. “Of course.”") lend nobody the word.
        """
        spans, ctx = self.ctx.spans, self.ctx
        paragraphs = (spans[i].paragraph, ctx.paragraph_of(spans[i].open_at))
        near = sorted(
            (j for j in self.keep if j != i and _speaks(self.found[j])),
            key=lambda j: (j > i, abs(j - i)),
        )
        for j in near:
            if spans[j].paragraph in paragraphs and self.turn_of.get(j, self.turn) == self.turn:
                return j
        return None

    def _resolve(self, ref: SubjectRef, paragraph: int) -> Speaker | None:
        if ref.kind == "named":
            entity = ref.entity
            if entity is None or entity.type != "PERSON":
                # a surname the entity extractor missed or typed as a place
                person = self.ctx.index.entity_named(ref.name) if ref.name else None
                if person is not None and (entity is None or person.type == "PERSON"):
                    entity = person
            if entity is not None:
                return Speaker.of(entity)
            return Speaker.named(ref.name) if ref.name else None
        if ref.kind == "pronoun" and ref.role is not None:
            return self.salience.pronoun(ref.role, paragraph)
        if ref.kind == "description" and ref.role is not None:
            return self.salience.description(ref.role)
        return None


def _speaks(attribution: Attribution | None) -> bool:
    """Whether an attribution gives the word to someone other than the reporter."""
    return attribution is not None and attribution.subject.kind != "narrator"


def _reports_speech(verb: Token) -> bool:
    """Whether a cue verb outside quotation marks reports what its subject said."""
    if verb.dep_ == "parataxis" or cue_lemma(verb) in _ACTIVITY:
        return True
    return any(c.dep_ == "ccomp" for c in verb.children)
