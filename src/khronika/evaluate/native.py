"""Scoring pipeline output against khronika-gold/1 files (the ``native`` format)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from khronika.evaluate.align import map_articles
from khronika.evaluate.events import EventTotals, PredictedLinks, score_events, score_links
from khronika.evaluate.gold import GoldFile, GoldLinks
from khronika.evaluate.names import NameResolver
from khronika.evaluate.sections import (
    ArticleTotals,
    EntityTotals,
    QuoteTotals,
    TimeTotals,
    score_articles,
    score_entities,
    score_quotes,
    score_times,
)
from khronika.model import ArticleAnalysis


@dataclass(frozen=True, slots=True)
class PredictedDocument:
    """What the pipeline made of one source file.

    ``texts`` are its documents as read (gold quotes text; predictions carry
    offsets into these), ``analyses`` its articles in order.
    """

    name: str
    texts: tuple[str, ...]
    analyses: tuple[ArticleAnalysis, ...]


@dataclass(frozen=True, slots=True)
class RawLinks:
    """Cross-document predictions in the pipeline's own ids."""

    duplicates: tuple[tuple[str, str], ...] = ()
    same_event: tuple[tuple[str, str], ...] = ()
    contradictions: tuple[tuple[str, str, str], ...] = ()


@dataclass(slots=True)
class _Totals:
    articles: ArticleTotals = field(default_factory=ArticleTotals)
    entities: EntityTotals = field(default_factory=EntityTotals)
    quotes: QuoteTotals = field(default_factory=QuoteTotals)
    times: TimeTotals = field(default_factory=TimeTotals)
    events: EventTotals = field(default_factory=EventTotals)
    sections: set[str] = field(default_factory=set)
    # pipeline id -> gold id ("file#a1", "file#e3"), for link scoring
    gold_ids: dict[str, str] = field(default_factory=dict)


def score_native(
    gold_files: Sequence[GoldFile],
    documents: Sequence[PredictedDocument],
    links: GoldLinks | None = None,
    predicted_links: RawLinks | None = None,
) -> dict[str, object]:
    """The report object of ``ANNOTATION.md`` ("What the evaluation command prints")."""
    by_name = {d.name: d for d in documents}
    totals = _Totals()
    for gold in gold_files:
        document = by_name.get(gold.document) or PredictedDocument(gold.document, (), ())
        _score_file(gold, document, totals)
    report: dict[str, object] = {"format": "khronika-gold/1", "documents": len(gold_files)}
    for section in ("articles", "entities", "quotes", "times", "events"):
        if section in totals.sections:
            report[section] = getattr(totals, section).report()
    if links is not None:
        raw = predicted_links or RawLinks()

        def gold_id(pid: str) -> str:
            return totals.gold_ids.get(pid, pid)

        mapped = PredictedLinks(
            duplicates=tuple((gold_id(a), gold_id(b)) for a, b in raw.duplicates),
            same_event=tuple((gold_id(a), gold_id(b)) for a, b in raw.same_event),
            contradictions=tuple((gold_id(a), gold_id(b), f) for a, b, f in raw.contradictions),
        )
        report["links"] = score_links(links, mapped)
    return report


def _score_file(gold: GoldFile, document: PredictedDocument, totals: _Totals) -> None:
    predicted = document.analyses
    resolver = NameResolver(gold.entities or ())
    mapping = _article_mapping(gold, predicted)
    for gold_id, index in mapping.items():
        if index is not None:
            totals.gold_ids.setdefault(predicted[index].article.id, f"{gold.document}#{gold_id}")
    if gold.articles is not None:
        totals.sections.add("articles")
        score_articles(gold.articles, predicted, mapping, totals.articles)
    if gold.entities is not None:
        totals.sections.add("entities")
        entities = [e for a in predicted for e in a.entities]
        score_entities(gold.entities, entities, totals.entities)
    if gold.times is not None:
        totals.sections.add("times")
        times = [t for a in predicted for t in a.times]
        score_times(gold.times, times, document.texts, totals.times)
    units = _units(gold, mapping, len(predicted))
    if gold.quotes is not None:
        totals.sections.add("quotes")
        for aids, index in units:
            quotes = predicted[index].quotes if index is not None else ()
            gold_quotes = [q for q in gold.quotes if q.article in aids]
            score_quotes(gold_quotes, quotes, resolver, totals.quotes)
    if gold.events is not None:
        totals.sections.add("events")
        for aids, index in units:
            events = predicted[index].events if index is not None else ()
            gold_events = [e for e in gold.events if e.article in aids]
            matched = score_events(gold_events, events, resolver, document.texts, totals.events)
            for p, g in matched.items():
                totals.gold_ids[events[p].id] = f"{gold.document}#{gold_events[g].id}"


def _article_mapping(gold: GoldFile, predicted: Sequence[ArticleAnalysis]) -> dict[str, int | None]:
    """Gold article id -> predicted article index.

    Without an articles section, ``aN`` is taken to be the N-th predicted
    article (a single-story file needs no articles section).
    """
    if gold.articles is not None:
        return map_articles(gold.articles, predicted)
    ids = _named_articles(gold)
    mapping: dict[str, int | None] = {}
    for aid in sorted(ids):
        n = int(aid[1:]) - 1 if aid[1:].isdigit() else -1
        mapping[aid] = n if 0 <= n < len(predicted) else None
    return mapping


def _named_articles(gold: GoldFile) -> set[str]:
    """The article ids that gold events and quotes name."""
    return {e.article for e in gold.events or ()} | {q.article for q in gold.quotes or ()}


def _units(
    gold: GoldFile, mapping: dict[str, int | None], predicted: int
) -> list[tuple[frozenset[str], int | None]]:
    """The units quotes and events are scored in: (gold article ids, predicted index).

    Gold articles that no predicted article holds are scored against no
    predictions (their gold is missed); predicted articles that hold no gold
    article are scored against no gold (their predictions are false
    positives); a predicted article holding several gold articles is scored
    once against all of them.
    """
    named = _named_articles(gold)
    by_index: dict[int | None, set[str]] = {}
    for aid in sorted(named | set(mapping)):
        index = mapping.get(aid)
        if index is None:
            by_index.setdefault(None, set())
            by_index[None].add(aid)
        else:
            by_index.setdefault(index, set()).add(aid)
    units = [(frozenset(ids), index) for index, ids in by_index.items()]
    units.extend((frozenset(), i) for i in range(predicted) if i not in by_index)
    return units
