"""Direct quotations and their speakers.

Four steps, each in its own module:

1. :mod:`~khronika.extract.quote_marks` finds every span between quotation
   marks, character by character on ``article.text`` (multi-paragraph
   quotations joined, unclosed ones flagged);
2. :mod:`~khronika.extract.quote_speakers` finds the attribution clause of
   each from the parse (cue verb and its subject);
3. :mod:`~khronika.extract.quote_filter` drops scare quotes and titles;
4. :mod:`~khronika.extract.quote_reader` reads the article in order
   (:mod:`~khronika.extract.quote_salience`) to resolve "he", "the colonel"
   and quotations with no attribution; a quotation with none takes the
   attribution of another in its paragraph ('“…,” he said, “…”'), else the
   current speaker of the article.

``speaker_confident`` is true only when the attribution clause names the
speaker; pronouns, descriptions and the interview default are guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from khronika.extract.quote_context import QuoteContext, sentence_start
from khronika.extract.quote_filter import is_speech
from khronika.extract.quote_marks import MarkedSpan, find_marked_spans
from khronika.extract.quote_reader import Reader, Said
from khronika.extract.quote_speakers import Attribution, find_attribution
from khronika.extract.quote_tokens import ArticleIndex
from khronika.model import Article, Entity, Mention, Quote, make_id


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
    said = Reader(ctx, found, keep).read()
    return tuple(_record(article, spans[i], said[i]) for i in keep)


def _speech(ctx: QuoteContext, span: MarkedSpan, attribution: Attribution | None) -> bool:
    """Whether a span is speech; a sentence of its own counts as set off."""
    inner = ctx.text[span.start : span.end]
    tokens = ctx.index.between(span.start, span.end)
    start = sentence_start(ctx.text, ctx.paragraph_start(span.open_at), span.open_at)
    lead = ctx.text[start : span.open_at]
    alone = not lead.strip("[( \t") and inner.rstrip()[-1:] in (".", "!", "?", "…")
    framed = alone or (attribution is not None and attribution.framed)
    words = [t for t in ctx.index.between(start, span.open_at) if not t.is_punct]
    before = words[-1] if words else None
    return is_speech(inner, before, tokens, framed)


def _record(article: Article, span: MarkedSpan, said: Said) -> Quote:
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
