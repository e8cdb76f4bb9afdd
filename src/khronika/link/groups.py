"""Connected components over pairwise links (union-find with path halving)."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets of ids; a set's root is its smallest id."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        while parent != item:
            grand = self._parent[parent]
            self._parent[item] = grand
            item, parent = parent, grand
        return item

    def union(self, left: str, right: str) -> None:
        a, b = sorted((self.find(left), self.find(right)))
        if a != b:
            self._parent[b] = a


def components(items: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Groups of ``items`` joined by ``pairs``, each sorted, in order of first appearance.

    Ids named only in ``pairs`` are included too.
    """
    uf = UnionFind()
    order: dict[str, None] = dict.fromkeys(items)
    for left, right in pairs:
        order.setdefault(left)
        order.setdefault(right)
        uf.union(left, right)
    groups: dict[str, list[str]] = {}
    for item in order:
        groups.setdefault(uf.find(item), []).append(item)
    return [sorted(group) for group in groups.values()]
