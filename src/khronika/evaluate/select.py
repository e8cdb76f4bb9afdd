"""Scoring part of a gold directory: the documents named by patterns.

A corpus is split into a development part and a check part by document
name (``--only 'bucha_*'``, ``--skip 'bucha_*'``), so the check part can be
scored alone without copying files around. Cross-document links are kept
only when every document they name is in the part: a link to a document
that was left out is neither found nor missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from khronika.errors import InputError
from khronika.evaluate.gold import GoldFile, GoldLinks


@dataclass(frozen=True, slots=True)
class Selection:
    """Documents whose name matches an ``only`` pattern (all when none) and no ``skip`` pattern."""

    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not self.only and not self.skip

    def keeps(self, document: str) -> bool:
        if self.only and not any(fnmatchcase(document, p) for p in self.only):
            return False
        return not any(fnmatchcase(document, p) for p in self.skip)

    def gold(
        self, files: Sequence[GoldFile], links: GoldLinks | None
    ) -> tuple[list[GoldFile], GoldLinks | None]:
        """The selected gold files and the links among them."""
        kept = [f for f in files if self.keeps(f.document)]
        if not kept:
            raise InputError(f"no gold document matches {self.describe()}")
        if links is None or self.everything:
            return kept, links
        names = {f.document for f in kept}

        def inside(ids: Iterable[str]) -> bool:
            return all(document_of(i) in names for i in ids)

        return kept, replace(
            links,
            duplicates=tuple(g for g in links.duplicates if inside(g)),
            same_event=_groups_inside(links.same_event, names),
            optional_same_event=_groups_inside(links.optional_same_event, names),
            contradictions=tuple(c for c in links.contradictions if inside(c.about)),
            refinements=tuple(r for r in links.refinements if inside(r.about)),
        )

    def describe(self) -> str:
        parts = [f"only {', '.join(self.only)}"] if self.only else []
        if self.skip:
            parts.append(f"skip {', '.join(self.skip)}")
        return "; ".join(parts) or "every document"


def document_of(gold_id: str) -> str:
    """``"bucha_1.txt#e3"`` -> ``"bucha_1.txt"``."""
    return gold_id.split("#", 1)[0]


def _groups_inside(groups: Iterable[Sequence[str]], names: set[str]) -> tuple[tuple[str, ...], ...]:
    """Each group cut down to its selected members; groups left with one member go."""
    cut = (tuple(i for i in group if document_of(i) in names) for group in groups)
    return tuple(group for group in cut if len(group) > 1)
