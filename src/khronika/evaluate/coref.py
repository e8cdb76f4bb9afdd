"""Coreference metrics: MUC, B³, CEAF-e and the CoNLL average.

A *partition* is a collection of clusters, each cluster a collection of
hashable mention keys (a span, a ``(document, start, end)`` tuple, anything).
The key (gold) and the response (predicted) partitions need not hold the same
mentions: scoring predicted mentions follows the reference implementation of
Pradhan et al. (2014, "Scoring Coreference Partitions of Predicted Mentions:
A Reference Implementation", the CoNLL-2012 scorer v8.01), that is the
original definitions applied unchanged, with no mentions added or removed:

- **MUC** (Vilain et al. 1995): recall is
  ``Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1)`` where ``p(K)`` is the partition of
  key cluster ``K`` by the response clusters, and a mention of ``K`` that no
  response cluster holds is a part of its own (a singleton); precision swaps
  key and response.
- **B³** (Bagga & Baldwin 1998): recall is
  ``Σ_K Σ_R |K∩R|² / |K|`` over ``Σ_K |K|``; precision swaps the roles. A
  mention without a twin on the other side counts in the denominator of its
  own side and adds nothing to the numerator. This is the reference
  scorer's rule. Cai & Strube (2010) instead add such mentions to the other
  side as singletons; that variant is *not* used here.
- **CEAF-e** (Luo 2005): entity similarity
  ``φ4(K, R) = 2|K∩R| / (|K| + |R|)``, the optimal one-to-one alignment of
  key and response clusters maximises ``Φ = Σ φ4``; recall is ``Φ`` over the
  number of key clusters, precision ``Φ`` over the number of response
  clusters.
- **CoNLL F1** is the unweighted mean of the three F1s.

Singletons are kept on both sides (they count in B³ and CEAF-e and are
neutral in MUC). Each metric returns a :class:`Tally` of numerators and
denominators; tallies add up, so scores over several documents are
micro-averaged the way the reference scorer does it. A figure whose
denominator is 0 is ``None``; F1 is ``None`` only when both precision and
recall are, and 0 when just one of them is (something to score, nothing
right), as in :mod:`khronika.evaluate.metrics`.

The optimal alignment uses :func:`max_weight_assignment`, a plain
Hungarian-method routine (shortest augmenting paths with potentials,
O(n²·m)). CEAF-e runs it on each connected component of the "clusters that
share a mention" graph separately, which gives the same optimum (clusters
sharing no mention have similarity 0) on far smaller matrices, so that no
numerical library is needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

M = TypeVar("M", bound=Hashable)
L = TypeVar("L", bound=Hashable)

__all__ = [
    "CorefTotals",
    "Tally",
    "b_cubed",
    "ceaf_e",
    "clusters_from_labels",
    "f1_of",
    "max_weight_assignment",
    "muc",
    "phi4",
    "score_coref",
]


def _fraction(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def f1_of(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when only one side is defined, ``None`` when neither is."""
    if precision is None and recall is None:
        return None
    if precision is None or recall is None or precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class Tally:
    """Numerators and denominators of recall and precision of one metric."""

    recall_num: float = 0.0
    recall_den: float = 0.0
    precision_num: float = 0.0
    precision_den: float = 0.0

    def __iadd__(self, other: Tally) -> Tally:
        self.recall_num += other.recall_num
        self.recall_den += other.recall_den
        self.precision_num += other.precision_num
        self.precision_den += other.precision_den
        return self

    @property
    def recall(self) -> float | None:
        return _fraction(self.recall_num, self.recall_den)

    @property
    def precision(self) -> float | None:
        return _fraction(self.precision_num, self.precision_den)

    @property
    def f1(self) -> float | None:
        return f1_of(self.precision, self.recall)


def _partition(
    clusters: Iterable[Iterable[M]], side: str
) -> tuple[list[frozenset[M]], dict[M, int]]:
    """Clusters as frozensets (empty ones dropped) and each mention's cluster index."""
    sets: list[frozenset[M]] = []
    where: dict[M, int] = {}
    for cluster in clusters:
        members = frozenset(cluster)
        if not members:
            continue
        for mention in members:
            if mention in where:
                raise ValueError(f"{side} mention {mention!r} is in two clusters")
            where[mention] = len(sets)
        sets.append(members)
    return sets, where


def _muc_side(clusters: Sequence[frozenset[M]], other: Mapping[M, int]) -> tuple[int, int]:
    """``Σ(|K| − |p(K)|)`` and ``Σ(|K| − 1)``; twinless mentions are parts of their own."""
    numerator = denominator = 0
    for cluster in clusters:
        parts = {other[m] for m in cluster if m in other}
        twinless = sum(1 for m in cluster if m not in other)
        numerator += len(cluster) - (len(parts) + twinless)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Iterable[Iterable[M]], response: Iterable[Iterable[M]]) -> Tally:
    """The link-based MUC score (Vilain et al. 1995)."""
    key_sets, key_of = _partition(key, "key")
    response_sets, response_of = _partition(response, "response")
    r_num, r_den = _muc_side(key_sets, response_of)
    p_num, p_den = _muc_side(response_sets, key_of)
    return Tally(r_num, r_den, p_num, p_den)


def _b_cubed_side(clusters: Sequence[frozenset[M]], other: Mapping[M, int]) -> tuple[float, int]:
    numerator = 0.0
    denominator = 0
    for cluster in clusters:
        overlaps = Counter(other[m] for m in cluster if m in other)
        numerator += sum(n * n for n in overlaps.values()) / len(cluster)
        denominator += len(cluster)
    return numerator, denominator


def b_cubed(key: Iterable[Iterable[M]], response: Iterable[Iterable[M]]) -> Tally:
    """The mention-based B³ score (Bagga & Baldwin 1998), reference-scorer variant."""
    key_sets, key_of = _partition(key, "key")
    response_sets, response_of = _partition(response, "response")
    r_num, r_den = _b_cubed_side(key_sets, response_of)
    p_num, p_den = _b_cubed_side(response_sets, key_of)
    return Tally(r_num, r_den, p_num, p_den)


def phi4(key: frozenset[M], response: frozenset[M]) -> float:
    """Luo's entity similarity ``2|K∩R| / (|K| + |R|)``."""
    return 2 * len(key & response) / (len(key) + len(response))


def ceaf_e(key: Iterable[Iterable[M]], response: Iterable[Iterable[M]]) -> Tally:
    """Entity-based CEAF with φ4 and the optimal one-to-one cluster alignment (Luo 2005)."""
    key_sets, key_of = _partition(key, "key")
    response_sets, response_of = _partition(response, "response")
    pairs = {(key_of[m], response_of[m]) for m in key_of if m in response_of}
    total = 0.0
    for keys, responses in _components(pairs):
        weights = [[phi4(key_sets[k], response_sets[r]) for r in responses] for k in keys]
        total += sum(weights[i][j] for i, j in max_weight_assignment(weights))
    return Tally(total, len(key_sets), total, len(response_sets))


def _components(pairs: Iterable[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite graph given by ``(key, response)`` edges."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for k, r in pairs:
        a, b = find(("k", k)), find(("r", r))
        if a != b:
            parent[a] = b
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in sorted(parent):
        keys, responses = groups.setdefault(find(node), ([], []))
        (keys if node[0] == "k" else responses).append(node[1])
    return list(groups.values())


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns of maximal total weight.

    ``weights`` is a rectangular matrix (rows may outnumber columns or the
    reverse); every row or every column, whichever are fewer, is assigned.
    Returns ``(row, column)`` pairs sorted by row. This is the Hungarian
    method in its shortest-augmenting-path form (Kuhn 1955; Munkres 1957;
    the formulation of Jonker & Volgenant), O(n²·m) for n ≤ m.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    if any(len(row) != cols for row in weights):
        raise ValueError("weights must be a rectangular matrix")
    transposed = rows > cols
    if transposed:
        cost = [[-weights[i][j] for i in range(rows)] for j in range(cols)]
        n, m = cols, rows
    else:
        cost = [[-w for w in row] for row in weights]
        n, m = rows, cols
    infinity = float("inf")
    # 1-based: u row potentials, v column potentials, owner[j] the row
    # holding column j (0: free), way[j] the previous column on the path.
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        slack = [infinity] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            row = cost[i0 - 1]
            delta = infinity
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = row[j - 1] - u[i0] - v[j]
                if reduced < slack[j]:
                    slack[j] = reduced
                    way[j] = j0
                if slack[j] < delta:
                    delta = slack[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)


@dataclass(slots=True)
class CorefTotals:
    """Running MUC, B³ and CEAF-e tallies over one or more documents."""

    muc: Tally = field(default_factory=Tally)
    b3: Tally = field(default_factory=Tally)
    ceafe: Tally = field(default_factory=Tally)

    def add(self, key: Iterable[Iterable[M]], response: Iterable[Iterable[M]]) -> None:
        """Score one document (or one corpus taken as a whole) and add it in."""
        key_list = [list(c) for c in key]
        response_list = [list(c) for c in response]
        self.muc += muc(key_list, response_list)
        self.b3 += b_cubed(key_list, response_list)
        self.ceafe += ceaf_e(key_list, response_list)

    @property
    def conll_f1(self) -> float | None:
        """Mean of the MUC, B³ and CEAF-e F1s; ``None`` if any of them is."""
        scores = (self.muc.f1, self.b3.f1, self.ceafe.f1)
        if any(s is None for s in scores):
            return None
        return sum(s for s in scores if s is not None) / 3

    def report(self) -> dict[str, float | None]:
        """``{"muc_f1", "b3_f1", "ceafe_f1", "conll_f1"}``, the eval JSON's shape."""
        return {
            "muc_f1": self.muc.f1,
            "b3_f1": self.b3.f1,
            "ceafe_f1": self.ceafe.f1,
            "conll_f1": self.conll_f1,
        }


def score_coref(key: Iterable[Iterable[M]], response: Iterable[Iterable[M]]) -> CorefTotals:
    """All three metrics of one key and response partition."""
    totals = CorefTotals()
    totals.add(key, response)
    return totals


def clusters_from_labels(labels: Mapping[M, L]) -> list[frozenset[M]]:
    """Mentions grouped by their cluster label, clusters in first-seen label order."""
    groups: dict[L, set[M]] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return [frozenset(g) for g in groups.values()]
