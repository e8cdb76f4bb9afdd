"""The cross-article stage over a whole store, run after every ingest.

1. index: articles new to the store get a MinHash signature and LSH buckets
   (only new articles: the index grows, it is never rebuilt);
2. duplicates: new articles' LSH candidates confirmed by passage alignment;
3. entities: ``same_entity`` links recomputed with blocking;
4. incidents: ``same_event`` links recomputed with blocking;
5. contradictions and refinements between the reports of each incident.

Steps 3 to 5 are recomputed whole (their inputs may change with any new
article) but each costs time in proportion to the size of its blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations, islice

from khronika.link import shingles
from khronika.link.align import align_passages, coverage
from khronika.link.compare import compare
from khronika.link.entities import entity_links
from khronika.link.groups import components
from khronika.link.incidents import incident_links
from khronika.link.reports import Report, reports
from khronika.model import ArticleAnalysis, Link, make_id
from khronika.store import Store

log = logging.getLogger(__name__)

#: Estimated Jaccard similarity of trigrams below which a candidate is dropped
#: before alignment (LSH lets some dissimilar pairs through).
MIN_SIMILARITY = 0.1
#: Share of the shorter article's passages that must be shared or reworded.
MIN_COVERAGE = 0.5
_BATCH = 1000

#: Called with the name of each step as it starts.
Step = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What the cross-article stage found."""

    indexed: int
    duplicates: int
    same_entity: int
    same_event: int
    incidents: int
    contradictions: int
    refinements: int


def link_store(store: Store, step: Step | None = None) -> LinkReport:
    """Bring every cross-article link of ``store`` up to date."""
    announce = step or (lambda name: log.info("linking: %s", name))
    announce("indexing new articles")
    new = index_articles(store)
    announce("finding republished copies")
    store.add_duplicate_links(find_duplicates(store, new))
    duplicates = store.links("duplicate")
    announce("joining entities across articles")
    entities = [summary.entity for summary in store.entities()]
    store.replace_links(["same_entity"], entity_links(entities))
    canonical = {m: c.id for c in store.canonical_entities() for m in c.members}
    names = {entity.id: entity.name for entity in entities}
    announce("linking incidents")
    found = reports(_analyses(store), canonical)
    same = incident_links(found, ((d.left, d.right) for d in duplicates))
    announce("comparing reports")
    findings = compare_incidents(found, same, names)
    store.replace_links(["same_event", "contradiction", "refinement"], [*same, *findings])
    groups = components((), ((link.left, link.right) for link in same))
    return LinkReport(
        indexed=len(new),
        duplicates=len(duplicates),
        same_entity=len(store.links("same_entity")),
        same_event=len(same),
        incidents=len(groups),
        contradictions=sum(1 for f in findings if f.kind == "contradiction"),
        refinements=sum(1 for f in findings if f.kind == "refinement"),
    )


def index_articles(store: Store) -> list[str]:
    """Sign every article not yet in the LSH index; returns their ids."""
    new = store.unsigned_article_ids()
    ids = iter(new)
    while batch := list(islice(ids, _BATCH)):
        rows = []
        for article_id in batch:
            minhash = shingles.signature(store.article(article_id).body)
            rows.append((article_id, shingles.to_bytes(minhash), shingles.buckets(minhash)))
        store.add_signatures(rows)
    return new


def find_duplicates(store: Store, new: list[str]) -> list[Link]:
    """Duplicate links between new articles and any other, confirmed by alignment."""
    candidates = sorted(store.duplicate_candidates(new))
    needed = {article_id for pair in candidates for article_id in pair}
    signatures = store.signatures(needed)
    links = []
    for left, right in candidates:
        similarity = shingles.similarity(signatures[left], signatures[right])
        if similarity < MIN_SIMILARITY:
            continue
        aligned = align_passages(store.article(left).body, store.article(right).body)
        share = coverage(aligned)
        if share < MIN_COVERAGE:
            continue
        counts = {kind: sum(1 for a in aligned if a.kind == kind) for kind in _KINDS}
        reason = ", ".join(f"{n} {kind}" for kind, n in counts.items()) + " passages"
        links.append(
            Link(
                id=make_id("l", "", "duplicate", left, right),
                kind="duplicate",
                left=left,
                right=right,
                score=round(share, 3),
                reason=f"estimated Jaccard {similarity:.2f}; {reason}",
            )
        )
    return links


_KINDS = ("shared", "reworded", "added", "removed")


def compare_incidents(found: list[Report], same: list[Link], names: dict[str, str]) -> list[Link]:
    """Contradictions and refinements between the reports of each incident."""
    by_event = {report.event.id: report for report in found}
    findings: dict[str, Link] = {}
    for group in components((), ((link.left, link.right) for link in same)):
        members = [by_event[event_id] for event_id in group]
        for left, right in combinations(members, 2):
            if left.article != right.article:
                for link in compare(left, right, names):
                    findings[link.id] = link
    return list(findings.values())


def _analyses(store: Store) -> Iterator[ArticleAnalysis]:
    for sha in dict.fromkeys(store.source_paths().values()):
        yield from store.analyses(sha)
