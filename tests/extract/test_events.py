"""Events through the whole pipeline (khronika.extract.events).

Every input is a fictional sentence written for these tests. Each table row
states what a reader of the sentence expects: the event's type, its victims
or actors, its status; or that there is no event at all (precision first:
an invented incident costs more than a missed one).
"""

from __future__ import annotations

import pytest

from khronika.extract.events import (
    DEFAULT_EXTRACTOR,
    EventExtractor,
    RuleBasedEventExtractor,
    extract_events,
)
from khronika.model import Event
from khronika.pipeline import analyse_text

pytestmark = pytest.mark.slow


def events_of(text: str, published: str = "2024-05-01") -> tuple[Event, ...]:
    return analyse_text(text, published=published, split=False)[0].events


def only(text: str) -> Event:
    found = events_of(text)
    assert len(found) == 1, [(e.type, e.recipients, e.evidence) for e in found]
    return found[0]


# --- constructions: who did what to whom ---------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "recipients"),
    [
        # passive: the subject is the victim
        (
            "The journalist Anton Velikov was stabbed with a poisoned needle in Sofia in 1981.",
            "ASSAULT",
            ("Anton Velikov",),
        ),
        # a relative clause on a named victim
        (
            "The court heard from friends of defector Boris Kaminsky, who was poisoned "
            "with polonium in Vienna in 2009.",
            "ASSAULT",
            ("Boris Kaminsky",),
        ),
        # nominalisations with "of"
        (
            "Historians still debate the assassination of exiled poet Arkady Levin "
            "in Mexico City in 1952.",
            "ASSAULT",
            ("Arkady Levin",),
        ),
        (
            "Investigators are still examining the poisoning of Sergei Antonov in Tomsk.",
            "ASSAULT",
            ("Sergei Antonov",),
        ),
        # "X is fighting for his life after a poison attack": X is the victim
        (
            "The activist Dmitri Orlov is fighting for his life after a poison attack.",
            "ASSAULT",
            ("Dmitri Orlov",),
        ),
        # one act, two people: one event with both
        (
            "Police arrested Olga Petrenko and Maria Danylko in Kherson on Monday.",
            "COERCE",
            ("Olga Petrenko", "Maria Danylko"),
        ),
        # a pronoun resolved to the person named before
        (
            "Colonel Ivan Markin arrived in Riga in 1991. He was arrested at the airport.",
            "COERCE",
            ("Ivan Markin",),
        ),
        # "the order to kill X"
        ("The order to kill Viktor Zorin came from the Kremlin.", "ASSAULT", ("Viktor Zorin",)),
        # phrases
        (
            "Breaking diplomatic relations with Russia would be the next step.",
            "SANCTION",
            ("Russia",),
        ),
        (
            "Colonel Pavel Sirko spent a night in a police cell. He was set free when the consul "
            "intervened.",
            "RETREAT",
            ("Pavel Sirko",),
        ),
    ],
)
def test_constructions(text: str, kind: str, recipients: tuple[str, ...]) -> None:
    found = [e for e in events_of(text) if e.type == kind]
    assert found, events_of(text)
    assert found[0].recipients == recipients


def test_plural_nominalisation_gives_one_event_per_victim() -> None:
    found = events_of(
        "In 1937 the kidnappings of émigré generals Ivan Sorokin and Pavel Belov shocked Paris."
    )
    assert sorted(e.recipients for e in found) == [("Ivan Sorokin",), ("Pavel Belov",)]
    assert {e.mode for e in found} == {("abduct",)}


def test_strike_with_fatalities_and_a_national_actor() -> None:
    event = only(
        "Last week one of his trucks was struck by a Russian rocket, killing two of his drivers."
    )
    assert (event.type, event.actors, event.outcome, event.fatalities) == (
        "ASSAULT",
        ("Russia",),
        "killed",
        2,
    )
    assert event.mode == ("heavy-weapons",)


def test_deaths_caused_by_an_attack_are_its_outcome() -> None:
    event = only(
        "Seven people were killed when a Russian missile hit a bus station in Kharkiv on Monday."
    )
    assert (event.actors, event.outcome, event.fatalities) == (("Russia",), "killed", 7)


def test_poisoning_fields() -> None:
    event = only("Defector Boris Kaminsky was poisoned with polonium in Vienna in 2009.")
    assert event.mode == ("targeted", "unconventional")
    assert "cbrn" in event.context
    assert event.instrument == ("polonium",)
    assert event.outcome == "unknown"


def test_injured_victim() -> None:
    event = only("The activist Dmitri Orlov is fighting for his life after a poison attack.")
    assert (event.outcome, event.fatalities) == ("injured", 0)


def test_actor_from_an_organisation_in_the_subject() -> None:
    event = only("In 1979 KGB officers snatched the translator Nikolai Ostrov from a street.")
    assert event.actors[0] == "KGB"
    assert event.mode == ("abduct",)


def test_men_who_named_their_service_are_its_officers_not_the_speaker() -> None:
    # The small parser hangs "took" off "said" with "men" as its object: the
    # speaker is not the abductor.
    event = only(
        "Olha Marchenko, 41, said men who introduced themselves as officers of the FSB "
        "took her from her flat in Hostomel."
    )
    assert event.mode == ("abduct",)
    assert "Olha Marchenko" not in event.actors
    assert event.actors and event.actors[0] == "FSB"
    assert event.recipients == ("Olha Marchenko",)


def test_actor_of_an_appeal_is_its_addressee_and_the_act_hypothetical() -> None:
    event = only("The senator called on Boris Johnson to ban Vladimir Putin from all summits.")
    assert (event.type, event.actors, event.recipients, event.status) == (
        "SANCTION",
        ("Boris Johnson",),
        ("Vladimir Putin",),
        "hypothetical",
    )


# --- status ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "source"),
    [
        ("Police arrested the blogger Petr Ilic in Split on Monday.", "asserted", None),
        (
            "Prosecutor Anna Kovac said police had arrested the blogger Petr Ilic in Split.",
            "attributed",
            "Anna Kovac",
        ),
        (
            "Lena Orlova, a nurse from Mariupol, said: “They beat me in the cell every night.”",
            "attributed",
            "Lena Orlova",
        ),
        ("The dissident Yuri Balan was reportedly poisoned in Kyiv in 2015.", "suspected", None),
        ("Colleagues of Oleg Marchuk believe he was poisoned.", "suspected", None),
        (
            "The banker Anton Gerasimov was found dead in his flat in Riga in May 2019. "
            "Police ruled his death a suicide, but his friends dispute that.",
            "disputed",
            None,
        ),
        ("The ministry denied that its officers had detained Olga Marchenko.", "denied", None),
        ("The government could expel the journalist Karl Weiss.", "hypothetical", None),
        ("Authorities plan to deport the activist Nadia Fomina.", "future", None),
        ("The court will sentence Mikhail Roshin next week.", "future", None),
        ("Police did not arrest the blogger Ivan Bury.", "negated", None),
    ],
)
def test_status(text: str, status: str, source: str | None) -> None:
    event = only(text)
    assert (event.status, event.source) == (status, source)


def test_hedged_mention_outranks_a_bare_death() -> None:
    event = only(
        "The exiled writer Irina Lebed was found dead in a hotel in Prague in 2018. Czech "
        "police said there was no evidence of foul play, but her friends believe she was "
        "poisoned."
    )
    assert (event.status, event.recipients, event.outcome) == (
        "suspected",
        ("Irina Lebed",),
        "killed",
    )
    assert len(event.mentions) == 2


# --- one event per real-world event --------------------------------------------


def test_repeated_mentions_are_merged() -> None:
    text = (
        "Security agents abducted the editor Taras Hlib in Lviv on 3 May 2021. "
        "His colleagues learned of it a day later. "
        "The kidnapping of Taras Hlib was condemned by the union of journalists."
    )
    event = only(text)
    assert event.recipients == ("Taras Hlib",)
    assert len(event.mentions) == 2
    assert event.evidence.startswith("Security agents abducted")
    assert text[event.prov.start : event.prov.end] == event.evidence


def test_distinct_acts_on_one_person_stay_apart() -> None:
    found = events_of(
        "Soldiers abducted the volunteer Halyna Marchuk in Irpin on 9 March 2022. "
        "“They hit me with the butt of a rifle,” Marchuk said."
    )
    assert sorted(e.mode for e in found) == [("abduct",), ("beat",)]
    beating = next(e for e in found if e.mode == ("beat",))
    assert beating.instrument == ("rifle",)
    assert (beating.status, beating.source) == ("attributed", "Halyna Marchuk")


def test_a_detention_retold_as_an_abduction_is_one_incident() -> None:
    event = only(
        "Russian soldiers detained the local priest, Father Mykola Tkach, at his church "
        "on 28 September. He has not been seen since.\n\n"
        "“They came at night, eight men with rifles, and took him away,” said his "
        "neighbour, Olha Shvets."
    )
    assert (event.type, event.recipients, event.status) == (
        "COERCE",
        ("Mykola Tkach",),
        "asserted",
    )
    assert event.actors == ("Russia",)
    assert len(event.mentions) == 2


def test_a_place_attacked_is_a_recipient() -> None:
    event = only(
        "Russian artillery shelled the village of Bilozerka on Sunday, killing three "
        "civilians and wounding eleven."
    )
    assert (event.recipients, event.fatalities, event.mode) == (
        ("Bilozerka",),
        3,
        ("heavy-weapons",),
    )


def test_ids_are_deterministic_and_prefixed() -> None:
    text = "Police arrested the blogger Petr Ilic in Split on Monday."
    first, second = only(text), only(text)
    assert first.id == second.id
    assert first.id.startswith("v_")


def test_one_span_stating_two_events_gives_two_ids() -> None:
    # one evidence span, one event per victim: the store needs an id for each
    found = events_of(
        "Police are investigating the shootings of Ivan Petrenko and Oleh Marchuk "
        "in Kharkiv on Monday, prosecutors said."
    )
    assert sorted(e.recipients for e in found) == [("Ivan Petrenko",), ("Oleh Marchuk",)]
    assert len({e.id for e in found}) == 2
    assert all(e.id.startswith("v_") for e in found)


# --- precision: what is not an event ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # verbal events: statements, accusations, appeals
        "Minister Olena Kravets accused Moscow of lying about the plane.",
        "The senator urged the government to act and said the report was false.",
        # generic statements and capabilities
        "Poisoning is a common tactic of the Russian security services.",
        "The service has the capacity to kill anyone, anywhere, said the analyst Pavel Ruban.",
        # habits, headings
        "Kharkiv has been shelled almost daily since March.",
        "Twin bombings",
        "2019\n\nTwin bombings\nThe attacks came a day later.",
        "Burka ban\nThe government approved the law.",
        # words that look like triggers
        "Viktor Danko attacked the president in a newspaper column last year.",
        "The typhoon killed 40 people in the province of Leyte.",
        "The singer Ana Petric was released from hospital on Monday.",
        "Senator Maria Vlasova withdrew her candidacy in June.",
        "The band Volna released a new album in 2020.",
        "The mayor Igor Sava died of a heart attack in 2011.",
        "The ambassador Oleg Sokol struck a deal with Turkey.",
        "A ban of that kind would hit the regime hard.",
        # a negated habit
        "My department never carried out killings, the general said.",
        # nobody named: no incident to record
        "A series of poison attacks against his opponents followed.",
    ],
)
def test_not_an_event(text: str) -> None:
    assert events_of(text) == ()


def test_header_is_not_read() -> None:
    text = (
        "Police arrest blogger Petr Ilic in Split\n\n"
        "4 June 2024 By Lena Moroz\n\n"
        "The weather in Split was fine on Monday.\n"
    )
    assert analyse_text(text)[0].events == ()


# --- the interface ----------------------------------------------------------------


def test_rule_based_extractor_is_the_default() -> None:
    assert isinstance(DEFAULT_EXTRACTOR, RuleBasedEventExtractor)


def test_another_extractor_can_take_its_place() -> None:
    class Nothing:
        def extract(self, *args: object) -> tuple[Event, ...]:
            return ()

    analysis = analyse_text("Police arrested the blogger Petr Ilic in Split.", split=False)[0]
    extractor: EventExtractor = Nothing()
    found = extract_events(analysis.article, [], (), (), (), (), (), extractor=extractor)
    assert found == ()


def test_a_poisoning_takes_day_and_substance_from_the_scene_beside_it() -> None:
    text = (
        "Marta Lind, an exiled reporter, is in hospital after being poisoned in Riga.\n\n"
        "Marta Lind was eating lunch at a market stall on 3 May when a man bumped into her. "
        "Doctors later found arsenic in Lind's blood.\n\n"
        "Lind moved to Riga in 2019.\n"
    )
    [event] = [e for e in events_of(text, published="2024-05-20") if e.type == "ASSAULT"]
    assert event.date == "2024-05-03"
    assert event.instrument == ("arsenic",)


def test_a_scene_with_two_days_gives_none() -> None:
    text = (
        "Marta Lind, an exiled reporter, is in hospital after being poisoned in Riga.\n\n"
        "Marta Lind was at a market on 3 May and at a café on 5 May, her friends said.\n"
    )
    [event] = [e for e in events_of(text, published="2024-05-20") if e.type == "ASSAULT"]
    assert event.date is None


@pytest.mark.parametrize(
    ("scene", "location"),
    [
        # the scene puts its café in a district of the town the attack names
        ("at a café in Teika, Riga's eastern district,", "Teika"),
        # a scene in another town leaves the place as told
        ("at a café in Jurmala", "Riga"),
    ],
)
def test_a_poisoning_takes_the_place_of_the_scene_only_inside_its_town(
    scene: str, location: str
) -> None:
    text = (
        "Marta Lind, an exiled reporter, is in hospital after being poisoned in Riga.\n\n"
        f"Marta Lind was eating lunch {scene} on 3 May when a man bumped into her.\n"
    )
    [event] = [e for e in events_of(text, published="2024-05-20") if e.type == "ASSAULT"]
    assert (event.date, event.location, event.country) == ("2024-05-03", location, "LV")
