"""PolNeAR (brat stand-off attribution relations): direct quotes and their speakers.

Reading: ``text/<article>.txt`` is the article (title on line 1) and
``attributions/<article>_<annotator>.ann`` its brat annotation, with
character offsets into the text. An article with several annotators' files
is read from the one whose annotator suffix sorts first. A relation is an
``E`` line (``Attribution`` or ``Attribution-no-source``) whose roles name
``T`` spans: its content is ``Content`` plus ``Content2`` (discontinuous
content), each of which may itself be several brat fragments
(``start end;start end``); ``Source`` is the speaker as written ("He",
"Spokeswoman Haley Morris"), absent from ``Attribution-no-source``. Given
the benchmark directory, the ``dev`` split is read; a split folder works
too. Articles are taken in sorted order of their names.

Gold are the direct quotes: relations whose content text contains a double
quotation mark (``"``, ``“`` or ``”``).

Predicting: :func:`khronika.pipeline.analyse_text` on the whole text
(``split=False``), with the date in the file name as publication date; the
predictions are the :class:`~khronika.model.Quote` records, and the
:class:`~khronika.model.Mention` records are kept to check speakers.

Scoring, micro-averaged over articles:

- content: predicted quotes and gold contents are paired one-to-one by
  character overlap, largest overlap first; a pair is a true positive, an
  unpaired prediction a false positive, an unpaired gold content a false
  negative (precision, recall, F1).
- speaker accuracy, over the pairs whose gold relation has a ``Source``:
  the pair is right when (a) the predicted quote's ``speaker_id`` is the
  ``entity_id`` of a Mention of the same article that overlaps the gold
  Source span, or (b) the predicted ``speaker`` name, normalised with
  :func:`khronika.names.normalise_name`, and the folded gold Source
  text share a word of three or more letters that is not a title
  (:data:`khronika.names.TITLES`), a pronoun or a stopword
  (:data:`NOT_NAMES`, which includes generic sources such as "campaign",
  "officials"). A pair with no predicted speaker is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.bench._common import (
    Fragments,
    Report,
    first,
    fragments,
    locate,
    match_by_overlap,
    overlap,
)
from khronika.evaluate.metrics import Accuracy, Counts
from khronika.model import ArticleAnalysis, Mention, Quote
from khronika.names import TITLES, fold, normalise_name
from khronika.pipeline import analyse_text
from khronika.settings import Settings

FORMAT = "polnear"
#: The development split inside the benchmark directory.
DEV_SPLIT = "dev"
#: A content holding one of these is a direct quote.
DOUBLE_QUOTES = frozenset('"“”')


def _words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


_PRONOUNS = _words(
    """
    he him his himself she her hers herself they them their theirs themselves
    it its itself we us our ours ourselves you your yours yourself who whom whose
    one someone somebody everyone everybody anyone anybody nobody
    """
)
_STOPWORDS = _words(
    """
    the and for but nor not with from into onto upon about after before over under
    this that these those which what other others another both each some many most
    all any few several such own same than then also just only very more less
    said says told tells according
    source sources official officials spokesman spokeswoman spokesperson aide aides
    adviser advisers advisor advisors staff staffer staffers team campaign office
    statement report reports people person group member members representative
    representatives
    """
)
#: Words that never make two speaker names the same (besides the titles).
NOT_NAMES = _PRONOUNS | _STOPWORDS | TITLES

_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[^_]+)\.ann$")
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution relation, spans as fragments into the article text."""

    id: str
    label: str
    content: Fragments
    content_text: str
    source: Fragments | None
    source_text: str | None

    @property
    def direct(self) -> bool:
        """Whether the content holds a double quotation mark."""
        return any(mark in self.content_text for mark in DOUBLE_QUOTES)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """One article with the attributions of one annotator."""

    name: str
    annotator: str
    text: str
    published: str | None
    attributions: tuple[Attribution, ...]

    @property
    def direct_quotes(self) -> tuple[Attribution, ...]:
        return tuple(a for a in self.attributions if a.direct)


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the pipeline found in one article: its quotes and its mentions."""

    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @classmethod
    def from_analyses(cls, analyses: Iterable[ArticleAnalysis]) -> Predicted:
        analyses = list(analyses)
        return cls(
            quotes=tuple(q for a in analyses for q in a.quotes),
            mentions=tuple(m for a in analyses for m in a.mentions),
        )


def _fragments(field: str, where: str) -> Fragments:
    try:
        pieces = tuple(tuple(int(n) for n in piece.split()) for piece in field.split(";"))
    except ValueError as err:
        raise InputError(f"{where}: bad brat offsets {field!r}") from err
    if not all(len(p) == 2 and p[0] <= p[1] for p in pieces):
        raise InputError(f"{where}: bad brat offsets {field!r}")
    return tuple((p[0], p[1]) for p in pieces)


def parse_ann(ann: str, text: str, name: str = "<ann>") -> tuple[Attribution, ...]:
    """The attribution relations of one brat file over ``text``.

    Span texts are taken from ``text`` (fragments joined by a space, as brat
    writes them), so they always agree with the offsets.
    """
    spans: dict[str, Fragments] = {}
    relations: list[tuple[str, str, dict[str, list[str]]]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        where = f"{name}:{number}"
        if line.startswith("T"):
            fields = line.split("\t")
            if len(fields) < 2 or " " not in fields[1]:
                raise InputError(f"{where}: expected 'T<n> <label> <start> <end>'")
            _, offsets = fields[1].split(" ", 1)
            found = _fragments(offsets, where)
            if any(end > len(text) for _, end in found):
                raise InputError(f"{where}: offsets beyond the end of the text")
            spans[fields[0]] = found
        elif line.startswith("E"):
            fields = line.split("\t")
            if len(fields) < 2 or not fields[1].strip():
                raise InputError(f"{where}: expected 'E<n> <label>:<T> <role>:<T> ...'")
            trigger, *arguments = fields[1].split()
            roles: dict[str, list[str]] = {}
            for argument in arguments:
                role, _, target = argument.partition(":")
                roles.setdefault(role, []).append(target)
            relations.append((fields[0], trigger.partition(":")[0], roles))

    def span(target: str, where: str) -> Fragments:
        if target not in spans:
            raise InputError(f"{name}: {where} names {target}, which is not defined")
        return spans[target]

    attributions: list[Attribution] = []
    for rid, label, roles in relations:
        content = tuple(
            piece
            for role in ("Content", "Content2")
            for target in roles.get(role, [])
            for piece in span(target, rid)
        )
        if not content:
            continue
        sources = roles.get("Source", [])
        source = tuple(p for t in sources for p in span(t, rid)) or None
        attributions.append(
            Attribution(
                id=rid,
                label=label,
                content=content,
                content_text=_text(text, content),
                source=source,
                source_text=None if source is None else _text(text, source),
            )
        )
    return tuple(attributions)


def _text(text: str, span: Fragments) -> str:
    return " ".join(text[start:end] for start, end in span)


def article_files(path: Path) -> list[tuple[str, Path, Path, str]]:
    """``(name, text file, ann file, annotator)`` per article, sorted by name.

    Of several annotators' files for one article the lowest-sorted suffix is
    taken; articles without an annotation file are left out.
    """
    split = locate(path, DEV_SPLIT)
    texts, anns = split / "text", split / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise InputError(f"{path}: expected text/ and attributions/ (a PolNeAR split)")
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted(anns.glob("*.ann")):
        match = _ANN_NAME.match(ann.name)
        if match is None:
            continue
        article, annotator = match.group("article"), match.group("annotator")
        if article not in chosen or annotator < chosen[article][0]:
            chosen[article] = (annotator, ann)
    found = [
        (article, texts / f"{article}.txt", ann, annotator)
        for article, (annotator, ann) in chosen.items()
        if (texts / f"{article}.txt").is_file()
    ]
    if not found:
        raise InputError(f"{path}: no article has both a text and an annotation file")
    return sorted(found)


def read_article(name: str, text_file: Path, ann_file: Path, annotator: str) -> PolnearArticle:
    """Read one article and its annotation (offsets are into the text as stored)."""
    with text_file.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    ann = ann_file.read_text(encoding="utf-8")
    date = _DATE.search(f"_{name}_")
    return PolnearArticle(
        name=name,
        annotator=annotator,
        text=text,
        published=date.group(1) if date else None,
        attributions=parse_ann(ann, text, ann_file.name),
    )


def read_split(path: Path) -> list[PolnearArticle]:
    """Every article of a split (``dev`` when given the benchmark directory)."""
    return [read_article(*files) for files in article_files(path)]


def predict(article: PolnearArticle, settings: Settings) -> Predicted:
    """The quotes and mentions the pipeline finds in one article."""
    analyses = analyse_text(
        article.text,
        published=article.published,
        settings=settings,
        name=article.name,
        split=False,
    )
    return Predicted.from_analyses(analyses)


def name_words(name: str) -> set[str]:
    """The words of a name that can identify someone (3+ letters, not in NOT_NAMES).

    >>> sorted(name_words("Spokeswoman Haley Morris")), sorted(name_words("his campaign"))
    (['haley', 'morris'], [])
    """
    return {w for w in fold(name).split() if len(w) >= 3 and w.isalpha() and w not in NOT_NAMES}


def speaker_right(
    quote: Quote, source: Fragments, source_text: str, mentions: Sequence[Mention]
) -> bool:
    """The speaker rule of the module docstring, for one matched pair."""
    if quote.speaker_id is not None:
        for mention in mentions:
            if (
                mention.entity_id == quote.speaker_id
                and mention.prov.article_id == quote.prov.article_id
                and overlap(fragments(mention), source) > 0
            ):
                return True
    if quote.speaker is None:
        return False
    return bool(name_words(normalise_name(quote.speaker)) & name_words(source_text))


def score(
    gold: Sequence[PolnearArticle], predicted: Sequence[Predicted]
) -> dict[str, float | None]:
    """The ``quotes`` section; ``predicted[i]`` is what was found in ``gold[i]``."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold articles but {len(predicted)} predictions")
    content = Counts()
    speaker = Accuracy()
    for article, found in zip(gold, predicted, strict=True):
        quotes = article.direct_quotes
        pairs = match_by_overlap([q.content for q in quotes], [fragments(q) for q in found.quotes])
        content += Counts(
            tp=len(pairs), fp=len(found.quotes) - len(pairs), fn=len(quotes) - len(pairs)
        )
        for g, p in pairs:
            relation = quotes[g]
            if relation.source is None or relation.source_text is None:
                continue
            speaker.add(
                speaker_right(
                    found.quotes[p], relation.source, relation.source_text, found.mentions
                )
            )
    return {**content.prf(), "speaker_accuracy": speaker.value}


def evaluate(path: Path, settings: Settings, limit: int | None) -> Report:
    """Read, predict and score; ``limit`` keeps the first articles in sorted order."""
    articles = [read_article(*files) for files in first(article_files(path), limit)]
    predictions = [predict(article, settings) for article in articles]
    return {"format": FORMAT, "documents": len(articles), "quotes": score(articles, predictions)}
