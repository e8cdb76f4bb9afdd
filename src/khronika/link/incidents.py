"""Incidents: events of different articles that are the same real-world event.

Candidate pairs come from blocks (events of one PLOVER type sharing a
recipient, an actor, or a day and country), so the cost follows the size of
the blocks, not the square of the corpus. A pair is the same event when
nothing rules it out and something positive joins it:

ruled out by a different type, modes of different families (an abduction
is not a beating), dates that cannot both hold (not one a prefix of the
other, and not two days at most apart, which is a disagreement about one
event rather than two events), different countries, places apart, or
recipients named on both sides with none in common;

joined by a shared recipient; or, with no recipient named on either side,
by the same day in the same place; or by a shared actor, the same mode and
compatible places; or, inside two articles already known to be copies of
one story, by the same actors and recipients.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from khronika.dates import compatible, days_apart, precision
from khronika.link.places import relation
from khronika.link.reports import Report
from khronika.model import Link, make_id

#: Reports of one event may disagree on its day by this much.
DAY_SLACK = 3
#: Modes that may describe the same act; a mode not listed is its own family.
MODE_FAMILIES: dict[str, str] = {
    "aerial": "strike",
    "heavy-weapons": "strike",
    "drone": "strike",
    "explosives": "strike",
    "targeted": "attack",
    "unconventional": "attack",
    "firearms": "attack",
    "primitive": "attack",
    "beat": "mistreat",
    "torture": "mistreat",
}
#: Blocks larger than this are too generic to pair every member ("Russia" as
#: actor of hundreds of events); their pairs must come from another block.
MAX_BLOCK = 200


def incident_links(reports: Sequence[Report], copies: Iterable[tuple[str, str]] = ()) -> list[Link]:
    """``same_event`` links between reports of different articles."""
    copied = {frozenset(pair) for pair in copies}
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        event = report.event
        for recipient in report.recipients:
            blocks[(event.type, "r", recipient)].append(i)
        for actor in report.actors:
            blocks[(event.type, "a", actor)].append(i)
        if event.date and precision(event.date) == "day":
            blocks[(event.type, "d", event.date[:7], event.country or "")].append(i)
        blocks[(event.type, "c", report.article)].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if key[1] == "c" or len(members) > MAX_BLOCK:
            continue
        pairs.update(combinations(members, 2))
    for members in _copy_blocks(blocks, reports, copied):
        pairs.update(combinations(members, 2))
    links = []
    for i, j in sorted(pairs):
        left, right = reports[i], reports[j]
        if left.article == right.article:
            continue
        reason = same_event(left, right, frozenset((left.article, right.article)) in copied)
        if reason:
            a, b = sorted((left.event.id, right.event.id))
            links.append(
                Link(make_id("l", "", "same_event", a, b), "same_event", a, b, reason=reason)
            )
    return links


def _copy_blocks(
    blocks: dict[tuple[str, ...], list[int]],
    reports: Sequence[Report],
    copied: set[frozenset[str]],
) -> Iterable[list[int]]:
    """Events of one type in two articles that copy each other."""
    types = {report.event.type for report in reports}
    for pair in copied:
        left, right = sorted(pair)
        for kind in types:
            members = blocks.get((kind, "c", left), [])
            others = blocks.get((kind, "c", right), [])
            if members and others:
                yield [*members, *others]


def same_event(left: Report, right: Report, copies: bool = False) -> str | None:
    """Why two reports are one event, or ``None`` if they are not (or may not be)."""
    a, b = left.event, right.event
    if a.type != b.type or not _modes_agree(a.mode, b.mode):
        return None
    if a.date and b.date and not _dates_agree(a.date, b.date):
        return None
    if a.country and b.country and a.country != b.country:
        return None
    place = relation(left.place, right.place) if left.place and right.place else "unknown"
    if place == "apart":
        return None
    if left.recipients and right.recipients:
        shared = left.recipients & right.recipients
        return f"same {a.type} of the same recipient" if shared else None
    if copies and left.actors == right.actors and left.recipients == right.recipients:
        return f"same {a.type} in two copies of one story"
    if left.recipients or right.recipients:
        return None
    if (
        a.date
        and b.date
        and precision(a.date) == precision(b.date) == "day"
        and place in ("same", "inside", "contains")
    ):
        return f"same {a.type} on the same day at the same place"
    shared_actor = left.actors & right.actors and set(a.mode) & set(b.mode)
    if shared_actor and place in ("same", "inside", "contains"):
        return f"same {a.type} by the same actor at the same place"
    return None


def _modes_agree(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    if not left or not right:
        return True
    families = {MODE_FAMILIES.get(m, m) for m in left}
    return bool(families & {MODE_FAMILIES.get(m, m) for m in right})


def _dates_agree(left: str, right: str) -> bool:
    if compatible(left, right):
        return True
    apart = days_apart(left, right)
    return apart is not None and apart <= DAY_SLACK
