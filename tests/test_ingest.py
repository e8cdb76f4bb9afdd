from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from khronika.errors import InputError
from khronika.ingest import IngestReport, ingest
from khronika.settings import Settings
from khronika.store import Store


def _run(db: Path, *paths: Path, progress=None) -> IngestReport:  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        return ingest(store, list(paths), Settings(db_path=db), progress)


def _snapshot(db: Path) -> tuple[list[str], object]:
    with Store.open(db) as store:
        return sorted(a.id for a in store.articles()), store.stats()


def test_ingest_reads_a_directory_recursively(tmp_path: Path, small_corpus: Path) -> None:
    report = _run(tmp_path / "k.db", small_corpus)
    assert (report.files, report.ingested, report.articles, report.skipped) == (3, 3, 3, [])
    with Store.open(tmp_path / "k.db") as store:
        titles = {a.title for a in store.articles()}
    assert "Court jails blogger for two years" in titles


def test_ingesting_twice_changes_nothing(tmp_path: Path, small_corpus: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, small_corpus)
    before = _snapshot(db)
    report = _run(db, small_corpus)
    assert (report.unchanged, report.ingested, report.articles) == (3, 0, 0)
    assert _snapshot(db) == before


def test_a_changed_file_replaces_its_records(tmp_path: Path, small_corpus: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, small_corpus)
    ids_before, _ = _snapshot(db)
    changed = small_corpus / "two.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nHe was found on Friday.\n")
    report = _run(db, small_corpus)
    assert (report.replaced, report.unchanged) == (1, 2)
    ids_after, stats = _snapshot(db)
    assert len(ids_after) == 3 and len(set(ids_after) - set(ids_before)) == 1
    assert stats.sources == 3  # type: ignore[attr-defined]


def test_identical_content_under_two_paths_is_one_source(
    tmp_path: Path, small_corpus: Path
) -> None:
    db = tmp_path / "k.db"
    copy = tmp_path / "copy.txt"
    copy.write_bytes((small_corpus / "one.txt").read_bytes())
    report = _run(db, small_corpus, copy)
    assert (report.ingested, report.same_content) == (3, 1)
    _, stats = _snapshot(db)
    assert (stats.sources, stats.paths, stats.articles) == (3, 4, 3)  # type: ignore[attr-defined]


def test_a_missing_path_is_refused_before_anything_is_read(
    tmp_path: Path, small_corpus: Path
) -> None:
    with pytest.raises(InputError, match="no such file"):
        _run(tmp_path / "k.db", small_corpus, tmp_path / "nope.txt")
    _, stats = _snapshot(tmp_path / "k.db")
    assert stats.articles == 0  # type: ignore[attr-defined]


HOSTILE = {
    "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
    "empty.txt": b"",
    "nested.html": b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_skipped_and_the_rest_ingested(
    tmp_path: Path, small_corpus: Path, name: str
) -> None:
    bad = small_corpus / name
    bad.write_bytes(HOSTILE[name])
    report = _run(tmp_path / "k.db", small_corpus)
    assert report.ingested == 3
    assert [s.path for s in report.skipped] == [str(bad.resolve())]
    with Store.open(tmp_path / "k.db") as store:
        assert store.integrity_check() == "ok"


def test_invalid_utf8_is_decoded_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Entführung in Wien\n\n3 May 2025 By Jörg Müller\n\nDie Polizei sucht Zeugen für die Entführung eines Journalisten.\n"
    path.write_bytes(text.encode("cp1252"))
    report = _run(tmp_path / "k.db", path)
    assert report.skipped == [] and report.articles == 1
    with Store.open(tmp_path / "k.db") as store:
        [article] = store.articles()
    assert "Entführung eines Journalisten" in article.text


def test_a_file_that_disappears_mid_run_is_skipped(tmp_path: Path, small_corpus: Path) -> None:
    victim = small_corpus / "two.txt"

    def delete_next(path: Path, documents: int, finished: bool) -> None:
        if finished and path.name == "one.txt":
            victim.unlink()

    report = _run(tmp_path / "k.db", small_corpus, progress=delete_next)
    assert report.ingested == 2
    assert [Path(s.path).name for s in report.skipped] == ["two.txt"]


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from khronika.ingest import ingest
    from khronika.settings import Settings
    from khronika.store import Store

    db, folder, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])

    def progress(path, documents, finished):
        if path.name == "b_feed.jsonl" and documents == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    with Store.open(db) as store:
        ingest(store, [folder], Settings(db_path=db), progress)
    """
)


def _feed(path: Path, records: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            record = {
                "title": f"Report number {n}",
                "date": "2024-03-12",
                "text": f"Police in Kharkiv detained activist number {n} on Tuesday.\n\n"
                "Relatives said he was taken from his flat at dawn.",
            }
            out.write(json.dumps(record) + "\n")


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_an_ingest_killed_half_way_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "a_story.txt").write_text(
        "Raid on newsroom\n\n1 April 2024 By Olha Shevchenko\n\n"
        "Masked officers raided the newsroom and seized laptops.\n",
        encoding="utf-8",
    )
    _feed(folder / "b_feed.jsonl", 300)
    db = tmp_path / "k.db"
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(db), str(folder), "150"], check=False
    )
    assert killed.returncode == -9
    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        assert store.stats().articles == 1  # the first file only: the feed rolled back
    report = _run(db, folder)
    assert (report.unchanged, report.ingested) == (1, 1)
    clean = tmp_path / "clean.db"
    _run(clean, folder)
    assert _snapshot(db) == _snapshot(clean)
    assert len(_snapshot(db)[0]) == 301


GOOD = "Reporter freed in Kyiv\n\n3 May 2025\n\nPolice said the reporter was freed on Friday.\n"


def test_lone_surrogates_and_bad_names_do_not_end_the_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    line = '{"title": "Bad \\ud800 title", "text": "Police said \\udc00 the man was freed."}'
    (folder / "b_surrogate.jsonl").write_text(line + "\n", encoding="utf-8")
    bad_name = folder / os.fsdecode(b"c_bad\xff.txt")
    try:
        bad_name.write_text(GOOD.replace("Kyiv", "Lviv"), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    (folder / "d_good.txt").write_text(GOOD.replace("Kyiv", "Odesa"), encoding="utf-8")
    db = tmp_path / "k.db"
    report = _run(db, folder)
    assert report.files == 4
    assert report.ingested + len(report.skipped) == 4
    assert report.ingested >= 3
    assert report.links is not None
    assert "lone surrogate" in caplog.text and "b_surrogate.jsonl" in caplog.text
    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        articles = list(store.articles())
        titles = {a.title for a in articles}
        assert "Bad \ufffd title" in titles
        assert any("Police said \ufffd the man" in a.text for a in articles)
    for skipped in report.skipped:
        skipped.path.encode("utf-8")  # printable


def test_an_unexpected_error_skips_only_its_file(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import khronika.ingest as ingest_module

    real = ingest_module.analyse_document  # type: ignore[attr-defined]

    def flaky(doc, source, settings):  # type: ignore[no-untyped-def]
        if source.path.endswith("two.txt"):
            raise RuntimeError("boom")
        return real(doc, source, settings)

    monkeypatch.setattr(ingest_module, "analyse_document", flaky)
    db = tmp_path / "k.db"
    report = _run(db, small_corpus)
    assert report.ingested == 2
    [skipped] = report.skipped
    assert skipped.path.endswith("two.txt")
    assert skipped.reason == "unexpected error: RuntimeError: boom"
    assert report.links is not None
    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        assert store.stats().sources == 2
