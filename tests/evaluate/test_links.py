"""Scoring cross-document links: refinements flagged as contradictions (ANNOTATION.md)."""

from __future__ import annotations

import json
from pathlib import Path

from khronika.evaluate.events import PredictedLinks, score_links
from khronika.evaluate.gold import load_links


def _links(tmp_path: Path) -> Path:
    path = tmp_path / "links.json"
    path.write_text(
        json.dumps(
            {
                "format": "khronika-links/1",
                "duplicates": [],
                "same_event": [["a#e1", "b#e1"]],
                "contradictions": [{"about": ["a#e1", "b#e1"], "field": "instrument"}],
                "refinements": [{"about": ["a#e1", "b#e1"], "field": "location"}],
            }
        ),
        encoding="utf-8",
    )
    return path


def test_a_flagged_refinement_is_counted_and_is_a_false_positive(tmp_path: Path) -> None:
    gold = load_links(_links(tmp_path))
    assert [r.field for r in gold.refinements] == ["location"]
    predicted = PredictedLinks(
        contradictions=(("a#e1", "b#e1", "instrument"), ("b#e1", "a#e1", "location"))
    )
    scores = score_links(gold, predicted)
    assert scores["refinements_flagged"] == 1
    assert scores["contradictions"] == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3}


def test_nothing_flagged_when_only_the_contradiction_is_found(tmp_path: Path) -> None:
    gold = load_links(_links(tmp_path))
    scores = score_links(gold, PredictedLinks(contradictions=(("a#e1", "b#e1", "instrument"),)))
    assert scores["refinements_flagged"] == 0
