"""Passage alignment of two articles: what is shared, reworded, added or removed.

Passages are sentences (a paragraph break always ends one). Each passage of
the left text is paired with at most one passage of the right text, best
pairs first, wherever it sits (a republication may reorder). Two passages
are *shared* when their folded words are identical, *reworded* when their
word sets overlap by at least :data:`REWORDED` (Jaccard); left passages
left over were *removed*, right ones *added*.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from khronika.names import fold

PassageKind = Literal["shared", "reworded", "added", "removed"]
REWORDED = 0.5
#: Words too common to suggest that two passages say the same thing.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "said",
        "says",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "with",
    ]
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’»)]*|\n|$)")


@dataclass(frozen=True, slots=True)
class AlignedPassage:
    """One passage and its counterpart; spans are (start, end) offsets into each text."""

    kind: PassageKind
    left: tuple[int, int] | None
    right: tuple[int, int] | None
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class _Passage:
    span: tuple[int, int]
    key: str
    words: frozenset[str]


def passages(text: str) -> list[_Passage]:
    """The sentences of ``text`` with at least three words, as spans."""
    found = []
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        folded = fold(raw).split()
        if len(folded) < 3:
            continue
        start = match.start() + len(raw) - len(raw.lstrip())
        end = match.start() + len(raw.rstrip())
        found.append(_Passage((start, end), " ".join(folded), frozenset(folded) - _COMMON))
    return found


def align_passages(left: str, right: str) -> list[AlignedPassage]:
    """Align the passages of two texts, in the order of the left text then added ones."""
    lefts, rights = passages(left), passages(right)
    index: dict[str, list[int]] = defaultdict(list)
    for j, passage in enumerate(rights):
        for word in passage.words:
            index[word].append(j)
    scored: list[tuple[float, int, int]] = []
    for i, passage in enumerate(lefts):
        overlap: dict[int, int] = defaultdict(int)
        for word in passage.words:
            for j in index.get(word, ()):
                overlap[j] += 1
        for j, shared in overlap.items():
            union = len(passage.words | rights[j].words)
            score = 1.0 if passage.key == rights[j].key else shared / union if union else 0.0
            if score >= REWORDED:
                scored.append((score, i, j))
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j not in taken:
            pairs[i] = (j, score)
            taken.add(j)
    aligned = []
    for i, passage in enumerate(lefts):
        if i in pairs:
            j, score = pairs[i]
            kind: PassageKind = "shared" if lefts[i].key == rights[j].key else "reworded"
            aligned.append(AlignedPassage(kind, passage.span, rights[j].span, score))
        else:
            aligned.append(AlignedPassage("removed", passage.span, None))
    aligned.extend(
        AlignedPassage("added", None, p.span) for j, p in enumerate(rights) if j not in taken
    )
    return aligned


def coverage(aligned: list[AlignedPassage]) -> float:
    """Share of the shorter side's passages that are shared or reworded."""
    matched = sum(1 for a in aligned if a.kind in ("shared", "reworded"))
    left = sum(1 for a in aligned if a.left is not None)
    right = sum(1 for a in aligned if a.right is not None)
    shorter = min(left, right)
    return matched / shorter if shorter else 0.0
