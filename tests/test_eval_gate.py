"""The quality gate: every gated task scores at least its minimum.

Raise minimums with ``python scripts/gate.py``; lowering one needs
``--allow-lower`` and a reason in CHANGELOG.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khronika.evaluate.gate import Task, check, load_baseline, run_task, task_hash
from khronika.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TASKS = load_baseline(ROOT / "tests" / "eval_baseline.json")


@pytest.mark.slow
@pytest.mark.parametrize("task", TASKS, ids=[t.name for t in TASKS])
def test_scores_stay_at_or_above_their_minimums(task: Task) -> None:
    gold, _ = task.paths(ROOT)
    if not gold.exists():
        pytest.skip(f"{gold} not found (../shared sits beside the clone in CI)")
    scores = run_task(task, ROOT, Settings())
    assert check(task, scores, task_hash(task, ROOT)) == []
