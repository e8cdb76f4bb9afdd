"""Domain names as a registered spaCy component: ``khronika_lexicon``.

The small English model misses or mislabels the names this field lives on:
intelligence services and their departments, poisons, weapons, émigré and
media organisations. ``data/lexicons/entities.tsv`` lists them (with their
other forms and, for ambiguous words such as "umbrella", the words one of
which must occur in the same sentence). The component runs after the
model's NER; a lexicon match wins over an overlapping model entity and
carries the canonical name as its ``ent_id_``, so the alias merger can join
"Committee for State Security" and "KGB".

A second rule makes "<nationality> secret/security/intelligence service"
an organisation ("the Bulgarian secret service").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

LEXICON = "entities.tsv"

_STATE: dict[str, Any] = {"ENT_TYPE": {"IN": ["NORP", "GPE"]}, "OP": "+"}
_POSSESSIVE: dict[str, Any] = {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"}
#: "<nationality or country>('s) <kind of state body>": the Bulgarian secret
#: service, Russia's Defence Ministry, the Ukrainian Air Force, Austrian police.
SERVICE_PATTERNS: list[list[dict[str, Any]]] = [
    [
        _STATE,
        _POSSESSIVE,
        {"LOWER": {"IN": ["secret", "security", "intelligence", "state"]}},
        {"LOWER": {"IN": ["service", "services", "police"]}},
    ],
    [
        _STATE,
        _POSSESSIVE,
        {"LOWER": {"IN": ["foreign", "interior", "defence", "defense", "justice", "emergencies"]}},
        {"LOWER": {"IN": ["ministry", "ministries"]}},
    ],
    [
        _STATE,
        _POSSESSIVE,
        {"LOWER": {"IN": ["air", "armed"]}},
        {"LOWER": {"IN": ["force", "forces"]}},
    ],
    [_STATE, _POSSESSIVE, {"LOWER": {"IN": ["police", "army", "navy", "military", "government"]}}],
    [_STATE, _POSSESSIVE, {"LOWER": "border"}, {"LOWER": {"IN": ["guard", "guards", "service"]}}],
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: a name, its forms, and context words if it is ambiguous."""

    label: str
    canonical: str
    forms: tuple[str, ...]
    context: frozenset[str]


def _lines(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def load_lexicon(name: str = LEXICON) -> tuple[Entry, ...]:
    """The entries of a lexicon file shipped in ``khronika/data/lexicons``."""
    text = (files("khronika") / "data" / "lexicons" / name).read_text(encoding="utf-8")
    entries = []
    for cells in _lines(text):
        cells += [""] * (4 - len(cells))
        label, canonical, others, context = (c.strip() for c in cells[:4])
        forms = (canonical, *(f.strip() for f in others.split("|") if f.strip()))
        words = frozenset(w.strip().lower() for w in context.split("|") if w.strip())
        entries.append(Entry(label, canonical, forms, words))
    return tuple(entries)


def _exact(form: str) -> bool:
    """Forms with capitals or digits match exactly; lower-case forms ignore case."""
    return any(c.isupper() or c.isdigit() for c in form)


class LexiconTagger:
    """Adds lexicon entities to ``doc.ents``, preferring them over the model's."""

    def __init__(self, nlp: Language, entries: tuple[Entry, ...]) -> None:
        self.entries = {entry.canonical: entry for entry in entries}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in entries:
            exact = [nlp.make_doc(f) for f in entry.forms if _exact(f)]
            folded = [nlp.make_doc(f) for f in entry.forms if not _exact(f)]
            if exact:
                self.exact.add(entry.canonical, exact)
            if folded:
                self.folded.add(entry.canonical, folded)
        self.services = Matcher(nlp.vocab)
        self.services.add("SERVICE", SERVICE_PATTERNS)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in [*self.exact(doc), *self.folded(doc)]:
            entry = self.entries[doc.vocab.strings[match_id]]
            span = doc[start:end]
            if entry.context and not _has_context(span, entry.context):
                continue
            found.append(Span(doc, start, end, label=entry.label, span_id=entry.canonical))
        for _, start, end in self.services(doc):
            found.append(Span(doc, start, end, label="ORG"))
        if not found:
            return doc
        mine = filter_spans(found)
        taken = {i for span in mine for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans([*kept, *mine])
        return doc


def _has_context(span: Span, words: frozenset[str]) -> bool:
    return any(
        token.lower_ in words for token in span.sent if token.i not in range(span.start, span.end)
    )


@Language.factory("khronika_lexicon")
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    """spaCy factory: ``nlp.add_pipe("khronika_lexicon", after="ner")``."""
    del name
    return LexiconTagger(nlp, load_lexicon())
