"""ECB+ adapter: reading the XML, snapping spans to tokens, scoring by hand-computed cases,
and cross-document links from the real pipeline turned into cross-document clusters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate.bench.ecbplus import (
    EcbDocument,
    evaluate,
    load_ecbplus,
    predict,
    predicted_mentions,
    read_sentence_index,
    score,
    snap,
)
from khronika.model import Event, Provenance
from khronika.settings import Settings

SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def xml_document(name: str, sentences: list[str], markables: str, relations: str) -> str:
    """An ECB+ file: tokens numbered from 1, one sentence per list item."""
    tokens = []
    t_id = 1
    for number, sentence in enumerate(sentences):
        for position, word in enumerate(sentence.split()):
            tokens.append(
                f'<token t_id="{t_id}" sentence="{number}" number="{position}">{word}</token>'
            )
            t_id += 1
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Document doc_name="{name}.xml" doc_id="D1">\n'
        + "\n".join(tokens)
        + f"\n<Markables>\n{markables}\n</Markables>\n<Relations>\n{relations}\n</Relations>\n"
        + "</Document>\n"
    )


def anchors(*ids: int) -> str:
    return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)


# 2_1ecb: "Rebels(1) attacked(2) the(3) depot(4) .(5) / The(6) attack(7) killed(8)
# two(9) guards(10) .(11) / Police(12) said(13) nothing(14) .(15)"
DOC_ECB = xml_document(
    "2_1ecb",
    ["Rebels attacked the depot .", "The attack killed two guards .", "Police said nothing ."],
    f"""<ACTION_OCCURRENCE m_id="1">{anchors(2)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2">{anchors(7)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3">{anchors(8)}</ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4">{anchors(9, 10)}</HUMAN_PART_PER>
<ACTION_REPORTING m_id="5">{anchors(13)}</ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="10" RELATED_TO="" TAG_DESCRIPTOR="t2_raid" instance_id="ACT1"/>""",
    """<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="2"/>
<target m_id="10"/></CROSS_DOC_COREF>""",
)

# 2_1ecbplus: "http(1) :(2) //example.org(3) / Gunmen(4) stormed(5) the(6) depot(7)
# again(8) and(9) seized(10) guns(11) .(12) / The(13) seizure(14) lasted(15) an(16)
# hour(17) .(18)"
DOC_ECBPLUS = xml_document(
    "2_1ecbplus",
    [
        "http : //example.org",
        "Gunmen stormed the depot again and seized guns .",
        "The seizure lasted an hour .",
    ],
    f"""<ACTION_OCCURRENCE m_id="1">{anchors(5)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2">{anchors(10)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3">{anchors(14)}</ACTION_OCCURRENCE>
<NEG_ACTION_STATE m_id="4">{anchors(15, 17)}</NEG_ACTION_STATE>
<ACTION_OCCURRENCE m_id="10" RELATED_TO="" TAG_DESCRIPTOR="t2_raid" instance_id="ACT1"/>
<UNKNOWN_INSTANCE_TAG m_id="11" RELATED_TO="" TAG_DESCRIPTOR=""/>""",
    """<CROSS_DOC_COREF r_id="2" note="ACT1"><source m_id="1"/><target m_id="10"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="3"><source m_id="2"/><source m_id="3"/><target m_id="11"/></INTRA_DOC_COREF>""",
)


@pytest.fixture
def bench(tmp_path: Path) -> Path:
    """A tiny ECB+ benchmark: dev topic 2 (two listed documents, one unlisted), train topic 3."""
    root = tmp_path / "ecbplus"
    (root / "ECB+" / "2").mkdir(parents=True)
    (root / "ECB+" / "3").mkdir(parents=True)
    (root / "ECB+" / "2" / "2_1ecbplus.xml").write_text(DOC_ECBPLUS, encoding="utf-8")
    (root / "ECB+" / "2" / "2_1ecb.xml").write_text(DOC_ECB, encoding="utf-8")
    unlisted = xml_document("2_2ecb", ["Nothing happened ."], "", "")
    (root / "ECB+" / "2" / "2_2ecb.xml").write_text(unlisted, encoding="utf-8")
    other = xml_document(
        "3_1ecb",
        ["Troops shelled the town ."],
        f'<ACTION_OCCURRENCE m_id="1">{anchors(2)}</ACTION_OCCURRENCE>',
        "",
    )
    (root / "ECB+" / "3" / "3_1ecb.xml").write_text(other, encoding="utf-8")
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n2,1ecb,0\n2,1ecb,1\n2,1ecbplus,1\n2,1ecbplus,2\n3,1ecb,0\n",
        encoding="utf-8",
    )
    (root / "splits_cybulska_setup.json").write_text(
        json.dumps({"dev_topics": [2], "train_topics": [3], "test_topics": []}), encoding="utf-8"
    )
    return root


def spans(document: EcbDocument) -> list[tuple[str, str]]:
    return [(document.text[m.start : m.end], m.cluster) for m in document.mentions]


def test_reads_text_tokens_and_gold_mentions(bench: Path) -> None:
    documents = load_ecbplus(bench)
    assert [d.name for d in documents] == ["2_1ecb", "2_1ecbplus"]  # 2_2ecb has no listed sentence
    ecb, plus = documents
    assert ecb.text == (
        "Rebels attacked the depot .\nThe attack killed two guards .\nPolice said nothing ."
    )
    assert ecb.topic == 2 and ecb.sentences == frozenset({0, 1})
    killed = ecb.tokens[7]
    assert (killed.id, killed.sentence, killed.start, killed.end) == (8, 1, 39, 45)
    words = ecb.text.split()
    assert [ecb.text[t.start : t.end] for t in ecb.tokens] == words
    # Human participants and mentions in unlisted sentences ("said") are not gold.
    assert spans(ecb) == [("attacked", "ACT1"), ("attack", "ACT1"), ("killed", "2_1ecb#m3")]
    assert spans(plus) == [
        ("stormed", "ACT1"),
        ("seized", "2_1ecbplus#intra3"),
        ("seizure", "2_1ecbplus#intra3"),
        ("lasted an hour", "2_1ecbplus#m4"),  # discontinuous: first to last token
    ]
    assert plus.text.startswith("http : //example.org\nGunmen stormed")


def test_paths_limit_and_topics(bench: Path) -> None:
    assert [d.name for d in load_ecbplus(bench, limit=1)] == ["2_1ecb"]
    assert [d.name for d in load_ecbplus(bench / "ECB+")] == ["2_1ecb", "2_1ecbplus"]
    assert [d.name for d in load_ecbplus(bench / "splits_cybulska_setup.json")] == [
        "2_1ecb",
        "2_1ecbplus",
    ]
    assert [d.name for d in load_ecbplus(bench / "ECB+" / "3")] == ["3_1ecb"]
    assert [d.name for d in load_ecbplus(bench, topics=[3, 2])] == [
        "2_1ecb",
        "2_1ecbplus",
        "3_1ecb",
    ]
    single = load_ecbplus(bench / "ECB+" / "2" / "2_1ecbplus.xml")
    assert [d.name for d in single] == ["2_1ecbplus"]


def test_missing_sentence_list_or_path_is_an_input_error(bench: Path, tmp_path: Path) -> None:
    (bench / "ECBplus_coreference_sentences.csv").unlink()
    with pytest.raises(InputError, match="annotated sentences"):
        load_ecbplus(bench)
    with pytest.raises(InputError, match="no such file"):
        load_ecbplus(tmp_path / "absent")


def test_sentence_index(bench: Path) -> None:
    index = read_sentence_index(bench / "ECBplus_coreference_sentences.csv")
    assert index["2_1ecbplus"] == frozenset({1, 2})
    assert index["3_1ecb"] == frozenset({0})


def test_snap_widens_spans_to_tokens(bench: Path) -> None:
    [ecb] = load_ecbplus(bench, limit=1)
    tokens = ecb.tokens
    assert snap(tokens, 39, 43) == (7, 7)  # "kill" -> "killed"
    assert snap(tokens, 9, 22) == (1, 3)  # "tacked the de" -> "attacked the depot"
    assert snap(tokens, 15, 16) is None  # the space between two tokens
    assert snap(tokens, 40, 40) == (7, 7)  # an empty span inside "killed"
    assert snap(tokens, 15, 15) is None  # an empty span in a space


def event(eid: str, *mentions: tuple[int, int], prov: tuple[int, int] = (0, 1)) -> Event:
    return Event(
        id=eid,
        prov=Provenance("doc", "0" * 64, 0, "a", prov[0], prov[1]),
        type="ASSAULT",
        evidence="",
        mentions=mentions,
    )


# Character spans of the gold mentions of the fixture.
ATTACKED, ATTACK, KILLED, SAID, DEPOT = (7, 15), (32, 38), (39, 45), (66, 70), (20, 25)
STORMED, SEIZED, SEIZURE, LASTED = (28, 35), (56, 62), (74, 81), (82, 96)


def within_document_perfect() -> dict[str, tuple[Event, ...]]:
    return {
        "2_1ecb": (event("e1", ATTACKED, ATTACK), event("e2", KILLED)),
        "2_1ecbplus": (
            event("e3", STORMED),
            event("e4", SEIZED, SEIZURE),
            event("e5", LASTED),
        ),
    }


def test_fixture_spans_are_right(bench: Path) -> None:
    ecb, plus = load_ecbplus(bench)
    assert ecb.text[slice(*ATTACK)] == "attack" and ecb.text[slice(*SAID)] == "said"
    assert plus.text[slice(*STORMED)] == "stormed" and plus.text[slice(*LASTED)] == "lasted an hour"


def test_perfect_prediction_with_cross_document_link(bench: Path) -> None:
    report = score(load_ecbplus(bench), within_document_perfect(), links=[("e1", "e3")])
    perfect = {"muc_f1": 1.0, "b3_f1": 1.0, "ceafe_f1": 1.0, "conll_f1": 1.0}
    assert report == {
        "gold": 7,
        "predicted": 7,
        "mention_precision": 1.0,
        "mention_recall": 1.0,
        "mention_f1": 1.0,
        "mention_f1_overlap": 1.0,
        "muc_f1": 1.0,
        "b3_f1": 1.0,
        "ceafe_f1": 1.0,
        "conll_f1": 1.0,
        "on_found_mentions": {"gold": 7, **perfect},
    }


def test_perfect_mentions_without_cross_document_links(bench: Path) -> None:
    # Key {attacked, attack, stormed} {killed} {seized, seizure} {lasted an hour};
    # response {attacked, attack} {killed} {stormed} {seized, seizure} {lasted an hour}.
    report = score(load_ecbplus(bench), within_document_perfect())
    assert report["mention_f1"] == 1.0
    muc = 2 * (2 / 3) * 1 / (2 / 3 + 1)  # recall 2/3, precision 1
    b3 = 17 / 19  # recall (5/3 + 1 + 2 + 1) / 7 = 17/21, precision 1
    ceafe = 2 * 0.95 * 0.76 / (0.95 + 0.76)  # Φ = 0.8 + 1 + 1 + 1 over 4 and 5 clusters
    assert report["muc_f1"] == pytest.approx(muc)
    assert report["b3_f1"] == pytest.approx(b3)
    assert report["ceafe_f1"] == pytest.approx(ceafe)
    assert report["conll_f1"] == pytest.approx((muc + b3 + ceafe) / 3)


def test_partial_prediction(bench: Path) -> None:
    # 2_1ecb: e1 = {attacked, depot (no gold twin)}; e2 has no trigger spans and
    # its evidence "kill" snaps to "killed"; e3's "said" lies in an unlisted
    # sentence and is dropped. Nothing predicted in 2_1ecbplus.
    predictions = {
        "2_1ecb": (
            event("e1", ATTACKED, DEPOT),
            event("e2", prov=(39, 43)),
            event("e3", SAID),
        )
    }
    report = score(load_ecbplus(bench), predictions)
    assert report["mention_precision"] == pytest.approx(2 / 3)
    assert report["mention_recall"] == pytest.approx(2 / 7)
    assert report["mention_f1"] == pytest.approx(0.4)
    assert report["mention_f1_overlap"] == pytest.approx(0.4)
    # Key K1 {attacked, attack, stormed} K2 {killed} K3 {seized, seizure} K4 {lasted};
    # response R1 {attacked, depot} R2 {killed}. MUC: no correct link either way.
    assert report["muc_f1"] == 0.0
    # B³ recall (1/3 + 1) / 7 = 4/21, precision (1/2 + 1) / 3 = 1/2.
    assert report["b3_f1"] == pytest.approx(8 / 29)
    # CEAF-e: φ4(K1, R1) = 2/5, φ4(K2, R2) = 1; recall 1.4/4, precision 1.4/2.
    assert report["ceafe_f1"] == pytest.approx(7 / 15)


def test_coreference_over_the_gold_mentions_found(bench: Path) -> None:
    # Found: attacked (K1), killed (K2), stormed (K1), seized (K3); "seizure" and
    # "lasted" are missed, and a wrong link joins killed with stormed.
    predictions = {
        "2_1ecb": (event("e1", ATTACKED), event("e2", KILLED)),
        "2_1ecbplus": (event("e3", STORMED), event("e4", SEIZED)),
    }
    report = score(load_ecbplus(bench), predictions, links=[("e2", "e3")])
    assert (report["gold"], report["predicted"]) == (7, 4)
    # Key cut to the found mentions {attacked, stormed} {killed} {seized};
    # response {attacked} {killed, stormed} {seized}.
    on_found = report["on_found_mentions"]
    assert isinstance(on_found, dict)
    assert on_found["gold"] == 4
    assert on_found["muc_f1"] == 0.0  # the one key link and the one response link differ
    assert on_found["b3_f1"] == pytest.approx(3 / 4)  # recall (1 + 1 + 1) / 4 = precision
    assert on_found["ceafe_f1"] == pytest.approx(7 / 9)  # Φ = 2/3 + 2/3 + 1 over 3 and 3
    assert on_found["conll_f1"] == pytest.approx((0 + 3 / 4 + 7 / 9) / 3)


def test_nothing_predicted(bench: Path) -> None:
    report = score(load_ecbplus(bench), {})
    assert report["mention_recall"] == 0.0 and report["mention_precision"] is None
    assert report["conll_f1"] == 0.0


def test_overlap_counts_near_misses(bench: Path) -> None:
    # "stormed the depot" overlaps the gold "stormed" without matching it exactly.
    documents = load_ecbplus(bench)
    report = score(documents, {"2_1ecbplus": (event("e1", (28, 45)),)})
    assert report["mention_f1"] == 0.0
    assert report["mention_f1_overlap"] == pytest.approx(2 * 1 * (1 / 7) / (1 + 1 / 7))


def test_a_span_claimed_twice_stays_with_the_first_event(bench: Path) -> None:
    [ecb] = load_ecbplus(bench, limit=1)
    found = predicted_mentions(ecb, (event("e1", ATTACKED), event("e2", ATTACKED, KILLED)))
    assert found == {("2_1ecb", 7, 15): 0, ("2_1ecb", 39, 45): 1}


def test_evaluate_reports_the_coref_section(bench: Path) -> None:
    report = evaluate(bench, Settings(), None)
    assert report["format"] == "ecbplus" and report["documents"] == 2
    coref = report["coref"]
    assert isinstance(coref, dict)
    assert set(coref) >= {"mention_precision", "mention_recall", "mention_f1", "muc_f1"}


# Topic 4: two documents report one arrest (gold instance ACT_NOWAK, one
# mention each) and a third another arrest; "released" is a gold singleton.
# 4_1ecb: Police(1) arrested(2) Jan(3) Nowak(4) in(5) Krakow(6) on(7) 9(8) June(9)
# 2012(10) .(11) / Nowak(12) was(13) later(14) released(15) on(16) bail(17) .(18)
LINKED_ECB = xml_document(
    "4_1ecb",
    ["Police arrested Jan Nowak in Krakow on 9 June 2012 .", "Nowak was later released on bail ."],
    f"""<ACTION_OCCURRENCE m_id="1">{anchors(2)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2">{anchors(15)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t4_arrest" instance_id="ACT_NOWAK"/>""",
    """<CROSS_DOC_COREF r_id="1" note="ACT_NOWAK"><source m_id="1"/><target m_id="9"/>
</CROSS_DOC_COREF>""",
)


def one_arrest(name: str, sentence: str, trigger: int, instance: str, r_id: int) -> str:
    """A one-sentence document whose token ``trigger`` is an arrest of ``instance``."""
    return xml_document(
        name,
        [sentence],
        f"""<ACTION_OCCURRENCE m_id="1">{anchors(trigger)}</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t4_arrest" instance_id="{instance}"/>""",
        f"""<CROSS_DOC_COREF r_id="{r_id}" note="{instance}"><source m_id="1"/><target m_id="9"/>
</CROSS_DOC_COREF>""",
    )


# 4_2ecb: Jan(1) Nowak(2) was(3) arrested(4) by(5) police(6) in(7) Krakow(8) ...
LINKED_ECB_2 = one_arrest(
    "4_2ecb", "Jan Nowak was arrested by police in Krakow on 9 June 2012 .", 4, "ACT_NOWAK", 2
)
# 4_1ecbplus: Police(1) arrested(2) Adam(3) Kowalski(4) in(5) Gdansk(6) ...
LINKED_ECBPLUS = one_arrest(
    "4_1ecbplus", "Police arrested Adam Kowalski in Gdansk on 2 March 2013 .", 2, "ACT_OTHER", 3
)


@pytest.fixture
def linked_bench(tmp_path: Path) -> Path:
    """A one-topic ECB+ benchmark whose two ECB documents tell one arrest."""
    root = tmp_path / "linked"
    folder = root / "ECB+" / "4"
    folder.mkdir(parents=True)
    for name, text in [
        ("4_1ecb", LINKED_ECB),
        ("4_2ecb", LINKED_ECB_2),
        ("4_1ecbplus", LINKED_ECBPLUS),
    ]:
        (folder / f"{name}.xml").write_text(text, encoding="utf-8")
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n4,1ecb,0\n4,1ecb,1\n4,2ecb,0\n4,1ecbplus,0\n",
        encoding="utf-8",
    )
    (root / "splits_cybulska_setup.json").write_text(
        json.dumps({"dev_topics": [4], "train_topics": [], "test_topics": []}), encoding="utf-8"
    )
    return root


def test_cross_document_links_become_cross_document_clusters(linked_bench: Path) -> None:
    documents = load_ecbplus(linked_bench)
    assert [(d.name, spans(d)) for d in documents] == [
        ("4_1ecb", [("arrested", "ACT_NOWAK"), ("released", "4_1ecb#m2")]),
        ("4_2ecb", [("arrested", "ACT_NOWAK")]),
        ("4_1ecbplus", [("arrested", "ACT_OTHER")]),
    ]
    prediction = predict(documents, Settings())
    document_of = {e.id: name for name, events in prediction.events.items() for e in events}
    # The cross-article stage joins the two reports of Nowak's arrest, and only them.
    assert [(document_of[a], document_of[b]) for a, b in prediction.links] == [("4_1ecb", "4_2ecb")]
    linked = score(documents, prediction.events, prediction.links)
    assert linked["mention_f1"] == 1.0
    assert [linked[k] for k in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1")] == [1.0] * 4
    # Without the link the key's one cross-document chain is split in two.
    unlinked = score(documents, prediction.events)
    assert unlinked["muc_f1"] == 0.0
    assert unlinked["b3_f1"] == pytest.approx(6 / 7)  # recall 3/4, precision 1
    # evaluate() runs the same stages and reports the same figures.
    assert evaluate(linked_bench, Settings(), None)["coref"] == linked


def test_evaluate_on_the_real_dev_split() -> None:
    bench = SHARED / "benchmarks" / "ecbplus"
    if not (bench / "ECB+").is_dir():
        pytest.skip(f"ECB+ not found at {bench} (the shared benchmarks sit beside the clone)")
    report = evaluate(bench, Settings(), 3)
    assert report["format"] == "ecbplus" and report["documents"] == 3
    coref = report["coref"]
    assert isinstance(coref, dict)
    assert set(coref) == {
        "gold",
        "predicted",
        "mention_precision",
        "mention_recall",
        "mention_f1",
        "mention_f1_overlap",
        "muc_f1",
        "b3_f1",
        "ceafe_f1",
        "conll_f1",
        "on_found_mentions",
    }
    on_found = coref["on_found_mentions"]
    assert isinstance(on_found, dict)
    assert set(on_found) == {"gold", "muc_f1", "b3_f1", "ceafe_f1", "conll_f1"}
    for key, value in [*coref.items(), *on_found.items()]:
        if key in ("gold", "predicted"):
            assert isinstance(value, int) and value >= 0
        elif key != "on_found_mentions":
            assert value is None or 0.0 <= value <= 1.0


def test_malformed_document_is_an_input_error(bench: Path) -> None:
    folder = bench / "ECB+" / "2"
    (folder / "2_1ecb.xml").write_text('<Document><token t_id="x" sentence="0">A</token>')
    with pytest.raises(InputError, match="well-formed"):
        load_ecbplus(bench)
    (folder / "2_1ecb.xml").write_text(
        '<Document><token t_id="x" sentence="0">A</token></Document>', encoding="utf-8"
    )
    with pytest.raises(InputError, match="ECB\\+ format"):
        load_ecbplus(bench)
