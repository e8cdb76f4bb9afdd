"""The per-article pipeline, visible in one place.

Data flows one way: read (``khronika.read``) → split and clean
(``khronika.split``) → parse with spaCy (``khronika.nlp``) → extract
(``khronika.extract``) for each article. Everything here is a pure
function of one source file: no global state, the same output for the same
input, so partitions of a corpus can be analysed anywhere and merged. Work
that looks across articles is a separate stage after this one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace

from khronika.extract.entities import extract_entities
from khronika.extract.events import extract_events
from khronika.extract.places import extract_places
from khronika.extract.quotes import extract_quotes
from khronika.extract.times import extract_times
from khronika.model import (
    Article,
    ArticleAnalysis,
    DocumentHints,
    Provenance,
    RawDocument,
    SourceFile,
    make_id,
)
from khronika.nlp import load_nlp, parse
from khronika.read import read_source
from khronika.settings import Settings
from khronika.split import split_document


def analyse_article(analysis: ArticleAnalysis, settings: Settings) -> ArticleAnalysis:
    """Extract facts from one article: parse it, then run each extractor in turn.

    Extractors to come (quotes, times, places, events) take their place in
    this list, each a pure function of the article and its parse.
    """
    article = analysis.article
    nlp = load_nlp(settings.spacy_model)
    header = article.body_start - article.start
    parsed = list(parse(nlp, article.text, settings.nlp_batch_size, cuts=(header,)))
    entities, mentions = extract_entities(article, parsed)
    quotes = extract_quotes(article, parsed, entities, mentions)
    times = extract_times(article, parsed)
    places = extract_places(article, parsed, entities, mentions)
    events = extract_events(article, parsed, entities, mentions, quotes, times, places)
    return replace(
        analysis,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        times=times,
        places=places,
        events=events,
    )


def analyse_document(
    doc: RawDocument, source: SourceFile, settings: Settings
) -> list[ArticleAnalysis]:
    """Split one document into articles and analyse each."""
    return [
        analyse_article(ArticleAnalysis(article=article), settings)
        for article in split_document(doc, source)
    ]


def analyse_source(path: str, settings: Settings) -> Iterator[list[ArticleAnalysis]]:
    """Read one file and yield the analyses of each of its documents in turn."""
    from pathlib import Path

    read = read_source(Path(path), settings)
    for doc in read.documents:
        yield analyse_document(doc, read.source, settings)


def analyse_text(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
    name: str = "<text>",
    split: bool = True,
) -> list[ArticleAnalysis]:
    """Analyse a text given directly (a notebook, a script, a benchmark).

    ``published`` (an ISO date prefix) is the document creation time that
    relative dates are resolved against when the text does not print one.
    With ``split=False`` the whole text is one article body, untouched: no
    story splitting, no header or furniture removal (benchmark texts).
    All offsets in the result are offsets into ``text``.
    """
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    source = SourceFile(
        id=make_id("s", sha), path=name, sha256=sha, size=len(data), format="txt", encoding="utf-8"
    )
    doc = RawDocument(
        index=0, locator="", text=text, hints=DocumentHints(title=title, published=published)
    )
    settings = settings or Settings()
    if split:
        return analyse_document(doc, source, settings)
    article = Article(
        id=make_id("a", sha, 0, 0, len(text)),
        prov=Provenance(name, sha, 0, None, 0, len(text)),
        body_start=0,
        text=text,
        title=title,
        byline=None,
        published=published,
        dateline=None,
        language=None,
        url=None,
    )
    article = replace(article, prov=replace(article.prov, article_id=article.id))
    return [analyse_article(ArticleAnalysis(article=article), settings)]
