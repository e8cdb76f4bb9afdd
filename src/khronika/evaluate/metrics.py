"""Counts and the figures computed from them.

A figure that cannot be computed (0/0) is ``None``, printed as JSON null.
F1 is ``2·TP / (2·TP + FP + FN)``: defined whenever there is anything to
score, and 0 when nothing was found, even if nothing was predicted.
"""

from __future__ import annotations

from dataclasses import dataclass


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or ``None`` when the denominator is 0."""
    return numerator / denominator if denominator else None


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def prf(self) -> dict[str, float | None]:
        """``{"precision", "recall", "f1"}``, the shape the eval JSON uses."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class Accuracy:
    """Correct out of scored."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return ratio(self.correct, self.total)
