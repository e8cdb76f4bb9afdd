"""MUC-4 (GRIT role fillers) adapter: reader, filler mapping and hand-computed scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.evaluate.bench.muc4 import (
    ROLES,
    GoldMention,
    MucDocument,
    evaluate,
    match_role,
    normalise_filler,
    read_muc4,
    role_fillers,
    score,
)
from khronika.model import Article, ArticleAnalysis, Entity, EntityType, Event, Provenance
from khronika.settings import Settings

SHARED = Path(__file__).resolve().parents[3].parent / "shared"

TEXT_1 = (
    "gunmen of the red dawn front attacked a police post in the town of alvera. "
    "two guards were killed by the gunmen with rifles."
)
TEXT_2 = "the weather service said rain would fall on tuesday."
TEXT_3 = 'rebels burned the "el pino" bridge.'


def entity(text: str, mention: str) -> list[object]:
    return [mention, text.index(mention)]


def record(docid: str, text: str, **roles: list[list[list[object]]]) -> str:
    extracts = {role: roles.get(role, []) for role in ROLES}
    return json.dumps({"docid": docid, "doctext": text, "extracts": extracts})


@pytest.fixture
def bench(tmp_path: Path) -> Path:
    """A GRIT-style benchmark directory with a three-document dev split."""
    root = tmp_path / "muc4"
    folder = root / "grit_role_fillers"
    folder.mkdir(parents=True)
    lines = [
        record(
            "TST-0001",
            TEXT_1,
            PerpInd=[[entity(TEXT_1, "gunmen")]],
            PerpOrg=[[entity(TEXT_1, "red dawn front")]],
            Target=[[entity(TEXT_1, "police post")]],
            Victim=[[entity(TEXT_1, "two guards"), entity(TEXT_1, "guards")]],
            Weapon=[[entity(TEXT_1, "rifles")], []],  # an empty entity is dropped
        ),
        record("TST-0002", TEXT_2),
        record(
            "TST-0003",
            TEXT_3,
            PerpInd=[[entity(TEXT_3, "rebels")]],
            Target=[[entity(TEXT_3, '"el pino" bridge'), entity(TEXT_3, "bridge")]],
        ),
    ]
    (folder / "dev.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "train.json").write_text(lines[1] + "\n", encoding="utf-8")
    return root


def test_reads_documents_roles_and_offsets(bench: Path) -> None:
    documents = read_muc4(bench)
    assert [d.docid for d in documents] == ["TST-0001", "TST-0002", "TST-0003"]
    first = documents[0]
    assert first.text == TEXT_1
    assert set(first.roles) == set(ROLES)
    assert first.roles["Victim"] == ((GoldMention("two guards", 75), GoldMention("guards", 79)),)
    assert len(first.roles["Weapon"]) == 1
    for role in ROLES:
        for gold in first.roles[role]:
            for mention in gold:
                assert first.text[mention.offset : mention.offset + len(mention.text)] == (
                    mention.text
                )
    assert all(not entities for entities in documents[1].roles.values())


def test_paths_and_limit(bench: Path) -> None:
    assert len(read_muc4(bench, limit=2)) == 2
    assert len(read_muc4(bench / "grit_role_fillers")) == 3
    assert [d.docid for d in read_muc4(bench / "grit_role_fillers" / "train.json")] == ["TST-0002"]
    with pytest.raises(InputError, match="no such file"):
        read_muc4(bench / "absent")
    with pytest.raises(InputError, match="no GRIT split"):
        read_muc4(bench.parent)


def test_bad_record_is_an_input_error(tmp_path: Path) -> None:
    split = tmp_path / "dev.json"
    split.write_text('{"docid": "X"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_muc4(split)


def test_normalisation_follows_grit() -> None:
    assert normalise_filler('The  "El Pino" bridge') == "el pino bridge"
    assert normalise_filler("members of the front") == "members of front"
    assert normalise_filler("an") == ""
    assert normalise_filler("theatre") == "theatre"


def gold(*entities: tuple[str, ...]) -> tuple[tuple[GoldMention, ...], ...]:
    return tuple(tuple(GoldMention(m, 0) for m in e) for e in entities)


def test_matching_is_one_to_one_and_optimal() -> None:
    # "troops" could match either entity; "army troops" only the first. Greedy
    # in filler order would waste "troops" on the first.
    entities = gold(("army troops", "troops"), ("troops",))
    counts = match_role(entities, ["troops", "army troops"])
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)
    # One filler cannot match two entities; duplicates after normalisation count once.
    counts = match_role(entities, ["the troops", "troops"])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)


def perfect() -> dict[str, dict[str, list[str]]]:
    return {
        "TST-0001": {
            "PerpInd": ["the gunmen"],
            "PerpOrg": ["Red Dawn Front"],
            "Target": ["police post"],
            "Victim": ["guards"],
            "Weapon": ["rifles"],
        },
        "TST-0003": {"PerpInd": ["rebels"], "Target": ["El Pino bridge"]},
    }


def test_perfect_predictions_score_one(bench: Path) -> None:
    report = score(read_muc4(bench), perfect())
    assert (report["precision"], report["recall"], report["f1"]) == (1.0, 1.0, 1.0)
    by_role = report["by_role"]
    assert isinstance(by_role, dict)
    assert by_role["Weapon"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_nothing_predicted(bench: Path) -> None:
    report = score(read_muc4(bench), {})
    assert report["recall"] == 0.0 and report["precision"] is None and report["f1"] == 0.0


def test_partial_predictions(bench: Path) -> None:
    # Gold: 7 entities. Predicted: PerpInd gunmen (tp) + soldiers (fp); Victim
    # "two guards" (tp); Target "alvera" (fp); a filler on the empty document
    # (fp); TST-0003 nothing (2 fn).
    predictions = {
        "TST-0001": {
            "PerpInd": ["gunmen", "soldiers"],
            "Victim": ["two guards"],
            "Target": ["alvera"],
        },
        "TST-0002": {"PerpOrg": ["weather service"]},
    }
    report = score(read_muc4(bench), predictions)
    assert report["precision"] == pytest.approx(2 / 5)
    assert report["recall"] == pytest.approx(2 / 7)
    assert report["f1"] == pytest.approx(4 / 12)
    by_role = report["by_role"]
    assert isinstance(by_role, dict)
    assert by_role["PerpInd"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})
    assert by_role["PerpOrg"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert by_role["Weapon"] == {"precision": None, "recall": 0.0, "f1": 0.0}


PROV = Provenance("doc", "0" * 64, 0, "a1", 0, 10)


def make_entity(name: str, kind: EntityType, *aliases: str) -> Entity:
    return Entity(id=f"n_{name}", prov=PROV, name=name, type=kind, aliases=aliases)


def make_event(**fields: tuple[str, ...]) -> Event:
    return Event(id="e", prov=PROV, type="ASSAULT", evidence="", **fields)  # type: ignore[arg-type]


def analysis(entities: tuple[Entity, ...], events: tuple[Event, ...]) -> ArticleAnalysis:
    article = Article(
        id="a1",
        prov=PROV,
        body_start=0,
        text="x" * 10,
        title=None,
        byline=None,
        published=None,
        dateline=None,
        language=None,
        url=None,
    )
    return ArticleAnalysis(article=article, entities=entities, events=events)


def test_role_fillers_map_actors_recipients_and_instruments() -> None:
    entities = (
        make_entity("Ana Ruiz", "PERSON"),
        make_entity("Red Dawn Front", "ORG", "RDF"),
        make_entity("Alvera", "GPE"),
        make_entity("police post", "FACILITY"),
        make_entity("Juan Soto", "PERSON"),
        make_entity("rifle", "WEAPON"),
    )
    events = (
        make_event(
            actors=("Ana Ruiz", "RDF", "gunmen", "police post"),
            recipients=("Juan Soto", "police post", "two guards", "Alvera"),
            instrument=("rifle",),
        ),
        make_event(
            actors=("Red Dawn Front", "Ana Ruiz"), recipients=("Juan Soto",), instrument=("Rifle",)
        ),
    )
    fillers = role_fillers(analysis(entities, events))
    assert fillers == {
        "PerpInd": ["Ana Ruiz", "gunmen"],  # unknown type -> PerpInd; FACILITY actor ignored
        "PerpOrg": ["RDF", "Red Dawn Front"],  # an alias resolves; forms differ, both kept
        "Target": ["police post", "Alvera"],
        "Victim": ["Juan Soto", "two guards"],  # unknown type -> Victim
        "Weapon": ["rifle"],  # "Rifle" is the same filler once normalised
    }


def test_role_fillers_feed_the_scorer(bench: Path) -> None:
    entities = (make_entity("Red Dawn Front", "ORG"), make_entity("police post", "FACILITY"))
    events = (
        make_event(
            actors=("gunmen", "Red Dawn Front"),
            recipients=("police post", "two guards"),
            instrument=("rifles",),
        ),
    )
    documents = [d for d in read_muc4(bench) if d.docid == "TST-0001"]
    report = score(documents, {"TST-0001": role_fillers(analysis(entities, events))})
    assert report["f1"] == 1.0


def test_score_accepts_documents_built_by_hand() -> None:
    document = MucDocument("D", "text", {role: () for role in ROLES})
    assert score([document], {"D": {"Victim": ["someone"]}})["precision"] == 0.0


def test_evaluate_reports_the_roles_section(bench: Path) -> None:
    report = evaluate(bench, Settings(), 2)
    assert report["format"] == "muc4" and report["documents"] == 2
    roles = report["roles"]
    assert isinstance(roles, dict) and set(roles["by_role"]) == set(ROLES)


def test_evaluate_on_the_real_dev_split() -> None:
    bench = SHARED / "benchmarks" / "muc4"
    if not (bench / "grit_role_fillers" / "dev.json").is_file():
        pytest.skip(f"MUC-4 not found at {bench} (the shared benchmarks sit beside the clone)")
    report = evaluate(bench, Settings(), 3)
    assert report["format"] == "muc4" and report["documents"] == 3
    roles = report["roles"]
    assert isinstance(roles, dict)
    assert set(roles) == {"precision", "recall", "f1", "by_role"}
    assert set(roles["by_role"]) == set(ROLES)
    for role in ROLES:
        figures = roles["by_role"][role]
        assert set(figures) == {"precision", "recall", "f1"}
        assert all(v is None or 0.0 <= v <= 1.0 for v in figures.values())
