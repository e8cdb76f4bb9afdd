"""Merging mentions into one event per incident (khronika.extract.event_merge)."""

from __future__ import annotations

from dataclasses import replace

from khronika.extract.event_merge import Candidate, build, merge
from khronika.model import Article, Provenance

TEXT = "x" * 400


def mention(**fields: object) -> Candidate:
    base = Candidate(
        type="ASSAULT",
        key="poison",
        modes=("targeted", "unconventional"),
        contexts=(),
        actors=(),
        actor_states=(),
        recipients=("Ivan Petrov",),
        people=("Ivan Petrov",),
        described=False,
        standalone=True,
        strength=2,
        status="asserted",
        source=None,
        date=None,
        location=None,
        country=None,
        instrument=(),
        outcome="unknown",
        fatalities=None,
        evidence=(0, 10),
        trigger=(0, 5),
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def article() -> Article:
    prov = Provenance("<text>", "ab" * 32, 0, "a1", 0, len(TEXT))
    return Article("a1", prov, 0, TEXT, None, None, None, None, None, None)


def test_same_victim_same_kind_of_act_is_one_event() -> None:
    groups = merge(
        [
            mention(trigger=(0, 5), status="attributed", source="Olga Dorn"),
            mention(
                trigger=(50, 55),
                key="kill",
                modes=("targeted",),
                date="2006",
                instrument=("polonium",),
                evidence=(40, 90),
            ),
        ]
    )
    assert len(groups) == 1
    event = build(article(), groups[0])
    assert event.mentions == ((0, 5), (50, 55))
    assert event.status == "asserted" and event.source is None
    assert (event.date, event.instrument) == ("2006", ("polonium",))


def test_abduction_and_beating_of_one_person_are_two_events() -> None:
    groups = merge([mention(modes=("abduct",)), mention(modes=("beat",), trigger=(60, 64))])
    assert len(groups) == 2


def test_dates_that_disagree_keep_events_apart() -> None:
    groups = merge([mention(date="1986"), mention(date="1993", trigger=(60, 64))])
    assert len(groups) == 2


def test_a_described_victim_joins_the_one_named_incident() -> None:
    described = mention(
        recipients=(),
        people=(),
        described=True,
        standalone=False,
        modes=("abduct",),
        date="1978-10",
        trigger=(0, 10),
    )
    named = mention(modes=("abduct",), trigger=(80, 84))
    groups = merge([described, named])
    assert len(groups) == 1
    assert build(article(), groups[0]).date == "1978-10"


def test_a_mention_naming_nobody_is_no_event() -> None:
    assert merge([mention(recipients=(), people=(), standalone=False)]) == []


def test_unnamed_strikes_by_one_state_are_one_incident() -> None:
    first = mention(
        recipients=(),
        people=(),
        actors=("Russia",),
        actor_states=("Russia",),
        modes=("aerial",),
        country="UA",
        date="2024-05-27",
    )
    second = mention(
        recipients=(),
        people=(),
        actors=("Russia's defence ministry", "Russia"),
        actor_states=("Russia",),
        modes=("aerial",),
        status="attributed",
        trigger=(90, 93),
    )
    groups = merge([first, second])
    assert len(groups) == 1
    assert build(article(), groups[0]).status == "asserted"


def test_weak_mentions_give_way_to_stronger_ones() -> None:
    found_dead = mention(
        key="dead",
        strength=0,
        status="disputed",
        outcome="killed",
        fatalities=1,
        modes=("targeted",),
    )
    believed = mention(status="suspected", trigger=(70, 78))
    event = build(article(), merge([found_dead, believed])[0])
    assert (event.status, event.outcome, event.fatalities) == ("suspected", "killed", 1)
