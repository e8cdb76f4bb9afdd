"""Review decisions: a person accepts, corrects or rejects what was extracted.

:func:`record` checks a decision and stores it with its time, its reviewer
and the values it replaces; the ``effective_*`` functions read the records
with their decisions applied. The latest decision on a record wins, and
corrections accumulate: a correction of the date after a correction of the
place keeps both, a rejection hides the event, and a later acceptance or
correction brings it back. Decisions are kept by record id, and ids are
deterministic, so they survive re-ingesting the same file.

Decisions by target (every decision may also carry a ``note``):

=============  ==========  ====================================================
target         decision    fields
=============  ==========  ====================================================
event          accept      none
event          reject      none
event          correct     any of :data:`EVENT_FIELDS`, at least one
entity         merge       ``with``: the id of the entity it is the same as
entity         split       ``from``: the id of an entity it is *not* the same as
entity         correct     ``name`` and/or ``type``
contradiction  resolve     ``value`` (the value that holds), both optional
=============  ==========  ====================================================

Field values in :class:`~khronika.model.ReviewDecision` (``fields`` and
``previous``) are JSON texts: ``'"1978-09"'``, ``'["KGB"]'``, ``'3'``,
``'null'``; :func:`decoded` turns them back into values.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Final, Literal, get_args

from khronika.errors import InputError, NotFoundError
from khronika.model import (
    Decision,
    EntityType,
    Event,
    EventStatus,
    Outcome,
    ReviewDecision,
    ReviewTarget,
    make_id,
)
from khronika.store import Store

ReviewState = Literal["unreviewed", "accepted", "corrected", "rejected"]

# The sixteen event types of PLOVER (Halterman et al., PLOVER manual 2023).
PLOVER_TYPES: Final = frozenset((
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
))  # fmt: skip
EVENT_FIELDS: Final = (
    "type", "mode", "context", "actors", "recipients", "date", "location", "country",
    "instrument", "outcome", "fatalities", "status",
)  # fmt: skip
DECISIONS: Final[dict[ReviewTarget, tuple[Decision, ...]]] = {
    "event": ("accept", "reject", "correct"),
    "entity": ("merge", "split", "correct"),
    "contradiction": ("resolve",),
}
_FIELDS: Final[dict[tuple[ReviewTarget, Decision], frozenset[str]]] = {
    ("event", "accept"): frozenset(),
    ("event", "reject"): frozenset(),
    ("event", "correct"): frozenset(EVENT_FIELDS),
    ("entity", "merge"): frozenset({"with"}),
    ("entity", "split"): frozenset({"from"}),
    ("entity", "correct"): frozenset({"name", "type"}),
    ("contradiction", "resolve"): frozenset({"value"}),
}
_REQUIRED: Final[dict[tuple[ReviewTarget, Decision], frozenset[str]]] = {
    ("entity", "merge"): frozenset({"with"}),
    ("entity", "split"): frozenset({"from"}),
}
_LIST_FIELDS: Final = frozenset({"mode", "context", "actors", "recipients", "instrument"})
_DATE = re.compile(r"\d{3}|\d{4}(-\d{2}(-\d{2})?)?")
_COUNTRY = re.compile(r"[A-Z]{2}")
_MAX_TEXT: Final = 2000
#: Bounds that keep one review request small: list fields, and a death toll.
_MAX_ITEMS: Final = 100
_MAX_FATALITIES: Final = 10_000_000

Value = str | int | list[str] | None


@dataclass(frozen=True, slots=True)
class ReviewedEvent:
    """An event as reviewed: ``event`` has the corrections applied.

    ``state`` sums up the latest decision (``latest``); ``history`` holds
    every decision on the event, oldest first.
    """

    event: Event
    original: Event
    state: ReviewState
    latest: ReviewDecision | None = None
    history: tuple[ReviewDecision, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityReview:
    """What reviewers decided about one entity.

    ``name`` and ``type`` are corrections (``None`` where none was made);
    ``same_as`` and ``not_same_as`` the entity ids it was merged with or
    split from, a later decision on the same pair overriding an earlier one.
    """

    entity_id: str
    name: str | None = None
    type: EntityType | None = None
    same_as: tuple[str, ...] = ()
    not_same_as: tuple[str, ...] = ()
    latest: ReviewDecision | None = None
    history: tuple[ReviewDecision, ...] = ()


# -- recording -------------------------------------------------------------


def record(
    store: Store,
    target: str,
    target_id: str,
    decision: str,
    fields: Mapping[str, object] | None,
    reviewer: str,
    *,
    now: datetime | None = None,
) -> ReviewDecision:
    """Check one decision, store it with the values it replaces, and return it.

    :class:`NotFoundError` if ``target_id`` names no stored record (or an
    entity to merge with or split from is unknown); :class:`InputError` for
    an unknown target or decision, a field the decision does not take, a bad
    value or an empty reviewer name.
    """
    kind = _target(target)
    choice = _decision(kind, decision)
    _readable("id", target_id)
    who = " ".join(_readable("reviewer", str(reviewer or "")).split())
    if not who:
        raise InputError("a review needs the reviewer's name")
    if len(who) > 200:
        raise InputError("the reviewer's name is longer than 200 characters")
    if not store.review_target_exists(kind, target_id):
        raise NotFoundError(f"no {kind} with id {target_id!r} to review")
    values = _checked_fields(store, kind, choice, target_id, fields or {})
    history = store.reviews(kind, target_id)
    previous = _previous(store, kind, choice, target_id, values, history)
    at = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    encoded = tuple((name, _json(value)) for name, value in values.items())
    result = ReviewDecision(
        id=make_id("r", target_id, kind, choice, who, at, json.dumps(encoded)),
        target=kind,
        target_id=target_id,
        decision=choice,
        reviewer=who,
        at=at,
        fields=encoded,
        previous=tuple((name, _json(value)) for name, value in previous.items()),
    )
    store.add_review(result)
    return result


def decoded(pairs: Iterable[tuple[str, str]]) -> dict[str, object]:
    """The ``fields`` or ``previous`` of a decision as a dict of values."""
    return {name: json.loads(text) for name, text in pairs}


def _target(target: str) -> ReviewTarget:
    for kind in get_args(ReviewTarget):
        if target == kind:
            return kind  # type: ignore[no-any-return]  # a member of the Literal
    raise InputError(f"cannot review a {target!r}; targets are {', '.join(DECISIONS)}")


def _decision(target: ReviewTarget, decision: str) -> Decision:
    for choice in DECISIONS[target]:
        if decision == choice:
            return choice
    allowed = ", ".join(DECISIONS[target])
    raise InputError(f"{decision!r} is not a decision on a review of {target}s; use {allowed}")


def _checked_fields(
    store: Store,
    target: ReviewTarget,
    decision: Decision,
    target_id: str,
    fields: Mapping[str, object],
) -> dict[str, Value]:
    allowed = _FIELDS[(target, decision)] | {"note"}
    unknown = sorted(str(name) for name in fields if name not in allowed)
    if unknown:
        raise InputError(
            f"{target} {decision}: unknown field(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(allowed))}"
        )
    missing = sorted(_REQUIRED.get((target, decision), frozenset()) - set(fields))
    if missing:
        raise InputError(f"{target} {decision}: needs the field(s) {', '.join(missing)}")
    if decision == "correct" and not set(fields) - {"note"}:
        raise InputError(f"{target} correct: name at least one field to correct")
    values = {name: _value(target, name, value) for name, value in fields.items()}
    for name in ("with", "from"):
        other = values.get(name)
        if other is None:
            continue
        if other == target_id:
            raise InputError(f"entity {decision}: an entity cannot be {decision}d with itself")
        if not store.review_target_exists("entity", str(other)):
            raise NotFoundError(f"no entity with id {other!r} to {decision} with")
    return values


def _value(target: ReviewTarget, name: str, value: object) -> Value:
    """One field value, checked and normalised; :class:`InputError` if bad."""
    if name in _LIST_FIELDS:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{name} must be a list of strings, not {_shown(value)}")
        if len(value) > _MAX_ITEMS:
            raise InputError(f"{name} has {len(value)} items; at most {_MAX_ITEMS} are kept")
        items = [_text(name, v) for v in value]
        if name in {"mode", "context"}:
            items = [v.lower() for v in items]
        return [v for v in items if v]
    if name == "fatalities":
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 <= value <= _MAX_FATALITIES
        ):
            raise InputError(
                f"fatalities must be a whole number from 0 to {_MAX_FATALITIES:,}, "
                f"not {_shown(value)}"
            )
        return value
    if value is None and name in {"date", "location", "country", "outcome", "value", "note"}:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be a string, not {_shown(value)}")
    text = _text(name, value)
    checks: dict[str, Callable[[str, str], str]] = {
        "type": _one_of(PLOVER_TYPES if target == "event" else get_args(EntityType), upper=True),
        "status": _one_of(get_args(EventStatus)),
        "outcome": _one_of(get_args(Outcome)),
        "date": _date,
        "country": _country,
    }
    check = checks.get(name)
    if check is not None:
        text = check(name, text)
    elif not text and name != "note":
        raise InputError(f"{name} must not be empty")
    return text


def _text(name: str, value: str) -> str:
    text = " ".join(_readable(name, value).split())
    if len(text) > _MAX_TEXT:
        raise InputError(f"{name} is longer than {_MAX_TEXT} characters")
    return text


def _readable(name: str, value: str) -> str:
    """``value`` unless it holds a lone surrogate or a control character (NUL, ESC, ...)."""
    for char in value:
        if "\ud800" <= char <= "\udfff":
            raise InputError(f"{name} holds a lone surrogate (U+{ord(char):04X}), not text")
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            raise InputError(f"{name} holds the control character U+{ord(char):04X}")
    return value


def _shown(value: object) -> str:
    """A value for an error message: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."


class _Check:
    """Checks that a value is one of a closed set (``type``, ``status``, ``outcome``)."""

    def __init__(self, allowed: Iterable[str], *, upper: bool) -> None:
        self.allowed = frozenset(allowed)
        self.upper = upper

    def __call__(self, name: str, text: str) -> str:
        value = text.upper() if self.upper else text.lower()
        if value not in self.allowed:
            raise InputError(f"{name} {text!r} is not one of {', '.join(sorted(self.allowed))}")
        return value


def _one_of(allowed: Iterable[str], *, upper: bool = False) -> _Check:
    return _Check(allowed, upper=upper)


def _date(name: str, text: str) -> str:
    """An ISO date prefix: ``1978``, ``1978-09``, ``1978-09-07`` (or a decade, ``197``)."""
    if _DATE.fullmatch(text):
        if len(text) == 3:
            return text
        parts = [int(part) for part in text.split("-")] + [1, 1]
        try:
            date(parts[0], parts[1], parts[2])
        except ValueError:
            pass
        else:
            return text
    raise InputError(f"{name} {text!r} is not an ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD)")


def _country(name: str, text: str) -> str:
    code = text.upper()
    if not _COUNTRY.fullmatch(code):
        raise InputError(f"{name} {text!r} is not a two-letter ISO 3166 country code")
    return code


def _previous(
    store: Store,
    target: ReviewTarget,
    decision: Decision,
    target_id: str,
    values: Mapping[str, Value],
    history: list[ReviewDecision],
) -> dict[str, Value]:
    """The values a decision replaces.

    A correction replaces field values (as corrected so far); any other
    decision replaces the latest decision on the record, if there was one.
    """
    if decision == "correct" and target == "event":
        event = _apply_all(_event(store, target_id), history).event
        return {name: _event_value(event, name) for name in values if name != "note"}
    if decision == "correct" and target == "entity":
        review = _entity_review(target_id, history)
        name, kind = _entity_name_type(store, target_id)
        current: dict[str, Value] = {"name": review.name or name, "type": review.type or kind}
        return {field: current[field] for field in values if field != "note"}
    if not history:
        return {}
    latest = history[-1]
    return {"decision": latest.decision, **decoded(latest.fields)}  # type: ignore[dict-item]


def _event_value(event: Event, name: str) -> Value:
    value = getattr(event, name)
    return list(value) if isinstance(value, tuple) else value


def _event(store: Store, event_id: str) -> Event:
    return store.event(event_id)


def _entity_name_type(store: Store, entity_id: str) -> tuple[str, str]:
    for summary in store.entities():
        if summary.entity.id == entity_id:
            return summary.entity.name, summary.entity.type
    raise NotFoundError(f"no entity with id {entity_id!r}; see 'khronika entities'")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- reading ---------------------------------------------------------------


def reviewed_events(store: Store) -> list[ReviewedEvent]:
    """Every stored event with its decisions applied, rejected ones included."""
    by_event: dict[str, list[ReviewDecision]] = {}
    for decision in store.reviews("event"):
        by_event.setdefault(decision.target_id, []).append(decision)
    return [_apply_all(event, by_event.get(event.id, [])) for event in store.events()]


def effective_events(store: Store) -> list[ReviewedEvent]:
    """The events as reviewed, in source order, without the rejected ones."""
    return [r for r in reviewed_events(store) if r.state != "rejected"]


def effective_event(store: Store, event_id: str) -> ReviewedEvent:
    """One event as reviewed (a rejected one too: see ``state``).

    :class:`NotFoundError` if no event has this id.
    """
    return _apply_all(_event(store, event_id), store.reviews("event", event_id))


def _apply_all(event: Event, history: list[ReviewDecision]) -> ReviewedEvent:
    current = event
    state: ReviewState = "unreviewed"
    for decision in history:
        if decision.decision == "correct":
            current = _corrected(current, decoded(decision.fields))
            state = "corrected"
        elif decision.decision == "accept":
            state = "accepted"
        elif decision.decision == "reject":
            state = "rejected"
    return ReviewedEvent(
        event=current,
        original=event,
        state=state,
        latest=history[-1] if history else None,
        history=tuple(history),
    )


def _corrected(event: Event, values: Mapping[str, object]) -> Event:
    changes = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in values.items()
        if name in EVENT_FIELDS
    }
    return replace(event, **changes)  # type: ignore[arg-type]  # checked by _value


def entity_reviews(store: Store) -> dict[str, EntityReview]:
    """What reviewers decided about each reviewed entity, by entity id."""
    by_entity: dict[str, list[ReviewDecision]] = {}
    for decision in store.reviews("entity"):
        by_entity.setdefault(decision.target_id, []).append(decision)
    return {eid: _entity_review(eid, history) for eid, history in by_entity.items()}


def _entity_review(entity_id: str, history: list[ReviewDecision]) -> EntityReview:
    name: str | None = None
    kind: EntityType | None = None
    pairs: dict[str, bool] = {}  # other entity id -> same?
    for decision in history:
        values = decoded(decision.fields)
        if decision.decision == "correct":
            name = str(values["name"]) if "name" in values else name
            kind = values.get("type", kind)  # type: ignore[assignment]  # checked on record
        elif decision.decision == "merge":
            pairs[str(values["with"])] = True
        elif decision.decision == "split":
            pairs[str(values["from"])] = False
    return EntityReview(
        entity_id=entity_id,
        name=name,
        type=kind,
        same_as=tuple(other for other, same in pairs.items() if same),
        not_same_as=tuple(other for other, same in pairs.items() if not same),
        latest=history[-1] if history else None,
        history=tuple(history),
    )


def contradiction_resolutions(store: Store) -> dict[str, ReviewDecision]:
    """The latest ``resolve`` decision of each resolved contradiction, by link id."""
    return {decision.target_id: decision for decision in store.reviews("contradiction")}
