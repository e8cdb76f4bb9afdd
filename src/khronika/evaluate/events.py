"""Scoring of events (one-to-one matching, field accuracies) and of links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from khronika.evaluate.align import Span, occurrences
from khronika.evaluate.gold import GoldEvent, GoldLinks
from khronika.evaluate.metrics import Accuracy, Counts
from khronika.evaluate.names import NameResolver
from khronika.model import Event

FIELDS = (
    "date",
    "date_year",
    "location",
    "country",
    "actors",
    "instrument",
    "mode",
    "outcome",
    "status",
)


@dataclass(slots=True)
class EventTotals:
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    gold_by_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted_by_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fields: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in FIELDS})

    def report(self) -> dict[str, object]:
        types = sorted(set(self.gold_by_type) | set(self.predicted_by_type))
        return {
            **self.overall.prf(),
            "by_type": {
                t: {
                    **self.by_type[t].prf(),
                    "gold": self.gold_by_type[t],
                    "predicted": self.predicted_by_type[t],
                }
                for t in types
            },
            "fields": {f: self.fields[f].value for f in FIELDS},
        }


def _evidence_overlap(gold: GoldEvent, predicted: Event, texts: Sequence[str]) -> int:
    mine = Span(predicted.prov.document, predicted.prov.start, predicted.prov.end)
    return max((mine.overlaps(s) for s in occurrences(gold.evidence, texts)), default=0)


def _candidate(
    gold: GoldEvent, predicted: Event, resolver: NameResolver, texts: Sequence[str]
) -> tuple[int, int] | None:
    """How well a pair matches (higher is better), or ``None`` if it may not match."""
    if gold.type != predicted.type.upper():
        return None
    overlap = _evidence_overlap(gold, predicted, texts)
    if gold.recipients:
        gold_names = {resolver.resolve(r) for r in gold.recipients}
        shared = len(gold_names & {resolver.resolve(r) for r in predicted.recipients})
        return (shared, overlap) if shared else None
    return (0, overlap) if overlap else None


def match_events(
    gold: Sequence[GoldEvent],
    predicted: Sequence[Event],
    resolver: NameResolver,
    texts: Sequence[str],
) -> dict[int, int]:
    """One-to-one matching, best pairs first, non-optional gold before optional.

    Returns predicted index -> gold index.
    """
    pairs = []
    for g, gold_event in enumerate(gold):
        for p, event in enumerate(predicted):
            score = _candidate(gold_event, event, resolver, texts)
            if score is not None:
                pairs.append((gold_event.optional, -score[0], -score[1], g, p))
    pairs.sort()
    matched: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, _, _, g, p in pairs:
        if g not in used_gold and p not in matched:
            matched[p] = g
            used_gold.add(g)
    return matched


def score_events(
    gold: Sequence[GoldEvent],
    predicted: Sequence[Event],
    resolver: NameResolver,
    texts: Sequence[str],
    totals: EventTotals,
) -> dict[int, int]:
    """Score one article's events; returns the matching for link scoring."""
    matched = match_events(gold, predicted, resolver, texts)
    gold_matched = {g: p for p, g in matched.items()}
    for event in predicted:
        totals.predicted_by_type[event.type.upper()] += 1
    for g, gold_event in enumerate(gold):
        if gold_event.optional:
            continue
        totals.gold_by_type[gold_event.type] += 1
        if g in gold_matched:
            totals.overall.tp += 1
            totals.by_type[gold_event.type].tp += 1
            _score_fields(gold_event, predicted[gold_matched[g]], resolver, totals.fields)
        else:
            totals.overall.fn += 1
            totals.by_type[gold_event.type].fn += 1
    for p, event in enumerate(predicted):
        if p not in matched:
            totals.overall.fp += 1
            totals.by_type[event.type.upper()].fp += 1
    return matched


def date_matches(predicted: str | None, gold: str) -> bool:
    """The prediction, cut to the gold's precision, equals it; less precise is wrong."""
    return predicted is not None and len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def _score_fields(
    gold: GoldEvent, got: Event, resolver: NameResolver, fields: dict[str, Accuracy]
) -> None:
    def any_resolves(mine: Iterable[str], theirs: Iterable[str]) -> bool:
        wanted = {resolver.resolve(n) for n in theirs}
        return any(resolver.resolve(n) in wanted for n in mine)

    checks: dict[str, tuple[bool, Callable[[], bool]]] = {
        "date": (gold.date is not None, lambda: date_matches(got.date, gold.date or "")),
        "date_year": (
            gold.date is not None and len(gold.date) >= 4,
            lambda: got.date is not None and got.date[:4] == (gold.date or "")[:4],
        ),
        "location": (
            gold.location is not None,
            lambda: got.location is not None and resolver.same(got.location, gold.location or ""),
        ),
        "country": (
            gold.country is not None,
            lambda: (got.country or "").upper() == (gold.country or "").upper(),
        ),
        "actors": (bool(gold.actors), lambda: any_resolves(got.actors, gold.actors)),
        "instrument": (
            bool(gold.instrument),
            lambda: any_resolves(got.instrument, gold.instrument),
        ),
        "mode": (bool(gold.mode), lambda: bool(set(got.mode) & set(gold.mode))),
        "outcome": (gold.outcome is not None, lambda: got.outcome == gold.outcome),
        "status": (gold.status is not None, lambda: got.status == gold.status),
    }
    for name, (applies, check) in checks.items():
        if applies:
            fields[name].add(check())


# -- links -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredictedLinks:
    """Cross-document predictions, with ids already mapped to gold ids.

    Ids are ``file#aN`` / ``file#eN`` where the prediction matched a gold
    article or event, and the predicted record's own id otherwise.
    """

    duplicates: tuple[tuple[str, str], ...] = ()
    same_event: tuple[tuple[str, str], ...] = ()
    contradictions: tuple[tuple[str, str, str], ...] = ()


def _pairs(groups: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(g, 2) if p[0] != p[1]}


def _count(
    gold: set[frozenset[str]], optional: set[frozenset[str]], got: set[frozenset[str]]
) -> Counts:
    return Counts(tp=len(got & gold), fp=len(got - gold - optional), fn=len(gold - got))


def score_links(gold: GoldLinks, predicted: PredictedLinks) -> dict[str, object]:
    """Precision and recall of duplicate pairs, same-event pairs and contradictions,
    and how many gold refinements were flagged as contradictions (each also
    counts as a false positive, since no refinement is a gold contradiction)."""
    duplicates = _count(_pairs(gold.duplicates), set(), _pairs(predicted.duplicates))
    same = _count(
        _pairs(gold.same_event), _pairs(gold.optional_same_event), _pairs(predicted.same_event)
    )

    def key(a: str, b: str, field_name: str) -> frozenset[str]:
        return frozenset({a, b, f"field:{field_name}"})

    wanted = {key(*c.about, c.field) for c in gold.contradictions if not c.optional}
    optional = {key(*c.about, c.field) for c in gold.contradictions if c.optional}
    got = {key(a, b, f) for a, b, f in predicted.contradictions}
    refinements = {key(*r.about, r.field) for r in gold.refinements} - wanted - optional
    return {
        "duplicates": duplicates.prf(),
        "same_event": same.prf(),
        "contradictions": _count(wanted, optional, got).prf(),
        "refinements_flagged": len(got & refinements),
    }
