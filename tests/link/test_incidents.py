from dataclasses import replace

import pytest

from khronika.link.compare import compare
from khronika.link.incidents import incident_links, same_event
from khronika.link.places import Located
from khronika.link.reports import Report
from khronika.model import Event, Place, Provenance


def prov(article: str) -> Provenance:
    return Provenance(f"{article}.txt", "0" * 64, 0, article, 0, 10)


KHARKIV = Located(
    Place("p_k", prov("a"), "Kharkiv", 706483, 49.98, 36.25, "UA", None, "city"), 1_421_125
)
SALTIVKA = Located(
    Place("p_s", prov("a"), "Saltivka", 6722148, 50.03, 36.30, "UA", None, "city"), 0
)


def report(eid: str, article: str, **fields: object) -> Report:
    place = fields.pop("place", None)
    recipients = fields.pop("who", frozenset())
    actors = fields.pop("by", frozenset())
    specific = fields.pop("specific", frozenset())
    bodies = fields.pop("bodies", frozenset())
    event = Event(eid, prov(article), fields.pop("type", "ASSAULT"), "evidence", **fields)  # type: ignore[arg-type]
    return Report(
        event,
        article,
        frozenset(actors),
        frozenset(recipients),
        place,  # type: ignore[arg-type]
        frozenset(specific),  # type: ignore[arg-type]
        frozenset(bodies),  # type: ignore[arg-type]
    )


def test_shared_recipient_and_compatible_dates_make_one_incident() -> None:
    a = report("v_1", "a_1", who={"e_korsak"}, date="2024-03-11", mode=("targeted",))
    b = report("v_2", "a_2", who={"e_korsak"}, date="2024-03")
    assert same_event(a, b)
    links = incident_links([a, b])
    assert [(x.left, x.right) for x in links] == [("v_1", "v_2")]


def test_an_abduction_is_not_a_beating_of_the_same_person() -> None:
    a = report("v_1", "a_1", who={"e_s"}, mode=("abduct",))
    b = report("v_2", "a_2", who={"e_s"}, mode=("beat",))
    assert same_event(a, b) is None


def test_dates_that_cannot_both_hold_keep_events_apart() -> None:
    a = report("v_1", "a_1", who={"e_s"}, date="2022-03-09")
    b = report("v_2", "a_2", who={"e_s"}, date="2022-05")
    assert same_event(a, b) is None
    near = replace(b, event=replace(b.event, date="2022-03-11"))
    assert same_event(a, near)  # two days apart: a disagreement about one event


def test_without_recipients_the_same_day_and_place_is_needed() -> None:
    a = report("v_1", "a_1", date="2024-05-27", country="UA", place=KHARKIV, mode=("aerial",))
    b = report(
        "v_2", "a_2", date="2024-05-27", country="UA", place=SALTIVKA, mode=("heavy-weapons",)
    )
    assert same_event(a, b)
    c = report("v_3", "a_3", date="2024-05-27", country="UA", mode=("aerial",))
    assert same_event(a, c) is None  # no place to compare: not enough


def test_events_of_one_article_are_never_linked() -> None:
    a = report("v_1", "a_1", who={"e_s"})
    b = report("v_2", "a_1", who={"e_s"})
    assert incident_links([a, b]) == []


def test_contradictions_and_refinements_field_by_field() -> None:
    a = report(
        "v_1", "a_1", date="2024-05-27", place=KHARKIV, location="Kharkiv", fatalities=9,
        instrument=("guided aerial bomb",), mode=("aerial",), by={"russia"}, actors=("russia",),
    )  # fmt: skip
    b = report(
        "v_2", "a_2", date="2024-05", place=SALTIVKA, location="Saltivka", fatalities=7,
        instrument=("Iskander-M",), mode=("heavy-weapons",), by={"russia", "e_mod"},
        actors=("russia", "e_mod"),
        specific={"e_mod"},
    )  # fmt: skip
    links = compare(a, b, {"e_mod": "Defence Ministry"})
    found = {(x.kind, x.field): x.values for x in links}
    dated = next(x for x in links if x.field == "date")
    assert (dated.left, dated.right) == ("v_2", "v_1")  # the month's report first
    assert found == {
        ("refinement", "date"): ("2024-05", "2024-05-27"),  # the less precise first
        ("refinement", "location"): ("Kharkiv", "Saltivka"),
        ("contradiction", "fatalities"): ("9", "7"),
        ("contradiction", "instrument"): ("guided aerial bomb", "Iskander-M"),
        ("contradiction", "mode"): ("aerial", "heavy-weapons"),
        ("refinement", "actors"): ("russia", "russia, Defence Ministry"),
    }


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # two bodies named as the abductors, none shared: cannot both be true
        ({"e_fsb": "ORG"}, {"e_rosg": "ORG"}, [("contradiction", "actors")]),
        # an officer and his service can both have acted: neither
        ({"e_rudak": "PERSON"}, {"e_kgb": "ORG"}, []),
        # two named people may be two of one group: neither
        ({"e_a": "PERSON"}, {"e_b": "PERSON"}, []),
        # a body against only its state: the body is more precise
        ({"e_fsb": "ORG", "russia": "GPE"}, {"russia": "GPE"}, [("refinement", "actors")]),
    ],
)
def test_actors_contradict_only_when_both_name_different_bodies(
    left: dict[str, str], right: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    def side(eid: str, article: str, actors: dict[str, str]) -> Report:
        return report(
            eid, article, by=set(actors), actors=tuple(actors),
            specific={a for a, t in actors.items() if t in ("ORG", "PERSON")},
            bodies={a for a, t in actors.items() if t == "ORG"},
        )  # fmt: skip

    found = compare(side("v_1", "a_1", left), side("v_2", "a_2", right), {})
    assert [(x.kind, x.field) for x in found] == expected


def test_a_different_day_at_day_precision_is_a_contradiction() -> None:
    a = report("v_1", "a_1", date="2024-03-12")
    b = report("v_2", "a_2", date="2024-03-11")
    assert [(x.kind, x.field) for x in compare(a, b, {})] == [("contradiction", "date")]
