"""CoNLL-2003 English NER: entity-level exact match on PER, ORG and LOC.

Reading: one token per line (``word POS chunk NER``; the first column is the
word, the last the tag), a blank line between sentences, ``-DOCSTART-``
lines between documents (wherever they stand: this copy has the first one
at the end of the file). Tags are IOB1: ``I-X`` after ``O`` or after another
type starts an entity, ``B-X`` starts a new entity right after one of the
same type (IOB2 files read the same way). A document's text is its tokens
joined by single spaces, its sentences joined by ``"\\n"``. Given the
benchmark directory, the development file ``eng.testa`` is read; a file
path is read as given. Documents are taken in file order.

Predicting: :func:`khronika.pipeline.analyse_text` on each document's text
(``split=False``); every :class:`~khronika.model.Mention` is a predicted
entity, typed ``PERSON`` → PER, ``ORG`` → ORG, ``GPE``/``LOC``/``FACILITY``
→ LOC, anything else → MISC, and widened to the whole tokens it touches (a
mention that touches no token is dropped). Equal (type, tokens) predictions
count once.

Scoring: an entity is right when type, first and last token are all equal.
The main figures are micro precision, recall and F1 over PER, ORG and LOC
(MISC on either side is left out of them); ``by_type`` gives each of PER,
ORG, LOC and MISC with its gold and predicted counts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.bench._common import Report, first, locate
from khronika.evaluate.metrics import Counts
from khronika.model import Mention
from khronika.pipeline import analyse_text
from khronika.settings import Settings

FORMAT = "conll2003"
#: The development file inside the benchmark directory.
DEV_FILE = "eng.testa"
DOCSTART = "-DOCSTART-"
#: Types of the main figure; MISC is reported apart.
MAIN_TYPES = ("PER", "ORG", "LOC")
TYPES = (*MAIN_TYPES, "MISC")
#: Mention labels to CoNLL types; any other label is MISC.
LABEL_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FACILITY": "LOC"}


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int
    tag: str


@dataclass(frozen=True, slots=True, order=True)
class Entity:
    """An entity as tokens ``first..last`` (inclusive) of its document."""

    type: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class ConllDocument:
    """One document: its text, tokens and gold entities."""

    index: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


def label_type(label: str) -> str:
    """The CoNLL type of a mention label.

    >>> label_type("PERSON"), label_type("GPE"), label_type("WEAPON")
    ('PER', 'LOC', 'MISC')
    """
    return LABEL_TYPES.get(label, "MISC")


def iob1_entities(tags: Sequence[str], offset: int = 0) -> list[Entity]:
    """Entities of one sentence's IOB1 (or IOB2) tags; token numbers start at ``offset``.

    >>> tags = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]
    >>> [(e.type, e.first, e.last) for e in iob1_entities(tags)]
    [('PER', 0, 1), ('PER', 2, 2), ('LOC', 4, 4), ('ORG', 5, 5)]
    """
    entities: list[Entity] = []
    current: str | None = None
    begin = 0
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == current
        if current is not None and not continues:
            entities.append(Entity(current, offset + begin, offset + i - 1))
            current = None
        if prefix in ("B", "I") and kind and not continues:
            current, begin = kind, i
    if current is not None:
        entities.append(Entity(current, offset + begin, offset + len(tags) - 1))
    return entities


def parse_conll(lines: Iterable[str]) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 file given as lines; empty documents are dropped."""
    documents: list[ConllDocument] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []

    def end_sentence() -> None:
        nonlocal sentence
        if sentence:
            sentences.append(sentence)
            sentence = []

    def end_document() -> None:
        nonlocal sentences
        end_sentence()
        if sentences:
            documents.append(_document(len(documents), sentences))
            sentences = []

    for number, line in enumerate(lines, 1):
        columns = line.split()
        if not columns:
            end_sentence()
        elif columns[0] == DOCSTART:
            end_document()
        elif len(columns) < 2:
            raise InputError(f"line {number}: expected a word and an NER tag, got {line!r}")
        else:
            sentence.append((columns[0], columns[-1]))
    end_document()
    return documents


def _document(index: int, sentences: list[list[tuple[str, str]]]) -> ConllDocument:
    tokens: list[Token] = []
    entities: list[Entity] = []
    at = 0
    for number, sentence in enumerate(sentences):
        if number:
            at += 1  # the "\n" between sentences
        entities.extend(iob1_entities([tag for _, tag in sentence], len(tokens)))
        for position, (word, tag) in enumerate(sentence):
            if position:
                at += 1  # the space between tokens
            tokens.append(Token(word, at, at + len(word), tag))
            at += len(word)
    text = "\n".join(" ".join(word for word, _ in sentence) for sentence in sentences)
    return ConllDocument(index, text, tuple(tokens), tuple(entities))


def read_conll(path: Path) -> list[ConllDocument]:
    """Read the documents of a CoNLL-2003 file (or of ``eng.testa`` in a directory)."""
    file = locate(path, DEV_FILE)
    if not file.is_file():
        raise InputError(f"{path}: no {DEV_FILE} here; give the CoNLL-2003 file to read")
    with file.open(encoding="utf-8") as handle:
        return parse_conll(handle)


def snap(document: ConllDocument, start: int, end: int) -> tuple[int, int] | None:
    """The first and last token that characters ``start:end`` touch, or ``None``.

    A span that does not fall on token boundaries is widened to whole tokens.
    """
    starts = [t.start for t in document.tokens]
    ends = [t.end for t in document.tokens]
    begin = bisect_right(ends, start)  # first token ending after start
    last = bisect_left(starts, end) - 1  # last token starting before end
    if begin > last:
        return None
    return begin, last


def predicted_entities(document: ConllDocument, mentions: Iterable[Mention]) -> set[Entity]:
    """Mentions as CoNLL entities on the document's tokens."""
    entities: set[Entity] = set()
    for mention in mentions:
        tokens = snap(document, mention.prov.start, mention.prov.end)
        if tokens is not None:
            entities.add(Entity(label_type(mention.label), *tokens))
    return entities


def predict(document: ConllDocument, settings: Settings) -> list[Mention]:
    """The mentions the pipeline finds in one document (offsets into its text)."""
    analyses = analyse_text(
        document.text, settings=settings, name=f"conll-{document.index}", split=False
    )
    return [mention for analysis in analyses for mention in analysis.mentions]


@dataclass(slots=True)
class _Totals:
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))

    def add(self, gold: set[Entity], predicted: set[Entity]) -> None:
        for kind in TYPES:
            g = {e for e in gold if e.type == kind}
            p = {e for e in predicted if e.type == kind}
            self.gold[kind] += len(g)
            self.predicted[kind] += len(p)
            self.by_type[kind] += Counts(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def score(
    gold: Sequence[ConllDocument], predicted: Sequence[Iterable[Mention]]
) -> dict[str, object]:
    """The ``ner`` section; ``predicted[i]`` are the mentions found in ``gold[i]``."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} predictions")
    totals = _Totals()
    for document, mentions in zip(gold, predicted, strict=True):
        totals.add(set(document.entities), predicted_entities(document, mentions))
    main = Counts()
    for kind in MAIN_TYPES:
        main += totals.by_type[kind]
    by_type = {
        kind: {
            **totals.by_type[kind].prf(),
            "gold": totals.gold[kind],
            "predicted": totals.predicted[kind],
        }
        for kind in TYPES
    }
    return {**main.prf(), "by_type": by_type}


def evaluate(path: Path, settings: Settings, limit: int | None) -> Report:
    """Read, predict and score; ``limit`` keeps the first documents of the file."""
    documents = first(read_conll(path), limit)
    predictions = [predict(document, settings) for document in documents]
    return {"format": FORMAT, "documents": len(documents), "ner": score(documents, predictions)}
