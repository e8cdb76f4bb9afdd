"""The time tagger on the TempEval-3 development data, through its adapter.

A loose floor on the first ten TBAQ-cleaned documents (in sorted order):
the full benchmark figures are reported with ``khronika eval ... --format
tempeval3``; this only guards against the tagger breaking.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khronika.evaluate.bench import tempeval3
from khronika.settings import Settings

BENCHMARK = Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks" / "tempeval3"


def test_first_ten_tempeval_documents_score_above_a_loose_floor() -> None:
    if not (BENCHMARK / tempeval3.DEV_FOLDER).is_dir():
        pytest.skip(f"TempEval-3 data not found at {BENCHMARK} (it sits beside the clone in CI)")
    report = tempeval3.evaluate(BENCHMARK, Settings(), limit=10)
    times = report["times"]
    assert isinstance(times, dict)
    assert report["documents"] == 10
    assert times["extent_f1"] >= 0.85
    assert times["value_f1"] >= 0.70
