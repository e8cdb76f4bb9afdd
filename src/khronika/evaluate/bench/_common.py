"""Helpers shared by the benchmark adapters of :mod:`khronika.evaluate.bench`.

Each adapter reads a benchmark in its own format into small gold records,
runs :func:`khronika.pipeline.analyse_text` on every document and scores.
What they have in common lives here: finding the part of the benchmark to
read (:func:`locate`), capping the number of documents (:func:`first`), and
one-to-one matching of character spans by overlap (:func:`overlap`,
:func:`match_by_overlap`).

A span here is a tuple of ``(start, end)`` character fragments into one
document's text: one fragment for an ordinary span, several for a
discontinuous one. Keep this module small and its signatures stable: other
adapters import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar

from khronika.errors import InputError
from khronika.model import Provenance

T = TypeVar("T")

#: A span of one document as ``(start, end)`` character fragments.
Fragments = tuple[tuple[int, int], ...]

#: The object an adapter's ``evaluate`` returns (JSON-ready).
Report = dict[str, object]


class HasProvenance(Protocol):
    """Any model record: it says which characters it comes from."""

    @property
    def prov(self) -> Provenance: ...


def locate(path: Path, *defaults: str) -> Path:
    """``path / default`` for the first of ``defaults`` that exists, else ``path``.

    Lets an adapter take either the benchmark's directory (and read its
    default split) or the split itself. Raises :class:`InputError` when
    ``path`` does not exist.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    for default in defaults:
        candidate = path / default
        if candidate.exists():
            return candidate
    return path


def first(items: Iterable[T], limit: int | None) -> list[T]:
    """The first ``limit`` items (all of them when ``limit`` is ``None``).

    >>> first("abc", 2), first("abc", None), first("abc", 0)
    (['a', 'b'], ['a', 'b', 'c'], [])
    """
    if limit is None:
        return list(items)
    if limit < 0:
        raise InputError(f"limit must be 0 or more, not {limit}")
    return list(islice(items, limit))


def fragments(record: HasProvenance) -> Fragments:
    """The span of a model record, as one fragment."""
    return ((record.prov.start, record.prov.end),)


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters two spans share (the fragments of each must not overlap).

    >>> overlap(((0, 10),), ((5, 20),)), overlap(((0, 4), (8, 12)), ((2, 10),))
    (5, 4)
    """
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match_by_overlap(
    gold: Sequence[Fragments], predicted: Sequence[Fragments]
) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, predicted index)`` pairs, largest overlap first.

    Spans that share no character are never paired. Equal overlaps go to the
    lower gold index, then the lower predicted index, so the result does not
    depend on anything but the order of the inputs. Pairs come back sorted.

    >>> match_by_overlap([((0, 10),), ((20, 30),)], [((5, 25),), ((28, 40),)])
    [(0, 0), (1, 1)]
    """
    candidates = sorted(
        (-shared, g, p)
        for g, gold_span in enumerate(gold)
        for p, predicted_span in enumerate(predicted)
        if (shared := overlap(gold_span, predicted_span)) > 0
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p))
    return sorted(pairs)
