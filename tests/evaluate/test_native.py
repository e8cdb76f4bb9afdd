"""The native scorer on hand-computed cases (ANNOTATION.md, "Scoring")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from khronika.evaluate.gold import (
    GoldArticle,
    GoldContradiction,
    GoldEvent,
    GoldFile,
    GoldLinks,
    GoldQuote,
    GoldTime,
)
from khronika.evaluate.names import GoldName
from khronika.evaluate.native import PredictedDocument, RawLinks, score_native
from khronika.model import (
    Article,
    ArticleAnalysis,
    Entity,
    Event,
    Provenance,
    Quote,
    TimeExpression,
)

# Two stories in one file; offsets below are computed from this text.
TEXT = (
    "Writer poisoned in Vienna\n"
    "By Ilse Varga\n"
    "Police said the exiled writer Anton Kral was poisoned with thallium in Vienna "
    "on 12 March 2024. Gen. Petrov denied it. “We had nothing to do with it,” Petrov said.\n"
    "Editor arrested in Minsk\n"
    "By Piotr Nowak\n"
    "Officers arrested the editor Olga Brava in Minsk last week.\n"
)
SPLIT = TEXT.index("Editor arrested")


def at(text: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(text, start)
    return i, i + len(text)


def prov(span: tuple[int, int], article: str = "a_one") -> Provenance:
    return Provenance("f.txt", "0" * 64, 0, article, *span)


def article(aid: str, start: int, end: int, title: str, published: str | None) -> Article:
    return Article(
        id=aid,
        prov=prov((start, end), aid),
        body_start=start,
        text=TEXT[start:end],
        title=title,
        byline=None,
        published=published,
        dateline=None,
        language="en",
        url=None,
    )


ENTITIES = (
    GoldName("Anton Kral", "PERSON", ("Anton Kral", "Kral")),
    GoldName("Ivan Petrov", "PERSON", ("Ivan Petrov", "Petrov")),
    GoldName("Olga Brava", "PERSON", ("Olga Brava",)),
    GoldName("Vienna", "GPE", ("Vienna",)),
    GoldName("Minsk", "GPE", ("Minsk",)),
    GoldName("thallium", "SUBSTANCE", ("thallium",)),
)


def gold_event(eid: str, art: str, kind: str, recipients: tuple[str, ...], evidence: str, **kw: object) -> GoldEvent:  # fmt: skip
    fields: dict[str, object] = {
        "mode": (), "context": (), "actors": (), "date": None, "location": None,
        "country": None, "outcome": None, "fatalities": None, "status": "asserted",
        "source": None, "instrument": (), "optional": False,
    }  # fmt: skip
    fields.update(kw)
    return GoldEvent(
        id=eid, article=art, type=kind, recipients=recipients, evidence=evidence, **fields
    )  # type: ignore[arg-type]


GOLD = GoldFile(
    document="f.txt",
    articles=(
        GoldArticle("a1", "Writer poisoned in Vienna", "Police said the exiled writer", "2024-03-12", "Ilse Varga"),
        GoldArticle("a2", "Editor arrested in Minsk", "Officers arrested the editor", None, "Piotr Nowak"),
    ),
    entities=ENTITIES,
    events=(
        gold_event(
            "e1", "a1", "ASSAULT", ("Anton Kral",),
            "the exiled writer Anton Kral was poisoned with thallium in Vienna",
            date="2024-03-12", location="Vienna", country="AT", instrument=("thallium",),
            mode=("targeted", "unconventional"), outcome="injured",
        ),
        gold_event("e2", "a2", "COERCE", ("Olga Brava",), "Officers arrested the editor Olga Brava", date="2024-03"),
        gold_event("e3", "a2", "COERCE", (), "in Minsk last week", optional=True),
    ),
    quotes=(GoldQuote("q1", "a1", "Ivan Petrov", "We had nothing to do", False),),
    times=(GoldTime("12 March 2024", "2024-03-12", False), GoldTime("last week", "2024-W10", False)),
)  # fmt: skip


def perfect() -> PredictedDocument:
    one = article("a_one", 0, SPLIT, "Writer poisoned in Vienna", "2024-03-12")
    two = article("a_two", SPLIT, len(TEXT), "Editor arrested in Minsk", None)
    return PredictedDocument(
        "f.txt",
        (TEXT,),
        (
            ArticleAnalysis(
                article=one,
                entities=(
                    Entity("e_kral", prov(at("Anton Kral")), "Anton Kral", "PERSON", ("Kral",)),
                    Entity("e_petrov", prov(at("Petrov")), "Ivan Petrov", "PERSON", ("Gen. Petrov", "Petrov")),
                    Entity("e_vienna", prov(at("Vienna")), "Vienna", "GPE"),
                ),
                quotes=(Quote("q_1", prov(at("We had nothing to do with it,")), "We had nothing to do with it,", "e_petrov", "Petrov", "said", True),),
                times=(TimeExpression("t_1", prov(at("on 12 March 2024")), "on 12 March 2024", "2024-03-12", "date"),),
                events=(
                    Event(
                        "ev_1", prov(at("Anton Kral was poisoned with thallium")), "ASSAULT", "Anton Kral was poisoned",
                        recipients=("Kral",), date="2024-03-12", location="Vienna", country="AT",
                        instrument=("thallium",), mode=("targeted",), outcome="injured",
                    ),
                ),
            ),
            ArticleAnalysis(
                article=two,
                entities=(Entity("e_brava", prov(at("Olga Brava"), "a_two"), "Olga Brava", "PERSON"),),
                times=(TimeExpression("t_2", prov(at("last week"), "a_two"), "last week", "2024-W10", "date"),),
                events=(
                    Event("ev_2", prov(at("Officers arrested the editor Olga Brava"), "a_two"), "COERCE", "arrested",
                          recipients=("Olga Brava",), date="2024-03-05"),
                ),
            ),
        ),
    )  # fmt: skip


def test_perfect_output_scores_one_everywhere() -> None:
    report = score_native([GOLD], [perfect()])
    assert report["articles"] == {
        "split_accuracy": 1.0,
        "title_accuracy": 1.0,
        "date_accuracy": 1.0,
    }
    assert report["quotes"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "speaker_accuracy": 1.0}
    times = report["times"]
    assert times == {
        "extent_precision": 1.0, "extent_recall": 1.0, "extent_f1": 1.0,
        "value_accuracy": 1.0, "value_f1": 1.0,
    }  # fmt: skip
    events = report["events"]
    assert isinstance(events, dict)
    assert (events["precision"], events["recall"], events["f1"]) == (1.0, 1.0, 1.0)
    assert events["fields"] == {
        "date": 1.0, "date_year": 1.0, "location": 1.0, "country": 1.0, "actors": None,
        "instrument": 1.0, "mode": 1.0, "outcome": 1.0, "status": 1.0,
    }  # fmt: skip
    assert events["by_type"]["COERCE"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "predicted": 1,
    }  # fmt: skip
    # Found forms: anton kral, kral, ivan petrov, petrov, olga brava, vienna (not minsk,
    # thallium): gold links kral-pair and petrov-pair, both predicted.
    assert report["entities"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "found": 4 / 6}


def test_empty_output_has_zero_recall_and_no_precision() -> None:
    empty = PredictedDocument("f.txt", (TEXT,), ())
    report = score_native([GOLD], [empty])
    assert report["articles"] == {
        "split_accuracy": 0.0,
        "title_accuracy": None,
        "date_accuracy": None,
    }
    assert report["quotes"] == {
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "speaker_accuracy": None,
    }
    events = report["events"]
    assert isinstance(events, dict)
    assert (events["precision"], events["recall"], events["f1"]) == (None, 0.0, 0.0)
    assert report["entities"] == {"precision": None, "recall": None, "f1": None, "found": 0.0}


def test_a_missing_document_counts_as_empty_output() -> None:
    assert (
        score_native([GOLD], [])["quotes"]
        == score_native([GOLD], [PredictedDocument("f.txt", (TEXT,), ())])["quotes"]
    )


def test_one_article_where_gold_has_two_is_a_wrong_split() -> None:
    doc = perfect()
    merged = replace(
        doc.analyses[0],
        article=article("a_one", 0, len(TEXT), "Writer poisoned in Vienna", "2024-03-12"),
    )
    report = score_native([GOLD], [replace(doc, analyses=(merged,))])
    # both gold starts fall in the one predicted article: neither is split right
    assert report["articles"] == {
        "split_accuracy": 0.0,
        "title_accuracy": None,
        "date_accuracy": None,
    }


def test_partial_output_hand_computed() -> None:
    doc = perfect()
    one, two = doc.analyses
    wrong = replace(
        one.events[0], recipients=("Ivan Petrov",)
    )  # recipient resolves to no gold recipient
    spurious_quote = Quote("q_2", prov(at("Police said")), "umbrellas", None, None, None, False)
    late = replace(
        two.events[0], date="2024"
    )  # less precise than gold 2024-03: wrong date, right year
    wrong_value = replace(two.times[0], value="2024-03")
    doc = replace(doc, analyses=(
        replace(one, events=(wrong,), quotes=(*one.quotes, spurious_quote)),
        replace(two, events=(late,), times=(wrong_value,)),
    ))  # fmt: skip
    report = score_native([GOLD], [doc])
    events = report["events"]
    assert isinstance(events, dict)
    assert (events["precision"], events["recall"], events["f1"]) == (0.5, 0.5, 0.5)
    assert events["fields"]["date"] == 0.0 and events["fields"]["date_year"] == 1.0
    assert report["quotes"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 2 / 3,
        "speaker_accuracy": 1.0,
    }
    assert report["times"]["value_accuracy"] == 0.5  # type: ignore[index]
    assert report["times"]["value_f1"] == 0.5  # type: ignore[index]


@pytest.mark.parametrize(
    ("predicted_name", "resolves"),
    [
        ("Kral", True),  # surname of the one gold person so named
        ("Gen. Anton Kral", True),  # title dropped
        ("ANTON KRÁL", True),  # case and diacritics folded
        ("Anton", False),  # a first name alone does not resolve
        ("Olga Brava", False),  # another person
    ],
)
def test_recipient_names_resolve_with_aliases_titles_and_surnames(
    predicted_name: str, resolves: bool
) -> None:
    doc = perfect()
    one = doc.analyses[0]
    event = replace(one.events[0], recipients=(predicted_name,))
    doc = replace(doc, analyses=(replace(one, events=(event,)), doc.analyses[1]))
    events = score_native([GOLD], [doc])["events"]
    assert isinstance(events, dict)
    assert events["by_type"]["ASSAULT"]["recall"] == (1.0 if resolves else 0.0)


def test_one_to_one_matching_prefers_the_better_pair() -> None:
    """Two predictions compete for one gold event: the one with more evidence overlap wins,
    the other is a false positive; an optional gold event is neither found nor missed."""
    doc = perfect()
    two = doc.analyses[1]
    weak = replace(two.events[0], id="ev_weak", prov=prov(at("Olga Brava in Minsk"), "a_two"))
    optional_hit = replace(
        two.events[0], id="ev_opt", recipients=(), prov=prov(at("last week"), "a_two")
    )
    doc = replace(
        doc, analyses=(doc.analyses[0], replace(two, events=(weak, two.events[0], optional_hit)))
    )
    events = score_native([GOLD], [doc])["events"]
    assert isinstance(events, dict)
    # tp 2 (e1, e2 by the strong prediction), fp 1 (the weak one), the optional match is free
    assert (events["precision"], events["recall"]) == (2 / 3, 1.0)


def test_links_are_scored_after_mapping_predicted_ids_to_gold_ids() -> None:
    links = GoldLinks(
        duplicates=(("f.txt#a1", "f.txt#a2"),),
        same_event=(("f.txt#e1", "f.txt#e2"),),
        optional_same_event=(("f.txt#e1", "f.txt#e3"),),
        contradictions=(GoldContradiction(("f.txt#e1", "f.txt#e2"), "date", False),),
    )
    predicted = RawLinks(
        duplicates=(("a_two", "a_one"),),  # order does not matter
        same_event=(("ev_1", "ev_2"), ("ev_1", "ev_unknown")),  # second: a false positive
        contradictions=(("ev_2", "ev_1", "date"), ("ev_1", "ev_2", "location")),
    )
    report = score_native([GOLD], [perfect()], links, predicted)
    assert report["links"] == {
        "duplicates": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
        "same_event": {"precision": 0.5, "recall": 1.0, "f1": 2 / 3},
        "contradictions": {"precision": 0.5, "recall": 1.0, "f1": 2 / 3},
        "refinements_flagged": 0,
    }
    empty = score_native([GOLD], [perfect()], links, RawLinks())
    assert empty["links"]["duplicates"] == {"precision": None, "recall": 0.0, "f1": 0.0}  # type: ignore[index]
