"""The gate's own rules: flattening, checking and raising minimums."""

from __future__ import annotations

from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate.gate import Task, check, flatten, gold_hash, raise_minimums

TASK = Task("t", "native", "gold", gold_hash="h", minimums={"quotes.f1": 0.5})


def test_flatten_keeps_scores_and_drops_counts() -> None:
    report = {
        "format": "khronika-gold/1",
        "documents": 3,
        "quotes": {"f1": 0.75, "precision": None},
        "events": {"by_type": {"ASSAULT": {"f1": 1.0, "gold": 4, "predicted": 2}}},
    }
    assert flatten(report) == {
        "quotes.f1": 0.75,
        "quotes.precision": None,
        "events.by_type.ASSAULT.f1": 1.0,
    }


@pytest.mark.parametrize(
    ("scores", "problems"),
    [
        ({"quotes.f1": 0.5}, 0),
        ({"quotes.f1": 0.7}, 0),
        ({"quotes.f1": 0.49}, 1),
        ({"quotes.f1": None}, 1),
        ({}, 1),
    ],
)
def test_check_names_each_figure_below_its_minimum(
    scores: dict[str, float | None], problems: int
) -> None:
    assert len(check(TASK, scores, "h")) == problems


def test_a_changed_gold_fails_the_check() -> None:
    assert any("gold changed" in p for p in check(TASK, {"quotes.f1": 0.9}, "other"))


def test_minimums_rise_but_do_not_fall_without_permission() -> None:
    raised, changes = raise_minimums(TASK, {"quotes.f1": 0.81239, "times.f1": 0.1}, "h")
    assert raised.minimums == {"quotes.f1": 0.8123, "times.f1": 0.1}
    assert len(changes) == 2
    with pytest.raises(InputError, match="allow-lower"):
        raise_minimums(TASK, {"quotes.f1": 0.2}, "h")
    lowered, _ = raise_minimums(TASK, {"quotes.f1": 0.2}, "h", allow_lower=True)
    assert lowered.minimums == {"quotes.f1": 0.2}


def test_minimums_measured_on_other_gold_are_replaced() -> None:
    moved, _ = raise_minimums(TASK, {"quotes.f1": 0.2}, "new")
    assert moved.minimums == {"quotes.f1": 0.2} and moved.gold_hash == "new"


def test_gold_hash_depends_on_content_names_and_limit(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("1")
    first = gold_hash(tmp_path)
    assert gold_hash(tmp_path) == first
    assert gold_hash(tmp_path, limit=5) != first
    (tmp_path / "a.json").write_text("2")
    assert gold_hash(tmp_path) != first
