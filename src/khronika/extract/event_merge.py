"""One event per real-world event: mentions of the same incident merged.

Two mentions are the same incident when they have the same type, do not
name different kinds of act (an abduction, a beating and a killing of one
person are three events; see ``DISTINCT``), their dates agree (equal, or one a prefix of the
other, or one unknown), and

- they share a victim who is a person or organisation ("the poisoning of
  Navalny", "Navalny had been infected with novichok"), or a state or place
  through the same trigger ("invading Chechnya" and "waging war in Chechnya"
  stay apart);
- or neither names a victim, their actors share a person, organisation or
  state, and their countries agree ("a Russian bomb struck the block", "its
  aircraft had hit a command post").

A mention whose victim is described but not named ("the kidnapping of a
Soviet émigré") joins the one incident of its type and mode that names a
victim, if there is exactly one. A mention that names nobody at all is
kept only when it joins a named one. A detention and an abduction of the
same person told in neighbouring paragraphs are one captivity.

The merged event keeps the evidence of its most informative mention (a
verb over a noun, a named victim, a date, a place), the status of its
strongest mentions (stated as fact wins over a quoted account, a hedge,
or a modal), and the union of actors, victims and instruments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from khronika.model import Article, Event, EventStatus, Outcome, Provenance, make_id

#: Status of merged mentions: the first found among the strongest mentions wins.
STATUS_ORDER: tuple[EventStatus, ...] = (
    "asserted",
    "disputed",
    "suspected",
    "attributed",
    "denied",
    "hypothetical",
    "future",
    "negated",
)
_OUTCOME_ORDER: tuple[Outcome, ...] = ("killed", "injured", "survived", "unknown")
_FACTUAL = frozenset({"asserted", "attributed", "suspected", "disputed"})
#: Triggers of a seizure of a person (not a sentence or a prison term).
_SEIZURES = frozenset({"arrest", "detain", "detention"})
#: Modes that name a distinct kind of act: an abduction, a beating and a
#: killing of the same person are three events; a poisoning and a killing
#: ("poisoned", "killed him") may be one.
DISTINCT = frozenset(
    {"abduct", "beat", "torture", "sexual", "arrest", "seize", "deport", "censor", "cyber"}
    | {"misinformation", "release", "withdraw", "restrict"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One mention of an event, with everything read around its trigger."""

    type: str
    key: str  # the trigger's pattern
    modes: tuple[str, ...]
    contexts: tuple[str, ...]
    actors: tuple[str, ...]
    actor_states: tuple[str, ...]  # states among or behind the actors
    recipients: tuple[str, ...]
    people: tuple[str, ...]  # recipients who are people or organisations
    described: bool
    standalone: bool
    strength: int  # 2 a clause, 1 a noun phrase referring back, 0 a weak cue
    status: EventStatus
    source: str | None
    date: str | None
    location: str | None
    country: str | None
    instrument: tuple[str, ...]
    outcome: Outcome | None
    fatalities: int | None
    evidence: tuple[int, int]
    trigger: tuple[int, int]
    paragraph: int = 0
    custody_unseen: bool = False  # a release with no word of custody near it

    @property
    def score(self) -> tuple[int, ...]:
        return (
            int(self.standalone),
            self.strength,
            int(bool(self.recipients)),
            int(bool(self.actors)),
            int(self.date is not None) + int(self.location is not None),
            -self.trigger[0],
        )


@dataclass
class _Group:
    members: list[Candidate] = field(default_factory=list)

    @property
    def first(self) -> Candidate:
        return self.members[0]

    def names(self, attr: str) -> set[str]:
        return {n for m in self.members for n in getattr(m, attr)}

    def dates(self) -> set[str]:
        return {m.date for m in self.members if m.date}

    def countries(self) -> set[str]:
        return {m.country for m in self.members if m.country}


def _dates_agree(dates: set[str], date: str | None) -> bool:
    return date is None or all(d.startswith(date) or date.startswith(d) for d in dates)


def _modes_agree(group: _Group, c: Candidate) -> bool:
    """Mentions of distinct kinds of act ("abducted" and "beaten") stay apart."""
    return group.names("modes") & DISTINCT == set(c.modes) & DISTINCT


def _same(group: _Group, c: Candidate) -> bool:
    first = group.first
    if first.type != c.type or not _modes_agree(group, c):
        return False
    if not _dates_agree(group.dates(), c.date):
        return False
    shared = group.names("recipients") & set(c.recipients)
    if shared:
        return bool(shared & (group.names("people") & set(c.people))) or first.key == c.key
    if group.names("recipients") or c.recipients or c.described or first.described:
        return False
    actors = group.names("actors") | group.names("actor_states")
    countries = group.countries()
    return bool(actors & {*c.actors, *c.actor_states}) and (
        c.country is None or not countries or c.country in countries
    )


def _same_unnamed(group: _Group, c: Candidate) -> bool:
    """ "police detained a 34-year-old man" and "the suspect was detained on
    Wednesday in Graz": one arrest of one unnamed person, if nothing disagrees."""
    first = group.first
    if first.type != c.type or not first.described or not _modes_agree(group, c):
        return False
    places = {m.location for m in group.members if m.location}
    actors = group.names("actors")
    return (
        _dates_agree(group.dates(), c.date)
        and (c.location is None or not places or c.location in places)
        and (not c.actors or not actors or bool(actors & set(c.actors)))
    )


def merge(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Groups of mentions of one incident each, in document order."""
    groups: list[_Group] = []
    loose: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: c.trigger):
        if c.described and not c.recipients:
            loose.append(c)
            continue
        target = next((g for g in groups if _same(g, c)), None)
        if target is None:
            groups.append(_Group([c]))
        else:
            target.members.append(c)
    for c in loose:
        named = [
            g
            for g in groups
            if g.first.type == c.type
            and g.names("people")
            and set(c.modes) & DISTINCT
            and _modes_agree(g, c)
            and _dates_agree(g.dates(), c.date)
        ]
        if len(named) == 1:
            named[0].members.append(c)
            continue
        unnamed = [g for g in groups if not g.names("recipients") and _same_unnamed(g, c)]
        if len(unnamed) == 1:
            unnamed[0].members.append(c)
        elif c.standalone:
            groups.append(_Group([c]))
    _absorb_captivity(groups)
    return [g.members for g in groups if any(m.standalone for m in g.members)]


def _absorb_captivity(groups: list[_Group]) -> None:
    """One captivity, told as a detention and as an abduction, is one incident.

    "an investigation into her detention" after her abduction refers to the
    abduction; "soldiers detained the priest ... they took him away" told in
    neighbouring paragraphs is one seizure (it keeps the type of its stronger
    account). A sentence or a prison term is another incident.
    """
    abducted = [g for g in groups if g.first.type == "ASSAULT" and "abduct" in g.names("modes")]
    for group in list(groups):
        if group.first.type != "COERCE" or not group.names("people"):
            continue
        if not {m.key for m in group.members} <= _SEIZURES:
            continue
        home = next((a for a in abducted if _same_captivity(a, group)), None)
        if home is None:
            continue
        weak = all(m.strength <= 1 for m in group.members)
        if not weak and _rank(group) < _rank(home):
            home.members[:] = [_as(m, group.first) for m in home.members]
            home.members.extend(group.members)
        else:
            home.members.extend(_as(m, home.first, standalone=False) for m in group.members)
        groups.remove(group)


def _same_captivity(abduction: _Group, detention: _Group) -> bool:
    if not detention.names("people") <= abduction.names("people"):
        return False
    if any(m.strength > 1 for m in detention.members):
        near = {m.paragraph for m in abduction.members}
        if not any(abs(m.paragraph - p) <= 1 for m in detention.members for p in near):
            return False
    dates = abduction.dates()
    return all(_dates_agree(dates, d) for d in detention.dates())


def _rank(group: _Group) -> tuple[int, ...]:
    best = _best(group.members)
    return (STATUS_ORDER.index(best.status), *(-v for v in best.score))


def _as(member: Candidate, like: Candidate, standalone: bool | None = None) -> Candidate:
    keep = member.standalone if standalone is None else standalone
    return replace(member, type=like.type, modes=like.modes, standalone=keep)


def _best(members: Sequence[Candidate]) -> Candidate:
    return max(members, key=lambda m: m.score)


def _status(members: Sequence[Candidate]) -> tuple[EventStatus, str | None]:
    strongest = max(m.strength for m in members)
    top = [m for m in members if m.strength == strongest]
    chosen = min(top, key=lambda m: STATUS_ORDER.index(m.status))
    return chosen.status, chosen.source if chosen.status == "attributed" else None


def _first(values: Sequence[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _union(values: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for vs in values for v in vs))


def _outcome(members: Sequence[Candidate]) -> tuple[Outcome | None, int | None]:
    factual = [m for m in members if m.status in _FACTUAL] or list(members)
    outcomes = [m.outcome for m in factual if m.outcome] or [
        m.outcome for m in members if m.outcome
    ]
    if not outcomes:
        return None, None
    outcome = min(outcomes, key=_OUTCOME_ORDER.index)
    counts = [m.fatalities for m in members if m.fatalities is not None and m.outcome == outcome]
    return outcome, max(counts) if counts else None


def build(article: Article, members: Sequence[Candidate]) -> Event:
    """The event a group of mentions states."""
    best = _best(members)
    ordered = [
        best,
        *sorted((m for m in members if m is not best), key=lambda m: m.score, reverse=True),
    ]
    status, source = _status(members)
    outcome, fatalities = _outcome(members)
    located = next((m for m in ordered if m.location), None)
    country = next((m.country for m in ordered if m.country), None)
    start, end = best.evidence
    prov = article.prov
    return Event(
        id=make_id("v", prov.source_sha256, prov.document, start, end),
        prov=Provenance(
            prov.source_path, prov.source_sha256, prov.document, article.id, start, end
        ),
        type=best.type,
        evidence=article.text[start - article.start : end - article.start],
        mode=_union([m.modes for m in ordered]),
        context=_union([m.contexts for m in ordered]),
        actors=_union([m.actors for m in ordered]),
        recipients=_union([m.recipients for m in ordered]),
        date=_first([m.date for m in ordered]),
        location=located.location if located else None,
        country=located.country if located and located.country else country,
        instrument=_union([m.instrument for m in ordered]),
        outcome=outcome if best.type == "ASSAULT" else None,
        fatalities=fatalities if best.type == "ASSAULT" else None,
        status=status,
        source=source,
        mentions=tuple(sorted({m.trigger for m in members})),
    )
