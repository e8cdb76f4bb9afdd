"""Two reports of one incident, field by field: contradictions and refinements.

A *contradiction* is recorded only when both reports cannot be true at
once; a *refinement* when one report is more precise than the other and
both can be true. Anything undecidable (an unresolved place, an instrument
the table does not know) is recorded as neither: users read contradictions
as findings, so an invented one costs more than a missed one.

========== ======================================= ================================
field      contradiction                           refinement
========== ======================================= ================================
date       neither date is a prefix of the other   one is the other, less precise
location   places apart (see link.places)          one place inside the other
country    different countries                     -
instrument same family, none related (instruments) one a kind of the other
mode       modes of one family, none shared        one mode set inside the other
actors     named bodies on both sides, no body     one side names a body or person,
           or person in common                     the other only a state
outcome    killed against survived or injured      -
fatalities different counts                        -
status     asserted against negated                -
========== ======================================= ================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple

from khronika.dates import compatible
from khronika.link import instruments
from khronika.link.places import relation
from khronika.link.reports import Report
from khronika.model import Event, Link, make_id


class Finding(NamedTuple):
    kind: Literal["contradiction", "refinement"]
    field: str
    left: str
    right: str
    #: for a refinement: whether the left report is the less precise one
    coarse_left: bool = True


def compare(left: Report, right: Report, names: Mapping[str, str]) -> list[Link]:
    """Contradiction and refinement links between two reports of one incident."""
    if left.event.id > right.event.id:
        left, right = right, left
    a, b = left.event, right.event
    found: list[Finding] = []
    found += _date(a, b)
    found += _location(left, right)
    if a.country and b.country and a.country != b.country:
        found.append(Finding("contradiction", "country", a.country, b.country))
    found += _instrument(a, b)
    found += _mode(a, b)
    found += _actors(left, right, names)
    found += _outcome(a, b)
    return [_link(finding, a, b) for finding in found]


def _link(finding: Finding, a: Event, b: Event) -> Link:
    """The finding as a link; a refinement names the less precise report first."""
    kind, field_name, x, y, coarse_left = finding
    if kind == "refinement" and not coarse_left:
        a, b, x, y = b, a, y, x
    return Link(
        id=make_id("l", "", kind, a.id, b.id, field_name),
        kind=kind,
        left=a.id,
        right=b.id,
        field=field_name,
        values=(x, y),
        reason=_reason(kind, field_name, x, y),
    )


def _reason(kind: str, field_name: str, x: str, y: str) -> str:
    if kind == "refinement":
        return f"{field_name}: {y!r} is more precise than {x!r}; both can be true"
    return f"{field_name}: {x!r} and {y!r} cannot both be true"


def _date(a: Event, b: Event) -> list[Finding]:
    if not (a.date and b.date) or a.date == b.date:
        return []
    if compatible(a.date, b.date):
        return [Finding("refinement", "date", a.date, b.date, len(a.date) < len(b.date))]
    return [Finding("contradiction", "date", a.date, b.date)]


def _location(left: Report, right: Report) -> list[Finding]:
    a, b = left.event, right.event
    if not (left.place and right.place and a.location and b.location):
        return []
    rel = relation(left.place, right.place)
    if rel == "apart":
        return [Finding("contradiction", "location", a.location, b.location)]
    if rel in ("inside", "contains"):
        return [Finding("refinement", "location", a.location, b.location, rel == "contains")]
    return []


def _instrument(a: Event, b: Event) -> list[Finding]:
    if not (a.instrument and b.instrument):
        return []
    verdict = instruments.compare(a.instrument, b.instrument)
    x, y = ", ".join(a.instrument), ", ".join(b.instrument)
    if verdict == "contradicts":
        return [Finding("contradiction", "instrument", x, y)]
    if verdict in ("refines", "refined"):
        return [Finding("refinement", "instrument", x, y, verdict == "refined")]
    return []


def _mode(a: Event, b: Event) -> list[Finding]:
    left, right = set(a.mode), set(b.mode)
    if not (left and right) or left == right:
        return []
    x, y = ", ".join(a.mode), ", ".join(b.mode)
    if left <= right or right <= left:
        return [Finding("refinement", "mode", x, y, left <= right)]
    return [] if left & right else [Finding("contradiction", "mode", x, y)]


def _actors(left: Report, right: Report, names: Mapping[str, str]) -> list[Finding]:
    if not (left.actors and right.actors) or left.actors == right.actors:
        return []

    def shown(event: Event) -> str:
        return ", ".join(names.get(actor, actor) for actor in event.actors)

    x, y = shown(left.event), shown(right.event)
    a, b = left.specific_actors, right.specific_actors
    if a and b:
        if a & b:
            return [Finding("refinement", "actors", x, y, a <= b)] if a <= b or b <= a else []
        if left.bodies and right.bodies:
            return [Finding("contradiction", "actors", x, y)]
        # A named person and a body (an officer and his service), or two
        # people (two of a group), can both have acted: neither.
        return []
    if a or b:
        return [Finding("refinement", "actors", x, y, not a)]
    return []


def _outcome(a: Event, b: Event) -> list[Finding]:
    found: list[Finding] = []
    outcomes = {a.outcome, b.outcome}
    if "killed" in outcomes and outcomes & {"survived", "injured"}:
        found.append(Finding("contradiction", "outcome", str(a.outcome), str(b.outcome)))
    if a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities:
        found.append(Finding("contradiction", "fatalities", str(a.fatalities), str(b.fatalities)))
    if {a.status, b.status} in ({"asserted", "negated"}, {"attributed", "negated"}):
        found.append(Finding("contradiction", "status", a.status, b.status))
    return found
