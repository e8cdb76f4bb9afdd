"""Scoring a part of a corpus: documents chosen by name, links cut to the part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate import evaluate
from khronika.evaluate.gold import GoldContradiction, GoldFile, GoldLinks
from khronika.evaluate.select import Selection

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "khronika" / "data"


def _gold(name: str) -> GoldFile:
    return GoldFile(name, None, None, None, None, None)


LINKS = GoldLinks(
    duplicates=(("a.txt#a1", "b.txt#a1"), ("a.txt#a1", "c.txt#a1")),
    same_event=(("a.txt#e1", "b.txt#e1", "c.txt#e2"),),
    optional_same_event=(("b.txt#e3", "c.txt#e3"),),
    contradictions=(
        GoldContradiction(("a.txt#e1", "b.txt#e1"), "date", False),
        GoldContradiction(("a.txt#e1", "c.txt#e2"), "place", False),
    ),
)
FILES = [_gold("a.txt"), _gold("b.txt"), _gold("c.txt")]


def test_only_and_skip_patterns_choose_documents() -> None:
    selection = Selection(only=("a*", "b*"), skip=("b*",))
    assert [f.document for f in selection.gold(FILES, None)[0]] == ["a.txt"]
    assert Selection().everything
    assert not Selection(skip=("x",)).everything


def test_links_are_cut_to_the_selected_documents() -> None:
    files, links = Selection(skip=("c.txt",)).gold(FILES, LINKS)
    assert [f.document for f in files] == ["a.txt", "b.txt"]
    assert links is not None
    assert links.duplicates == (("a.txt#a1", "b.txt#a1"),)
    # the group keeps its members inside the part; a group of one is no pair
    assert links.same_event == (("a.txt#e1", "b.txt#e1"),)
    assert links.optional_same_event == ()
    assert [c.field for c in links.contradictions] == ["date"]


def test_a_selection_matching_nothing_is_an_error() -> None:
    with pytest.raises(InputError, match="no gold document matches only z"):
        Selection(only=("z*",)).gold(FILES, LINKS)


def test_a_part_of_the_sample_scores_only_its_documents(tmp_path: Path) -> None:
    """Also checks that symbolic links in the corpus keep the gold's names."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in (SAMPLE / "sample").iterdir():
        (corpus / source.name).symlink_to(source)
    gold = SAMPLE / "sample_gold"
    part = evaluate(gold, corpus=corpus, selection=Selection(only=("irpin_*",)))
    assert part["documents"] == 1
    whole = evaluate(gold, corpus=corpus)
    assert whole["documents"] == len(list(gold.glob("*.gold.json")))


def test_benchmarks_refuse_a_selection(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "sample" / "irpin_abduction.txt", tmp_path / "x.txt")
    with pytest.raises(InputError, match="native format"):
        evaluate(tmp_path, format="conll2003", selection=Selection(only=("x",)))
