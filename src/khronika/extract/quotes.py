"""Direct quotations and their speakers.

Four steps, each in its own module:

1. :mod:`~khronika.extract.quote_marks` finds every span between quotation
   marks, character by character on ``article.text`` (multi-paragraph
   quotations joined, unclosed ones flagged);
2. :mod:`~khronika.extract.quote_speakers` finds the attribution clause of
   each from the parse (cue verb and its subject);
3. :mod:`~khronika.extract.quote_filter` drops scare quotes and titles;
4. the article is then read in order (:mod:`~khronika.extract.quote_salience`)
   to resolve "he", "the colonel" and quotations with no attribution; a
   quotation with none takes the attribution of another in its paragraph
   ('“…,” he said, “…”'), else the current speaker of the article.

``speaker_confident`` is true only when the attribution clause names the
speaker; pronouns, descriptions and the interview default are guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from khronika.extract.quote_cues import cue_lemma, cue_of
from khronika.extract.quote_filter import is_speech
from khronika.extract.quote_marks import MarkedSpan, find_marked_spans
from khronika.extract.quote_people import person_genders, person_titles
from khronika.extract.quote_salience import Salience, Speaker
from khronika.extract.quote_context import QuoteContext, sentence_start
from khronika.extract.quote_speakers import Attribution, find_attribution
from khronika.extract.quote_subjects import SubjectRef, describe
from khronika.extract.quote_tokens import ArticleIndex
from khronika.model import Article, Entity, Mention, Quote, make_id

#: Cue verbs that introduce a speaker even with nothing reported after them.
_ACTIVITY = frozenset({"talk", "speak"})
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class _Said:
    speaker: Speaker | None
    cue: str | None
    confident: bool


def extract_quotes(
    article: Article,
    parsed: Sequence[tuple[int, Doc]],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
) -> tuple[Quote, ...]:
    """Every direct quotation in the article, with its speaker where the text says."""
    index = ArticleIndex(article, parsed, entities, mentions)
    spans = find_marked_spans(article.text)
    ctx = QuoteContext(index, spans)
    found = [find_attribution(ctx, i) for i in range(len(spans))]
    keep = [i for i, span in enumerate(spans) if _speech(ctx, span, found[i])]
    said = _Reader(ctx, found, keep).read()
    return tuple(_record(article, spans[i], said[i]) for i in keep)


def _speech(ctx: QuoteContext, span: MarkedSpan, attribution: Attribution | None) -> bool:
    """Whether a span is speech; a sentence of its own counts as set off."""
    inner = ctx.text[span.start : span.end]
    tokens = ctx.index.between(span.start, span.end)
    para_lo = ctx.paras[ctx.paragraph_of(span.open_at)][0]
    lead = ctx.text[sentence_start(ctx.text, para_lo, span.open_at) : span.open_at]
    alone = not lead.strip("[( \t") and inner.rstrip()[-1:] in (".", "!", "?", "…")
    framed = alone or (attribution is not None and attribution.framed)
    return is_speech(ctx.text, span.open_at, inner, tokens, framed)


def _record(article: Article, span: MarkedSpan, said: _Said) -> Quote:
    prov = article.prov
    start, end = article.start + span.start, article.start + span.end
    speaker = said.speaker
    return Quote(
        id=make_id("q", prov.source_sha256, prov.document, start, end),
        prov=replace(prov, start=start, end=end),
        text=article.text[span.start : span.end],
        speaker_id=speaker.entity_id if speaker else None,
        speaker=speaker.name if speaker else None,
        cue=said.cue,
        speaker_confident=said.confident and speaker is not None,
        unclosed=span.unclosed,
    )


class _Reader:
    """Reads the article once, in order, resolving each quotation's speaker."""

    def __init__(
        self, ctx: QuoteContext, found: Sequence[Attribution | None], keep: Sequence[int]
    ) -> None:
        self.ctx = ctx
        self.found = found
        self.keep = list(keep)
        self.salience = Salience(person_titles(ctx), person_genders(ctx))
        self.said: dict[int, _Said] = {}
        self.used = {p for i in keep if (a := found[i]) for p in a.tokens}

    def read(self) -> dict[int, _Said]:
        borrowed: dict[int, int] = {}
        for _, _, kind, item in sorted(self._timeline(), key=lambda x: (x[0], x[1])):
            if kind == "mention":
                assert isinstance(item, Entity)
                self.salience.mention(Speaker.of(item))
            elif kind == "subject":
                assert isinstance(item, Token)
                self._subject(item)
            else:
                assert isinstance(item, int)
                source = self._quote(item)
                if source is not None:
                    borrowed[item] = source
        for i, source in borrowed.items():
            self.said[i] = self.said[source]
        return self.said

    def _timeline(self) -> list[tuple[int, int, str, object]]:
        ctx, body = self.ctx, self.ctx.index.body_start
        items: list[tuple[int, int, str, object]] = [
            (start, 0, "mention", entity)
            for start, _, entity in ctx.index.mentions
            if start >= body and not ctx.quoted(start)
        ]
        for token in ctx.index.tokens:
            pos = ctx.index.pos(token)
            if token.dep_ in _SUBJECTS and pos >= body and pos not in self.used:
                if not ctx.quoted(pos):
                    items.append((pos, 1, "subject", token))
        items.extend((ctx.spans[i].open_at, 2, "quote", i) for i in self.keep)
        return items

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
        if _reports_speech(token.head):
            self.salience.said(speaker, paragraph)

    def _quote(self, i: int) -> int | None:
        """Resolve quotation ``i``; return the quotation it borrows from, if any."""
        attribution = self.found[i]
        if attribution is not None:
            paragraph = self.ctx.paragraph_of(attribution.tokens[0])
            speaker = self._resolve(attribution.subject, paragraph)
            confident = attribution.subject.kind == "named"
            self.said[i] = _Said(speaker, attribution.cue, confident)
            self.salience.said(speaker, paragraph)
            return None
        source = self._same_paragraph(i)
        if source is not None:
            return source
        paragraph = self.ctx.paragraph_of(self.ctx.spans[i].open_at)
        self.said[i] = _Said(self.salience.unattributed(paragraph), None, False)
        return None

    def _same_paragraph(self, i: int) -> int | None:
        """An attributed quotation in the paragraph of ``i``, nearest first, earlier first."""
        spans, ctx = self.ctx.spans, self.ctx
        paragraph = spans[i].paragraph
        opened = ctx.paragraph_of(spans[i].open_at)
        near = sorted(
            (j for j in self.keep if j != i and self.found[j] is not None),
            key=lambda j: (j > i, abs(j - i)),
        )
        for j in near:
            if spans[j].paragraph in (paragraph, opened):
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


def _reports_speech(verb: Token) -> bool:
    """Whether a cue verb outside quotation marks reports what its subject said."""
    if cue_of(verb) is None:
        return False
    if verb.dep_ == "parataxis" or cue_lemma(verb) in _ACTIVITY:
        return True
    return any(c.dep_ == "ccomp" for c in verb.children)
