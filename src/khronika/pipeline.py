"""The per-article pipeline, visible in one place.

Data flows one way: read (``khronika.read``) → split and clean
(``khronika.split``) → analyse each article. Everything here is a pure
function of one source file: no global state, the same output for the same
input, so partitions of a corpus can be analysed anywhere and merged. Work
that looks across articles is a separate stage after this one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from khronika.model import (
    ArticleAnalysis,
    DocumentHints,
    RawDocument,
    SourceFile,
    make_id,
)
from khronika.read import read_source
from khronika.settings import Settings
from khronika.split import split_document

# The stages, in order; a test checks this list against the code below.
STAGES = ("read", "split", "analyse")


def analyse_article(article_analysis: ArticleAnalysis, settings: Settings) -> ArticleAnalysis:
    """Extract facts from one article (entities, quotes, times, events).

    The extractors arrive with later issues; until then an article is its
    own analysis.
    """
    del settings  # used by the extractors to come
    return article_analysis


def analyse_document(doc: RawDocument, source: SourceFile, settings: Settings) -> list[ArticleAnalysis]:
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
) -> list[ArticleAnalysis]:
    """Analyse a text given directly (a notebook, a script).

    ``published`` (an ISO date prefix) is the document creation time that
    relative dates are resolved against when the text does not print one.
    """
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    source = SourceFile(
        id=make_id("s", sha), path=name, sha256=sha, size=len(data), format="txt", encoding="utf-8"
    )
    doc = RawDocument(
        index=0, locator="", text=text, hints=DocumentHints(title=title, published=published)
    )
    return analyse_document(doc, source, settings or Settings())
