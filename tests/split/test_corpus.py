"""The development corpus in ../shared: the gold "articles" section is met exactly.

The article text is read from the shared corpus at test time and never
copied into the project; the test skips when the corpus is not beside the
repository.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from khronika.model import RawDocument, SourceFile
from khronika.split import split_document

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
NAME = "000_82734ca9836d02a1.txt"
ARTICLE = CORPUS / "articles" / NAME
GOLD = CORPUS / "gold" / f"{NAME}.gold.json"

pytestmark = pytest.mark.skipif(
    not (ARTICLE.is_file() and GOLD.is_file()),
    reason=f"shared development corpus not found at {CORPUS} (it lives beside the repository)",
)


def test_gold_articles_are_met() -> None:
    data = ARTICLE.read_bytes()
    text = data.decode("utf-8")
    source = SourceFile(
        id="s_corpus",
        path=str(ARTICLE),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        format="txt",
        encoding="utf-8",
    )
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    articles = split_document(RawDocument(index=0, locator=NAME, text=text), source)

    assert len(articles) == len(gold)
    for article, expected in zip(articles, gold, strict=True):
        assert article.title == expected["title"]
        assert text[article.body_start :].startswith(expected["starts_with"])
        assert article.body.startswith(expected["starts_with"])
        assert article.published == expected["published"]
        assert article.byline == expected["byline"]
        assert article.start <= text.index(expected["starts_with"]) < article.end
        assert len(article.text) == article.end - article.start
        assert expected["title"] not in article.body
        assert article.language == "en"
