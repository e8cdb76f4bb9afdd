"""CoNLL-2003 adapter: IOB1 reading, token offsets, snapping, scoring, a real run."""

from __future__ import annotations

from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate.bench import conll2003
from khronika.evaluate.bench.conll2003 import ConllDocument, Entity
from khronika.model import EntityType, Mention, Provenance
from khronika.settings import Settings

BENCHMARK = Path(__file__).resolve().parents[3] / ".." / "shared" / "benchmarks" / "conll2003"

DOCSTART = "-DOCSTART- -X- O O\n"
# Two made-up documents in the CoNLL-2003 layout (word POS chunk NER, IOB1).
DOC1 = """Maria NNP I-NP I-PER
Lopez NNP I-NP I-PER
visited VBD I-VP O
Quito NNP I-NP I-LOC
. . O O

Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
and CC O O
Zenith NNP I-NP I-ORG
Ltd NNP I-NP I-ORG
praised VBD I-VP O
Dutch JJ I-NP I-MISC
Belgian JJ I-NP B-MISC
farmers NNS I-NP O
. . O O

"""
DOC2 = """TALLINN NNP I-NP I-LOC
1997-03-02 CD I-NP O

Kask NNP I-NP I-PER
Tamm NNP I-NP B-PER
and CC O O
Ilves NNP I-NP I-PER
met VBD I-VP O
. . O O

"""
LAYOUTS = {
    # this copy: the first DOCSTART moved to the end of the file
    "docstart-last": DOC1 + DOCSTART + "\n" + DOC2 + DOCSTART,
    # the original layout: a DOCSTART (and a blank line) before each document
    "docstart-first": DOCSTART + "\n" + DOC1 + DOCSTART + "\n" + DOC2,
}
TEXTS = [
    "Maria Lopez visited Quito .\nAcme Corp and Zenith Ltd praised Dutch Belgian farmers .",
    "TALLINN 1997-03-02\nKask Tamm and Ilves met .",
]
ENTITIES = [
    [
        ("PER", "Maria Lopez"),
        ("LOC", "Quito"),
        ("ORG", "Acme Corp"),
        ("ORG", "Zenith Ltd"),
        ("MISC", "Dutch"),
        ("MISC", "Belgian"),
    ],
    [("LOC", "TALLINN"), ("PER", "Kask"), ("PER", "Tamm"), ("PER", "Ilves")],
]


@pytest.fixture
def documents() -> list[ConllDocument]:
    return conll2003.parse_conll(LAYOUTS["docstart-last"].splitlines(keepends=True))


def entity_text(document: ConllDocument, entity: Entity) -> str:
    first, last = document.tokens[entity.first], document.tokens[entity.last]
    return document.text[first.start : last.end]


def mention(document: ConllDocument, start: int, end: int, label: EntityType) -> Mention:
    prov = Provenance("<text>", "0" * 64, 0, "a1", start, end)
    return Mention(f"m{start}-{end}", prov, f"e{start}", document.text[start:end], label)


def on_tokens(document: ConllDocument, first: int, last: int, label: EntityType) -> Mention:
    return mention(document, document.tokens[first].start, document.tokens[last].end, label)


GOLD_LABELS: dict[str, EntityType] = {
    "PER": "PERSON",
    "ORG": "ORG",
    "LOC": "GPE",
    "MISC": "SUBSTANCE",
}


def perfect(documents: list[ConllDocument]) -> list[list[Mention]]:
    return [
        [on_tokens(d, e.first, e.last, GOLD_LABELS[e.type]) for e in d.entities] for d in documents
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_reads_documents_in_either_layout(layout: str) -> None:
    documents = conll2003.parse_conll(LAYOUTS[layout].splitlines(keepends=True))
    assert [d.text for d in documents] == TEXTS
    assert [[(e.type, entity_text(d, e)) for e in d.entities] for d in documents] == ENTITIES


def test_token_offsets_point_at_the_tokens(documents: list[ConllDocument]) -> None:
    for document in documents:
        assert [document.text[t.start : t.end] for t in document.tokens] == [
            t.text for t in document.tokens
        ]
    assert len(documents[0].tokens) == 15
    assert documents[0].tokens[12].tag == "B-MISC"


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "O"], []),
        (["I-PER", "I-PER", "O"], [("PER", 0, 1)]),
        (["I-PER", "B-PER"], [("PER", 0, 0), ("PER", 1, 1)]),
        (["I-LOC", "I-ORG", "I-ORG"], [("LOC", 0, 0), ("ORG", 1, 2)]),
        (["O", "B-MISC", "I-MISC"], [("MISC", 1, 2)]),  # IOB2 reads the same
        (["I-PER", "O", "I-PER"], [("PER", 0, 0), ("PER", 2, 2)]),
    ],
)
def test_iob1_entities(tags: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert [(e.type, e.first, e.last) for e in conll2003.iob1_entities(tags)] == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 11, (0, 1)),  # "Maria Lopez": exact
        (2, 4, (0, 0)),  # "ri" inside "Maria"
        (3, 8, (0, 1)),  # "ia Lo" across a space
        (5, 6, None),  # the space alone
        (5, 11, (1, 1)),  # " Lopez": leading space dropped
        (26, 32, (4, 5)),  # ".\nAcme": across the sentence break
    ],
)
def test_snap_widens_to_whole_tokens(
    documents: list[ConllDocument], start: int, end: int, expected: tuple[int, int] | None
) -> None:
    assert conll2003.snap(documents[0], start, end) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PERSON", "PER"),
        ("ORG", "ORG"),
        ("GPE", "LOC"),
        ("LOC", "LOC"),
        ("FACILITY", "LOC"),
        ("WEAPON", "MISC"),
        ("SUBSTANCE", "MISC"),
    ],
)
def test_label_types(label: str, expected: str) -> None:
    assert conll2003.label_type(label) == expected


def test_perfect_output_scores_one(documents: list[ConllDocument]) -> None:
    report = conll2003.score(documents, perfect(documents))
    assert (report["precision"], report["recall"], report["f1"]) == (1.0, 1.0, 1.0)
    assert report["by_type"] == {
        "PER": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 4, "predicted": 4},
        "ORG": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 2, "predicted": 2},
        "LOC": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 2, "predicted": 2},
        "MISC": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 2, "predicted": 2},
    }


def test_empty_output_scores_zero_recall(documents: list[ConllDocument]) -> None:
    report = conll2003.score(documents, [[], []])
    assert (report["precision"], report["recall"], report["f1"]) == (None, 0.0, 0.0)
    by_type = report["by_type"]
    assert isinstance(by_type, dict)
    assert by_type["PER"] == {
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "gold": 4,
        "predicted": 0,
    }


def test_partial_output(documents: list[ConllDocument]) -> None:
    one, _ = documents
    predicted = [
        on_tokens(one, 0, 1, "PERSON"),  # Maria Lopez: right
        on_tokens(one, 3, 3, "ORG"),  # Quito as ORG: wrong type
        mention(one, one.tokens[5].start + 1, one.tokens[6].end - 1, "ORG"),  # "cme Cor" → right
        on_tokens(one, 5, 6, "ORG"),  # the same entity again counts once
        on_tokens(one, 8, 8, "ORG"),  # Zenith without Ltd: wrong extent
        on_tokens(one, 11, 11, "GPE"),  # Dutch as LOC: wrong (gold MISC)
    ]
    report = conll2003.score(documents, [predicted, []])
    # PER/ORG/LOC: gold 8, predicted 5, right 2 → P 2/5, R 2/8, F1 4/13
    assert report["precision"] == pytest.approx(2 / 5)
    assert report["recall"] == pytest.approx(1 / 4)
    assert report["f1"] == pytest.approx(4 / 13)
    by_type = report["by_type"]
    assert isinstance(by_type, dict)
    assert by_type["PER"] == {
        "precision": 1.0,
        "recall": 0.25,
        "f1": 0.4,
        "gold": 4,
        "predicted": 1,
    }
    assert by_type["ORG"]["predicted"] == 3
    assert by_type["ORG"]["precision"] == pytest.approx(1 / 3)
    assert by_type["ORG"]["recall"] == 0.5
    assert by_type["ORG"]["f1"] == pytest.approx(0.4)
    assert by_type["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 2, "predicted": 1}
    assert by_type["MISC"] == {
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "gold": 2,
        "predicted": 0,
    }


def test_reads_eng_testa_from_a_directory_or_a_file(tmp_path: Path) -> None:
    (tmp_path / "eng.testa").write_text(LAYOUTS["docstart-last"], encoding="utf-8")
    (tmp_path / "other.conll").write_text(DOC2, encoding="utf-8")
    assert [d.text for d in conll2003.read_conll(tmp_path)] == TEXTS
    assert [d.text for d in conll2003.read_conll(tmp_path / "other.conll")] == TEXTS[1:]
    report = conll2003.evaluate(tmp_path, Settings(), 1)
    assert (report["format"], report["documents"]) == ("conll2003", 1)


def test_a_directory_without_eng_testa_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"eng\.testa"):
        conll2003.read_conll(tmp_path)


def test_runs_on_the_development_data() -> None:
    if not BENCHMARK.is_dir():
        pytest.skip(f"CoNLL-2003 data not found at {BENCHMARK} (it sits beside the clone)")
    report = conll2003.evaluate(BENCHMARK, Settings(), 3)
    assert (report["format"], report["documents"]) == ("conll2003", 3)
    ner = report["ner"]
    assert isinstance(ner, dict)
    assert set(ner) == {"precision", "recall", "f1", "by_type"}
    assert set(ner["by_type"]) == {"PER", "ORG", "LOC", "MISC"}
    figures = [ner["precision"], ner["recall"], ner["f1"]]
    figures += [row[k] for row in ner["by_type"].values() for k in ("precision", "recall", "f1")]
    assert all(v is None or 0.0 <= v <= 1.0 for v in figures)
    assert sum(row["gold"] for row in ner["by_type"].values()) > 0
