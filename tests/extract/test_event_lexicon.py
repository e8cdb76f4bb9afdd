"""The event trigger lexicon and word classes as data (khronika.extract.event_lexicon)."""

from __future__ import annotations

from importlib.resources import files

import pytest

from khronika.extract.event_lexicon import (
    TRIGGERS,
    WORDS,
    has_phrase,
    noun_forms,
    trigger_table,
    verb_forms,
    words,
)
from khronika.nlp import load_nlp
from khronika.settings import Settings

TYPES = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "AID", "RETREAT", "-"}
FLAGS = {
    "needrcp", "needactor", "person", "subjrcp", "weapon", "physical", "takeaway",
    "instrument", "substance", "found", "killed", "weak", "reference", "military",
    "custody", "state",
}  # fmt: skip
OPTIONS = {"rcp", "cue"}


def _lines(name: str) -> list[list[str]]:
    text = (files("khronika") / "data" / "lexicons" / name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@pytest.mark.parametrize("cells", _lines(TRIGGERS), ids=lambda c: c[0])
def test_every_trigger_is_well_formed_and_commented(cells: list[str]) -> None:
    assert len(cells) == 7, cells
    pattern, pos, kind, _, _, flags, comment = cells
    assert pattern.strip() and comment.strip()
    assert pos in ("V", "N", "A")
    assert kind in TYPES
    for flag in filter(None, flags.split("|")):
        name = flag.split("=", 1)[0]
        assert name in (OPTIONS if "=" in flag else FLAGS), flag


@pytest.mark.parametrize("cells", _lines(WORDS), ids=lambda c: c[0])
def test_every_word_class_is_commented(cells: list[str]) -> None:
    assert len(cells) == 3 and all(c.strip() for c in cells), cells


def test_the_lexicon_loads() -> None:
    table = trigger_table()
    assert len(table.triggers) == len(_lines(TRIGGERS))


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("kill", {"kills", "killed", "killing"}),
        ("kidnap", {"kidnapped", "kidnapping", "kidnaps"}),
        ("stab", {"stabbed", "stabbing"}),
        ("seize", {"seized", "seizing", "seizes"}),
        ("deny", {"denied", "denies"}),
        ("poison", {"poisoned", "poisoning"}),
    ],
)
def test_verb_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= verb_forms(lemma)


def test_noun_forms() -> None:
    assert noun_forms("poisoning") == {"poisoning", "poisonings"}
    assert noun_forms("attempt") == {"attempt", "attempts"}


def test_word_classes_and_phrases() -> None:
    assert "said" in words("report") and "believes" in words("hedge_verb")
    assert has_phrase(["he", "is", "fighting", "for", "his", "life"], "injured")
    assert has_phrase(["shelled", "almost", "daily"], "habitual")
    assert not has_phrase(["he", "was", "arrested"], "habitual")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They kept tabs on the exiles.", ["keep|kept tabs on"]),
        ("He was set free on Monday.", ["set free"]),
        ("They set him free on Monday.", ["set * free"]),
        ("He died of a heart attack.", []),
        ("The poisoning of the editor shocked them.", ["poisoning"]),
        ("After a poison attack he fell ill.", ["poison attack"]),
        ("The strike hit back against critics.", []),
    ],
)
def test_triggers_in_a_parse(text: str, found: list[str]) -> None:
    doc = load_nlp(Settings().spacy_model)(text)
    assert [h.trigger.key for h in trigger_table().find(doc)] == found
