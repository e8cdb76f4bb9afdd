"""The cross-article stage end to end on the sample corpus."""

from pathlib import Path

from khronika.api import ingest_paths, sample_corpus
from khronika.link.run import link_store
from khronika.settings import Settings
from khronika.store import Store


def titles(store: Store, kind: str) -> list[tuple[str, str]]:
    return [
        (store.article(x.left).title or "", store.article(x.right).title or "")
        for x in store.links(kind)  # type: ignore[arg-type]
    ]


def test_the_republished_interview_is_the_one_duplicate(sample_store: Store) -> None:
    [(left, right)] = titles(sample_store, "duplicate")
    assert {left[:20], right[:20]} == {"Ex-KGB officer in Vi", "A KGB colonel breaks"}
    [link] = sample_store.links("duplicate")
    assert link.score is not None and link.score >= 0.5
    assert "shared" in (link.reason or "")


def test_incidents_told_by_several_articles(sample_store: Store) -> None:
    incidents = sample_store.incidents()
    assert len(incidents) >= 3
    sizes = sorted(len(i.events) for i in incidents)
    assert sizes[-1] == 3  # the Tbilisi death: two copies of the interview and the report
    for incident in incidents:
        articles = {sample_store.event(e).prov.article_id for e in incident.events}
        assert len(articles) == len(incident.events)


def test_contradictions_name_both_reports_and_refinements_are_not_contradictions(
    sample_store: Store,
) -> None:
    contradictions = sample_store.links("contradiction")
    fields = {x.field for x in contradictions}
    assert {"fatalities", "instrument"} <= fields
    for link in contradictions:
        assert link.values and link.values[0] != link.values[1]
        assert sample_store.event(link.left).evidence
        assert sample_store.event(link.right).evidence
    refinements = {(x.field, x.values) for x in sample_store.links("refinement")}
    assert ("location", ("Tbilisi", "Vake")) in refinements or (
        "location",
        ("Vake", "Tbilisi"),
    ) in refinements
    assert not {(x.field, x.values) for x in contradictions} & refinements


def test_linking_again_changes_nothing(sample_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with Store.open(sample_db) as source, Store.open(copy) as target:
        source._db.backup(target._db)
    with Store.open(copy) as store:
        before = store.links()
        report = link_store(store)
        assert report.indexed == 0
        assert store.links() == before


def test_a_changed_file_drops_its_old_duplicate_links(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("frontline_gazette_page.txt", "baltic_courier_interview.txt"):
        (corpus / name).write_text((sample_corpus() / name).read_text("utf-8"), "utf-8")
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        ingest_paths(store, [corpus], Settings(db_path=db))
        assert len(store.links("duplicate")) == 1
        (corpus / "baltic_courier_interview.txt").write_text(
            "A different story\n\nNothing here repeats the interview at all, "
            "it is about a football match in Riga.\n",
            "utf-8",
        )
        report = ingest_paths(store, [corpus], Settings(db_path=db))
        assert report.replaced == 1
        assert store.links("duplicate") == []
