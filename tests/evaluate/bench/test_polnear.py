"""PolNeAR adapter: brat reading, direct-quote filter, scoring, a run on the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate.bench import polnear
from khronika.evaluate.bench.polnear import PolnearArticle, Predicted
from khronika.model import Mention, Provenance, Quote
from khronika.settings import Settings

BENCHMARK = Path(__file__).resolve().parents[3] / ".." / "shared" / "benchmarks" / "polnear"

NAME = "paper_2016-10-02_council-backs-bridge"
# A made-up article in the PolNeAR layout: the title on line 1.
TEXT = (
    "Council backs new bridge\n"
    "Mayor Ana Ruiz said the plan was “a gift to the river towns.” Officials disagreed.\n"
    '"We will appeal," said Tom Berg of the ferry union, "and we will win."\n'
    '"Nobody asked us," he added. "The figures are fantasy."\n'
    "The vote was close, the clerk noted. “Turnout was low,” it was reported.\n"
)


def at(needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` whole-word occurrence of ``needle`` in TEXT."""
    found = list(re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", TEXT))
    return found[nth].start(), found[nth].end()


def brat(tid: str, label: str, *needles: tuple[str, int]) -> str:
    spans = [at(text, nth) for text, nth in needles]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(TEXT[s:e] for s, e in spans)}"


ANN = "\n".join(
    [
        brat("T1", "Source", ("Mayor Ana Ruiz", 0)),
        brat("T2", "Cue", ("said", 0)),
        brat("T3", "Content", ("the plan was “a gift to the river towns.”", 0)),
        brat("T4", "Attribution", ("said", 0)),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # discontinuous content as brat fragments in one T line
        brat("T5", "Content", ('"We will appeal,"', 0), ('"and we will win."', 0)),
        brat("T6", "Cue", ("said", 1)),
        brat("T7", "Source", ("Tom Berg of the ferry union", 0)),
        brat("T8", "Attribution", ("said", 1)),
        "E2\tAttribution:T8 Cue:T6 Source:T7 Content:T5",
        # discontinuous content as Content + Content2
        brat("T9", "Content", ('"Nobody asked us,"', 0)),
        brat("T10", "Source", ("he", 0)),
        brat("T11", "Cue", ("added", 0)),
        brat("T12", "Attribution", ("added", 0)),
        brat("T13", "Content", ('"The figures are fantasy."', 0)),
        "E3\tAttribution:T12 Cue:T11 Source:T10 Content:T9 Content2:T13",
        # not a direct quote: no quotation mark
        brat("T14", "Content", ("The vote was close", 0)),
        brat("T15", "Source", ("the clerk", 0)),
        brat("T16", "Cue", ("noted", 0)),
        brat("T17", "Attribution", ("noted", 0)),
        "E4\tAttribution:T17 Content:T14 Cue:T16 Source:T15",
        # a direct quote without a source
        brat("T18", "Content", ("“Turnout was low,”", 0)),
        brat("T19", "Cue", ("was reported", 0)),
        brat("T20", "Attribution-no-source", ("was reported", 0)),
        "E5\tAttribution-no-source:T20 Content:T18 Cue:T19",
        brat("T21", "Discard", ("Council backs new bridge", 0)),
    ]
)


@pytest.fixture
def article() -> PolnearArticle:
    attributions = polnear.parse_ann(ANN, TEXT, "fixture.ann")
    return PolnearArticle(NAME, "a1f0", TEXT, "2016-10-02", attributions)


def quote(start: int, end: int, speaker: str | None = None, speaker_id: str | None = None) -> Quote:
    prov = Provenance("<text>", "0" * 64, 0, "a1", start, end)
    return Quote(f"q{start}", prov, TEXT[start:end], speaker_id, speaker, None, True)


def mention(start: int, end: int, entity_id: str, article_id: str = "a1") -> Mention:
    prov = Provenance("<text>", "0" * 64, 0, article_id, start, end)
    return Mention(f"m{start}", prov, entity_id, TEXT[start:end], "PERSON")


def test_reads_relations(article: PolnearArticle) -> None:
    relations = {a.id: a for a in article.attributions}
    assert sorted(relations) == ["E1", "E2", "E3", "E4", "E5"]
    assert relations["E1"].content_text == "the plan was “a gift to the river towns.”"
    assert relations["E1"].source_text == "Mayor Ana Ruiz"
    assert relations["E2"].content_text == '"We will appeal," "and we will win."'
    assert relations["E2"].content == (at('"We will appeal,"'), at('"and we will win."'))
    assert relations["E3"].content_text == '"Nobody asked us," "The figures are fantasy."'
    assert relations["E3"].source_text == "he"
    assert relations["E3"].source == ((TEXT.index("he added"), TEXT.index("he added") + 2),)
    assert relations["E5"].label == "Attribution-no-source"
    assert relations["E5"].source is None
    assert relations["E5"].source_text is None


def test_direct_quotes_hold_a_double_quotation_mark(article: PolnearArticle) -> None:
    assert [a.id for a in article.direct_quotes] == ["E1", "E2", "E3", "E5"]


@pytest.mark.parametrize("relation", ["E1", "E2", "E3", "E4", "E5"])
def test_span_texts_agree_with_offsets(article: PolnearArticle, relation: str) -> None:
    found = next(a for a in article.attributions if a.id == relation)
    assert found.content_text == " ".join(TEXT[s:e] for s, e in found.content)
    if found.source is not None:
        assert found.source_text == " ".join(TEXT[s:e] for s, e in found.source)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("T1\tContent 5 x\tabc", "bad brat offsets"),
        ("T1\tContent 9 5\tabc", "bad brat offsets"),
        ("T1\tContent 0 99999\tabc", "beyond the end"),
        ("E1\tAttribution:T4 Content:T3", "T3, which is not defined"),
    ],
)
def test_bad_annotation_is_an_input_error(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        polnear.parse_ann(line, TEXT, "bad.ann")


def write_split(folder: Path) -> None:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / f"{NAME}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / f"{NAME}_b2c3.ann").write_text("", encoding="utf-8")
    (folder / "attributions" / f"{NAME}_a1f0.ann").write_text(ANN, encoding="utf-8")
    other = "paper_2016-09-30_a-quiet-week"
    (folder / "text" / f"{other}.txt").write_text("A quiet week.\nNothing said.\n", "utf-8")
    (folder / "attributions" / f"{other}_ff00.ann").write_text("", encoding="utf-8")
    (folder / "text" / "paper_2016-09-01_no-annotation.txt").write_text("Untouched.\n", "utf-8")


def test_reads_a_split_taking_the_first_annotator(tmp_path: Path) -> None:
    write_split(tmp_path / "dev")
    for path in (tmp_path, tmp_path / "dev"):
        articles = polnear.read_split(path)
        assert [(a.name, a.annotator) for a in articles] == [
            ("paper_2016-09-30_a-quiet-week", "ff00"),
            (NAME, "a1f0"),
        ]
        assert articles[1].published == "2016-10-02"
        assert len(articles[1].direct_quotes) == 4
    report = polnear.evaluate(tmp_path, Settings(), 1)
    assert (report["format"], report["documents"]) == ("polnear", 1)


def test_a_folder_that_is_not_a_split_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="text/ and attributions/"):
        polnear.read_split(tmp_path)


def perfect(article: PolnearArticle) -> Predicted:
    he = at("he", 0)
    quotes = (
        quote(*at("“a gift to the river towns.”"), speaker="Ana Ruiz"),
        quote(*at('"We will appeal,"'), speaker="Tom Berg"),
        quote(*at('"Nobody asked us,"'), speaker="Tom Berg", speaker_id="ent-berg"),
        quote(*at("“Turnout was low,”")),
    )
    return Predicted(quotes, (mention(*he, "ent-berg"),))


def test_perfect_output_scores_one(article: PolnearArticle) -> None:
    report = polnear.score([article], [perfect(article)])
    assert report == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "speaker_accuracy": 1.0}


def test_empty_output_scores_zero_recall(article: PolnearArticle) -> None:
    report = polnear.score([article], [Predicted()])
    assert report == {"precision": None, "recall": 0.0, "f1": 0.0, "speaker_accuracy": None}


def test_partial_output(article: PolnearArticle) -> None:
    predicted = Predicted(
        (
            quote(*at("“a gift to the river towns.”"), speaker="Mayor Ruiz"),  # found, right
            quote(*at('"and we will win."'), speaker="Ana Ruiz"),  # found, wrong speaker
            quote(*at("Council backs"), speaker="Council"),  # no gold: false positive
            quote(*at("The vote was close")),  # not a direct quote: false positive
        )
    )
    # E3 and E5 missed: tp 2, fp 2, fn 2; speakers right 1 of 2
    report = polnear.score([article], [predicted])
    assert report == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "speaker_accuracy": 0.5}


def test_matching_is_one_to_one_largest_overlap_first(article: PolnearArticle) -> None:
    short, long = at('"We will appeal,"'), at('"and we will win."')
    predicted = Predicted(
        (
            quote(*short, speaker="Ana Ruiz"),  # 17 characters of E2
            quote(*long, speaker="Tom Berg"),  # 18 characters of E2: paired with it
        )
    )
    report = polnear.score([article], [predicted])
    assert report["precision"] == 0.5
    assert report["recall"] == 0.25
    assert report["speaker_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("mention_at", "article_id", "right"),
    [
        (at("he", 0), "a1", True),  # the speaker's mention is the gold source
        (at("Tom Berg"), "a1", False),  # a mention of the speaker elsewhere
        (at("he", 0), "a2", False),  # a mention in another article
    ],
)
def test_speaker_by_mention(
    article: PolnearArticle, mention_at: tuple[int, int], article_id: str, right: bool
) -> None:
    said = quote(*at('"Nobody asked us,"'), speaker="Mr. Tom", speaker_id="ent-berg")
    found = Predicted((said,), (mention(*mention_at, "ent-berg", article_id),))
    report = polnear.score([article], [found])
    assert report["speaker_accuracy"] == (1.0 if right else 0.0)


@pytest.mark.parametrize(
    ("speaker", "source", "right"),
    [
        ("Haley Morris", "Spokeswoman Haley Morris", True),
        ("Gen. Ana Ruiz", "Ruiz", True),
        ("Donald Trump", "Trump’s campaign", True),
        ("Donald Trump", "his campaign", False),
        ("The Campaign", "the Clinton campaign", False),
        ("Senator Al Bo", "Al Bo", False),  # no name word of three letters
        ("President Obama", "the president", False),  # a title is not a name
        (None, "Ana Ruiz", False),
    ],
)
def test_speaker_by_name(speaker: str | None, source: str, right: bool) -> None:
    said = quote(0, 7, speaker=speaker)
    assert polnear.speaker_right(said, ((0, 1),), source, []) is right


def test_score_needs_one_prediction_per_article(article: PolnearArticle) -> None:
    with pytest.raises(ValueError, match="1 gold articles but 2"):
        polnear.score([article], [Predicted(), Predicted()])


def test_runs_on_the_development_data() -> None:
    if not BENCHMARK.is_dir():
        pytest.skip(f"PolNeAR data not found at {BENCHMARK} (it sits beside the clone)")
    report = polnear.evaluate(BENCHMARK, Settings(), 2)
    assert (report["format"], report["documents"]) == ("polnear", 2)
    quotes = report["quotes"]
    assert isinstance(quotes, dict)
    assert set(quotes) == {"precision", "recall", "f1", "speaker_accuracy"}
    assert all(v is None or 0.0 <= v <= 1.0 for v in quotes.values())
    assert quotes["recall"] is not None  # the first dev articles hold direct quotes
