"""TempEval-3 adapter: TimeML reading, offsets, scoring and a run on the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate.bench import tempeval3
from khronika.evaluate.bench.tempeval3 import TimeMLDocument
from khronika.model import Provenance, TimeExpression
from khronika.settings import Settings

BENCHMARK = Path(__file__).resolve().parents[3] / ".." / "shared" / "benchmarks" / "tempeval3"

# Made up for these tests, in the shape of a TBAQ-cleaned file.
TML = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2003-05-14T09:30" temporalFunction="false" \
functionInDocument="CREATION_TIME">May 14, 2003</TIMEX3></DCT>
<TITLE>Ferry service resumes</TITLE>
<TEXT>
The ferry <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="2003-05-13">Tuesday</TIMEX3> after a \
<TIMEX3 tid="t2" type="DURATION" value="P3W">three-week</TIMEX3> \
<EVENT eid="e2" class="OCCURRENCE">halt</EVENT>, Smith &amp; Sons \
<EVENT eid="e3" class="REPORTING">said</EVENT>.

Tickets stay cheap <SIGNAL sid="s1">until</SIGNAL> \
<TIMEX3 tid="t3" type="DATE" value="2003-06">June</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""
TEXT = (
    "\nThe ferry resumed Tuesday after a three-week halt, Smith & Sons said.\n\n"
    "Tickets stay cheap until June.\n"
)
GOLD = [
    ("t1", "Tuesday", "2003-05-13", "DATE"),
    ("t2", "three-week", "P3W", "DURATION"),
    ("t3", "June", "2003-06", "DATE"),
]


@pytest.fixture
def document() -> TimeMLDocument:
    return tempeval3.parse_timeml(TML, "test.tml")


def timex(start: int, end: int, value: str | None) -> TimeExpression:
    prov = Provenance("<text>", "0" * 64, 0, "a1", start, end)
    return TimeExpression(f"t{start}", prov, TEXT[start:end], value, "date")


def gold_timexes(document: TimeMLDocument) -> list[TimeExpression]:
    return [timex(t.start, t.end, t.value) for t in document.timexes]


def test_reads_dct_and_strips_tags(document: TimeMLDocument) -> None:
    assert document.dct == "2003-05-14T09:30"
    assert document.text == TEXT
    assert [(t.tid, t.text, t.value, t.type) for t in document.timexes] == GOLD


@pytest.mark.parametrize("index", range(len(GOLD)))
def test_gold_offsets_point_at_the_expression(document: TimeMLDocument, index: int) -> None:
    found = document.timexes[index]
    assert document.text[found.start : found.end] == found.text == GOLD[index][1]


def test_malformed_xml_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"bad\.tml"):
        tempeval3.parse_timeml("<TimeML><TEXT>unclosed</TimeML>", "bad.tml")


@pytest.mark.parametrize(
    ("dct", "expected"),
    [
        ("2003-05-14", "2003-05-14"),
        ("2003-05-14T09:30", "2003-05-14"),
        ("2003-05", "2003-05"),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_published_is_the_date_of_the_dct(dct: str | None, expected: str | None) -> None:
    assert tempeval3.published(dct) == expected


def test_finds_the_dev_folder_and_sorts(tmp_path: Path) -> None:
    dev = tmp_path / "train_TBAQ-cleaned"
    for name in ("TimeBank/b.tml", "TimeBank/a.tml", "AQUAINT/z.tml"):
        (dev / name).parent.mkdir(parents=True, exist_ok=True)
        (dev / name).write_text(TML, encoding="utf-8")
    expected = ["AQUAINT/z.tml", "TimeBank/a.tml", "TimeBank/b.tml"]
    assert [n for n, _ in tempeval3.document_paths(tmp_path)] == expected
    assert [n for n, _ in tempeval3.document_paths(dev)] == expected
    assert [n for n, _ in tempeval3.document_paths(dev / "TimeBank" / "a.tml")] == ["a.tml"]
    report = tempeval3.evaluate(tmp_path, Settings(), 2)
    assert report["format"] == "tempeval3"
    assert report["documents"] == 2


def test_no_tml_files_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no TimeML"):
        tempeval3.document_paths(tmp_path)


def test_perfect_output_scores_one(document: TimeMLDocument) -> None:
    report = tempeval3.score([document], [gold_timexes(document)])
    assert report == {
        "extent_precision": 1.0,
        "extent_recall": 1.0,
        "extent_f1": 1.0,
        "value_accuracy": 1.0,
        "value_f1": 1.0,
    }


def test_empty_output_scores_zero_recall(document: TimeMLDocument) -> None:
    report = tempeval3.score([document], [[]])
    assert report == {
        "extent_precision": None,
        "extent_recall": 0.0,
        "extent_f1": 0.0,
        "value_accuracy": None,
        "value_f1": 0.0,
    }


def test_partial_output(document: TimeMLDocument) -> None:
    tuesday, three_week, _ = document.timexes
    predicted = [
        timex(tuesday.start, tuesday.end + 6, "2003-05-13"),  # "Tuesday after": overlap, right
        timex(three_week.start, three_week.start + 5, "P3D"),  # "three": overlap, wrong value
        timex(1, 4, "2003"),  # "The": spurious
    ]
    report = tempeval3.score([document], [predicted])
    # extent: tp 2, fp 1, fn 1 (June); values: 1 right of 2 matched;
    # value F1 = 2·1 / (3 predicted + 3 gold)
    assert report["extent_precision"] == pytest.approx(2 / 3)
    assert report["extent_recall"] == pytest.approx(2 / 3)
    assert report["extent_f1"] == pytest.approx(2 / 3)
    assert report["value_accuracy"] == pytest.approx(1 / 2)
    assert report["value_f1"] == pytest.approx(1 / 3)


def test_score_micro_averages_documents(document: TimeMLDocument) -> None:
    report = tempeval3.score([document, document], [gold_timexes(document), []])
    assert report["extent_precision"] == 1.0
    assert report["extent_recall"] == pytest.approx(1 / 2)
    assert report["value_accuracy"] == 1.0


def test_score_needs_one_prediction_list_per_document(document: TimeMLDocument) -> None:
    with pytest.raises(ValueError, match="1 gold documents but 0"):
        tempeval3.score([document], [])


def test_runs_on_the_development_data() -> None:
    if not BENCHMARK.is_dir():
        pytest.skip(f"TempEval-3 data not found at {BENCHMARK} (it sits beside the clone)")
    report = tempeval3.evaluate(BENCHMARK, Settings(), 2)
    assert report["format"] == "tempeval3"
    assert report["documents"] == 2
    times = report["times"]
    assert isinstance(times, dict)
    assert set(times) == {
        "extent_precision",
        "extent_recall",
        "extent_f1",
        "value_accuracy",
        "value_f1",
    }
    assert all(v is None or 0.0 <= v <= 1.0 for v in times.values())
    assert times["extent_recall"] is not None  # the two documents have gold expressions
