"""Choosing among homonyms with the article's context.

Each reading of a name is scored (:func:`score`):

- population, one point per power of ten (the tie-breaker);
- +2 when the name is the place's own name or a hand-table form, not one of
  its alternate names (Salisbury is the English town before it is Harare's
  colonial name);
- +1 for a country, continent or former state, -1.5 for a region (whose
  population is the sum of its towns'): Georgia is the country and Washington
  the city unless the context says otherwise;
- +2 times the share of the article's unambiguous place names that lie in
  the reading's country, +2 when one lies in it in the same or a neighbouring
  sentence, +1.5 when one lies in the same first-level region ("Salisbury"
  in an article that names Maryland);
- +6 when the reading lies inside the reading of the place that qualifies
  the name, the two chosen together ("Salisbury (southern England)",
  "London, Ontario", "Atlanta, Georgia", "Kharkiv’s Saltivka").

Facilities, areas, districts, described places and unknown names have no
reading of their own: they take their parent's, the reading of the name
inside them ("London" in "London Bridge", "a bus stop in central London"),
or (all but unknown names) the nearest resolved name in their sentence, and
for a facility in the previous sentence of the same paragraph.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from khronika.extract.gazetteer import Candidate, GazEntry, Gazetteer
from khronika.extract.place_types import PlaceSpan
from khronika.extract.place_words import PLACE_MODIFIERS

PRIMARY_BONUS = 2.0
KIND_BONUS = 1.0
SHARE_WEIGHT = 2.0
NEAR_BONUS = 2.0
REGION_BONUS = 1.5
PARENT_BONUS = 6.0
REGION_MALUS = 1.5
_BIG_KINDS = frozenset(("country", "continent", "former"))


@dataclass
class Context:
    """Where the article's unambiguous place names lie."""

    share: dict[str, float] = field(default_factory=dict)  # country -> share of names
    by_sentence: dict[int, set[str]] = field(default_factory=dict)  # sentence -> countries
    regions: set[tuple[str, str]] = field(default_factory=set)  # (country, admin1)

    def near(self, sentence: int) -> set[str]:
        found: set[str] = set()
        for number in (sentence - 1, sentence, sentence + 1):
            found |= self.by_sentence.get(number, set())
        return found


def readings(gaz: Gazetteer, span: PlaceSpan) -> tuple[Candidate, ...]:
    """The gazetteer's readings of a name span, after a leading modifier if need be
    ("central London", "southern England")."""
    if span.kind != "name":
        return ()
    found = gaz.candidates(span.lookup)
    words = span.lookup.split()
    if not found and len(words) > 1 and words[0].lower() in PLACE_MODIFIERS:
        found = gaz.candidates(" ".join(words[1:]))
    return found


def build_context(
    spans: Sequence[PlaceSpan], found: Sequence[tuple[Candidate, ...]], demonyms: Sequence[str]
) -> Context:
    """Context from the names with one country (and the article's demonyms, at half weight)."""
    weights: dict[str, float] = defaultdict(float)
    context = Context()
    for span, cands in zip(spans, found, strict=True):
        countries = {c.entry.country for c in cands}
        if len(countries) != 1 or None in countries:
            continue
        country = next(iter(countries))
        if country is None:
            continue
        weights[country] += 1.0
        context.by_sentence.setdefault(span.sentence, set()).add(country)
        areas = {(country, c.entry.admin1) for c in cands if c.entry.admin1}
        if len(areas) == 1:
            context.regions |= {(a, b) for a, b in areas if b is not None}
    for country in demonyms:
        weights[country] += 0.5
    total = sum(weights.values())
    context.share = {country: w / total for country, w in weights.items()} if total else {}
    return context


def inside(entry: GazEntry, parent: GazEntry) -> bool:
    """Whether ``entry`` lies in ``parent`` as far as codes tell."""
    if entry.country is None or entry.country != parent.country or entry == parent:
        return False
    return parent.kind == "country" or parent.admin1 is None or entry.admin1 == parent.admin1


def score(candidate: Candidate, span: PlaceSpan, context: Context) -> float:
    """How well a reading fits the name and its article (see the module's docstring)."""
    entry = candidate.entry
    points = math.log10(entry.population + 10)
    points += PRIMARY_BONUS * candidate.primary + KIND_BONUS * (entry.kind in _BIG_KINDS)
    points -= REGION_MALUS * (entry.kind == "region")
    if entry.country:
        points += SHARE_WEIGHT * context.share.get(entry.country, 0.0)
        points += NEAR_BONUS * (entry.country in context.near(span.sentence))
        points += REGION_BONUS * ((entry.country, entry.admin1 or "") in context.regions)
    return points


def _key(candidate: Candidate, span: PlaceSpan, context: Context) -> tuple[float, int, int]:
    """Score, then population, then the lower GeoNames id: a total order."""
    entry = candidate.entry
    return score(candidate, span, context), entry.population, -(entry.geonames_id or 0)


def best(cands: Sequence[Candidate], span: PlaceSpan, context: Context) -> Candidate | None:
    return max(cands, key=lambda c: _key(c, span, context), default=None)


def best_pair(
    child: tuple[Sequence[Candidate], PlaceSpan],
    parent: tuple[Sequence[Candidate], PlaceSpan],
    context: Context,
) -> tuple[Candidate, Candidate] | None:
    """The readings of a name and of the place qualifying it that fit best together:
    "London, Ontario" is the Canadian London and the province, "Atlanta, Georgia"
    the US state."""
    pairs = [(c, p) for c in child[0] for p in parent[0]]

    def key(pair: tuple[Candidate, Candidate]) -> tuple[float, tuple[float, int, int]]:
        c, p = pair
        joint = score(c, child[1], context) + score(p, parent[1], context)
        return joint + PARENT_BONUS * inside(c.entry, p.entry), _key(c, child[1], context)

    return max(pairs, key=key, default=None)


def resolve(
    gaz: Gazetteer, spans: Sequence[PlaceSpan], demonyms: Sequence[str]
) -> list[Candidate | None]:
    """The chosen reading of every span: names by score, the others by anchor."""
    found = [readings(gaz, span) for span in spans]
    context = build_context(spans, found, demonyms)
    chosen = [best(cands, span, context) for span, cands in zip(spans, found, strict=True)]
    for i, span in enumerate(spans):
        j = span.parent
        if span.kind == "name" and j is not None and spans[j].kind == "name":
            pair = best_pair((found[i], span), (found[j], spans[j]), context)
            if pair is not None:
                chosen[i], chosen[j] = pair
    for kinds in (("facility", "area", "district", "unknown"), ("phrase",)):
        for i, span in enumerate(spans):
            if span.kind in kinds:
                chosen[i] = _anchor(gaz, spans, chosen, i, context)
    return chosen


def _anchor(
    gaz: Gazetteer,
    spans: Sequence[PlaceSpan],
    chosen: Sequence[Candidate | None],
    i: int,
    context: Context,
) -> Candidate | None:
    span = spans[i]
    if span.parent is not None and chosen[span.parent] is not None:
        return chosen[span.parent]
    if span.inner:
        inner = best(gaz.candidates(span.inner), span, context)
        if inner is not None:
            return inner
    within = [
        chosen[j]
        for j, other in enumerate(spans)
        if j != i and span.start <= other.start and other.end <= span.end and chosen[j]
    ]
    if within:  # "a bus stop in central London": the place it names last
        return within[-1]
    if span.kind == "unknown":
        return None
    return _nearest(spans, chosen, i, facility=span.kind == "facility")


def _nearest(
    spans: Sequence[PlaceSpan], chosen: Sequence[Candidate | None], i: int, *, facility: bool
) -> Candidate | None:
    """The closest resolved name in the sentence (for a facility, else in the
    previous sentence of its paragraph)."""
    span = spans[i]

    def usable(j: int, sentence: int) -> bool:
        c = chosen[j]
        return (
            spans[j].kind == "name"
            and spans[j].sentence == sentence
            and c is not None
            and c.entry.kind not in ("former", "continent")
        )

    for sentence in (span.sentence, span.sentence - 1) if facility else (span.sentence,):
        near = [j for j in range(len(spans)) if usable(j, sentence)]
        near = [j for j in near if spans[j].paragraph == span.paragraph]
        if near:
            j = min(near, key=lambda j: (abs(spans[j].start - span.start), spans[j].start))
            return chosen[j]
    return None
