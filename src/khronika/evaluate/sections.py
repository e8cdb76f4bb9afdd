"""Scoring of articles, entities, quotes and times for one gold file.

Each function adds to running totals, so that figures over several files are
micro-averaged; the rules are those of ``ANNOTATION.md`` ("Scoring").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from khronika.evaluate.align import Span, locate_in_order, squash, unquote
from khronika.evaluate.gold import GoldArticle, GoldQuote, GoldTime
from khronika.evaluate.metrics import Accuracy, Counts, ratio
from khronika.evaluate.names import GoldName, NameResolver, normalise_name
from khronika.model import ArticleAnalysis, Entity, Quote, TimeExpression


@dataclass(slots=True)
class ArticleTotals:
    gold: int = 0
    predicted: int = 0
    right: int = 0
    title: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)

    def report(self) -> dict[str, float | None]:
        return {
            "split_accuracy": ratio(self.right, max(self.gold, self.predicted)),
            "title_accuracy": self.title.value,
            "date_accuracy": self.date.value,
        }


def score_articles(
    gold: Sequence[GoldArticle],
    predicted: Sequence[ArticleAnalysis],
    mapping: dict[str, int | None],
    totals: ArticleTotals,
) -> None:
    """Split, title and date accuracy; ``mapping`` comes from ``map_articles``."""
    totals.gold += len(gold)
    totals.predicted += len(predicted)
    for article in gold:
        index = mapping[article.id]
        if index is None:
            continue
        body = squash(predicted[index].article.text)
        others = [squash(o.starts_with) for o in gold if o.id != article.id]
        if any(other in body for other in others):
            continue
        totals.right += 1
        got = predicted[index].article
        totals.title.add(_same_text(got.title, article.title))
        totals.date.add(got.published == article.published)


def _same_text(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return squash(a).casefold() == squash(b).casefold()


@dataclass(slots=True)
class EntityTotals:
    links: Counts = field(default_factory=Counts)
    found: Accuracy = field(default_factory=Accuracy)

    def report(self) -> dict[str, float | None]:
        return {**self.links.prf(), "found": self.found.value}


def score_entities(
    gold: Sequence[GoldName], predicted: Sequence[Entity], totals: EntityTotals
) -> None:
    """Pairwise alias links over the gold surface forms the system found."""
    gold_sets = [{normalise_name(f) for f in e.forms} for e in gold]
    predicted_sets = [{normalise_name(f) for f in (e.name, *e.aliases)} for e in predicted]
    known = set().union(*predicted_sets) if predicted_sets else set()
    for forms in gold_sets:
        totals.found.add(bool(forms & known))
    found = sorted(set().union(*gold_sets) & known) if gold_sets else []
    for a, b in combinations(found, 2):
        gold_linked = any(a in s and b in s for s in gold_sets)
        predicted_linked = any(a in s and b in s for s in predicted_sets)
        if gold_linked and predicted_linked:
            totals.links.tp += 1
        elif predicted_linked:
            totals.links.fp += 1
        elif gold_linked:
            totals.links.fn += 1


@dataclass(slots=True)
class QuoteTotals:
    found: Counts = field(default_factory=Counts)
    correct: Accuracy = field(default_factory=Accuracy)
    speaker: Accuracy = field(default_factory=Accuracy)

    def report(self) -> dict[str, float | None]:
        recall = ratio(self.found.tp, self.found.tp + self.found.fn)
        precision = self.correct.value
        f1 = None
        if precision is not None and recall is not None:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        elif recall is not None:
            f1 = 0.0  # nothing predicted, something to find
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speaker_accuracy": self.speaker.value,
        }


def score_quotes(
    gold: Sequence[GoldQuote],
    predicted: Sequence[Quote],
    resolver: NameResolver,
    totals: QuoteTotals,
) -> None:
    """Containment of gold starts in predicted quotes, for one article."""
    texts = [unquote(q.text) for q in predicted]
    starts = [unquote(q.starts_with) for q in gold]
    for quote, start in zip(gold, starts, strict=True):
        holder = next((i for i, t in enumerate(texts) if start in t), None)
        if quote.optional:
            continue
        if holder is None:
            totals.found.fn += 1
            continue
        totals.found.tp += 1
        if quote.speaker is not None:
            said = predicted[holder].speaker
            totals.speaker.add(said is not None and resolver.same(said, quote.speaker))
    for text in texts:
        totals.correct.add(any(start in text for start in starts))


@dataclass(slots=True)
class TimeTotals:
    extent: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    accuracy: Accuracy = field(default_factory=Accuracy)

    def report(self) -> dict[str, float | None]:
        return {
            "extent_precision": self.extent.precision,
            "extent_recall": self.extent.recall,
            "extent_f1": self.extent.f1,
            "value_accuracy": self.accuracy.value,
            "value_f1": self.value.f1,
        }


def score_times(
    gold: Sequence[GoldTime],
    predicted: Sequence[TimeExpression],
    texts: Sequence[str],
    totals: TimeTotals,
) -> None:
    """Score times of one file whose gold gives only the text of each expression."""
    located = locate_in_order([t.text for t in gold], texts)
    score_time_spans(list(zip(located, gold, strict=True)), predicted, totals)


def score_time_spans(
    gold: Sequence[tuple[Span | None, GoldTime]],
    predicted: Sequence[TimeExpression],
    totals: TimeTotals,
) -> None:
    """Relaxed (overlap) extent match, one-to-one, non-optional gold first.

    Value accuracy over matched non-optional expressions; value F1 counts a
    prediction right when its extent matched and its value is equal
    (TempEval-3's attribute F1).
    """
    spans = [Span(t.prov.document, t.prov.start, t.prov.end) for t in predicted]
    pairs = sorted(
        (time.optional, -where.overlaps(span), g, p)
        for g, (where, time) in enumerate(gold)
        if where is not None
        for p, span in enumerate(spans)
        if where.overlaps(span) > 0
    )
    matched: dict[int, int] = {}  # gold index -> predicted index, best pairs first
    taken: set[int] = set()
    for _, _, g, p in pairs:
        if g not in matched and p not in taken:
            matched[g] = p
            taken.add(p)
    correct_values = 0
    scored_predictions = len(predicted)
    for g, (_, time) in enumerate(gold):
        if g not in matched:
            totals.extent.fn += 0 if time.optional else 1
            continue
        if time.optional:
            scored_predictions -= 1
            continue
        totals.extent.tp += 1
        right = predicted[matched[g]].value == time.value
        totals.accuracy.add(right)
        correct_values += int(right)
    totals.extent.fp += len(spans) - len(taken)
    mandatory = sum(1 for _, t in gold if not t.optional)
    totals.value += Counts(
        tp=correct_values,
        fp=scored_predictions - correct_values,
        fn=mandatory - correct_values,
    )
