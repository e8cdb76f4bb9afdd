from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from khronika.cli import EXIT_ERROR, EXIT_SKIPPED, cli
from khronika.store import Store


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_ingest_then_list_show_and_count(tmp_path: Path, small_corpus: Path) -> None:
    db = str(tmp_path / "k.db")
    result = run("--db", db, "ingest", "--no-progress", str(small_corpus))
    assert result.exit_code == 0, result.output
    assert "3 files: 3 ingested" in result.output and "3 articles" in result.output

    listed = json.loads(run("--db", db, "articles", "--json").output)
    assert len(listed) == 3
    for item in listed:
        assert {"id", "source", "title", "published", "byline", "language", "start", "end"} <= set(
            item
        )
    first = next(i for i in listed if i["title"] == "Harbour workers detained in Odesa")
    assert (first["published"], first["byline"]) == ("2024-06-04", "Lena Moroz")
    assert first["source"].endswith("one.txt")

    shown = run("--db", db, "show", first["id"])
    assert shown.exit_code == 0
    assert "Security officers detained three harbour workers" in shown.output
    assert "published: 2024-06-04" in shown.output

    stats = json.loads(run("--db", db, "stats", "--json").output)
    assert (stats["sources"], stats["articles"]) == (3, 3)


def test_database_path_from_the_environment(tmp_path: Path, small_corpus: Path) -> None:
    db = tmp_path / "env.db"
    result = run("ingest", "--no-progress", str(small_corpus), env={"KHRONIKA_DB": str(db)})
    assert result.exit_code == 0
    assert db.exists()


def test_skipped_files_are_named_and_change_the_exit_status(
    tmp_path: Path, small_corpus: Path
) -> None:
    (small_corpus / "blank.txt").write_bytes(b"")
    result = run("--db", str(tmp_path / "k.db"), "ingest", "--no-progress", str(small_corpus))
    assert result.exit_code == EXIT_SKIPPED
    assert "blank.txt: skipped: empty file" in result.output or "blank.txt" in result.output
    assert "3 ingested" in result.output and "1 skipped" in result.output


def _one_error_line(result: Result) -> str:
    assert result.exit_code == EXIT_ERROR
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("khronika: error: "), result.output
    return lines[0]


def test_user_mistakes_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert "no such file" in _one_error_line(run("--db", db, "ingest", str(tmp_path / "nope")))
    assert "no database" in _one_error_line(run("--db", str(tmp_path / "x.db"), "articles"))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite" * 1000)
    assert "not a khronika database" in _one_error_line(run("--db", str(garbage), "stats"))
    assert "no article" in _one_error_line(run("--db", db, "show", "a_123"))


def test_a_database_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    Store.open(db).close()
    with sqlite3.connect(db) as raw:
        raw.execute("INSERT INTO migrations VALUES (999, 'future', '2100-01-01')")
    assert "upgrade khronika" in _one_error_line(run("--db", str(db), "articles"))


@pytest.mark.parametrize(
    "command", ["ingest", "articles", "show", "stats", "entities", "quotes", "eval"]
)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_entities_and_quotes_listings(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Colonel describes raid\n\n"
        "3 May 2025 By Anna Kovacs\n\n"
        "Colonel Viktor Lutsenko led the raid on the newsroom in Kharkiv, witnesses said.\n\n"
        "“We were told to take every computer in the building,” Lutsenko said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", "--no-progress", str(story)).exit_code == 0
    entities = json.loads(run("--db", db, "entities", "--json").output)
    lutsenko = next(e for e in entities if e["name"] == "Viktor Lutsenko")
    assert (lutsenko["type"], lutsenko["mentions"]) == ("PERSON", 2)
    assert "Lutsenko" in lutsenko["aliases"]
    people = run("--db", db, "entities", "--type", "person").output
    assert "Viktor Lutsenko" in people and "ORG" not in people
    quotes = json.loads(run("--db", db, "quotes", "--speaker", "Lutsenko", "--json").output)
    assert [q["speaker"] for q in quotes] == ["Viktor Lutsenko"]
    assert quotes[0]["text"].startswith("We were told to take every computer")
    assert json.loads(run("--db", db, "quotes", "--speaker", "Kovacs", "--json").output) == []


def test_events_listing_with_filters(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Editor detained in Minsk\n\n"
        "3 May 2025 By Anna Kovacs\n\n"
        "Police arrested the editor Olga Brava in Minsk on 2 May 2025, her lawyer said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", "--no-progress", str(story)).exit_code == 0
    events = json.loads(run("--db", db, "events", "--json").output)
    assert [e["type"] for e in events] == ["COERCE"]
    assert events[0]["recipients"] == ["Olga Brava"]
    assert "arrested the editor Olga Brava" in events[0]["evidence"]
    assert json.loads(run("--db", db, "events", "--type", "assault", "--json").output) == []
    assert json.loads(run("--db", db, "events", "--since", "2026", "--json").output) == []
    assert "Olga Brava" in run("--db", db, "events").output


def test_duplicates_incidents_and_contradictions_listings(sample_db: Path) -> None:
    runner = CliRunner()
    db = ["--db", str(sample_db)]
    result = runner.invoke(cli, [*db, "duplicates"])
    assert result.exit_code == 0, result.output
    assert "shared" in result.output and "baltic_courier_interview.txt" in result.output
    result = runner.invoke(cli, [*db, "incidents", "--json"])
    assert result.exit_code == 0, result.output
    incidents = json.loads(result.output)
    assert len(incidents) >= 3
    assert all(len(i["reports"]) >= 2 and i["reports"][0]["evidence"] for i in incidents)
    result = runner.invoke(cli, [*db, "incidents"])
    assert "reports)" in result.output
    result = runner.invoke(cli, [*db, "contradictions", "--json"])
    found = json.loads(result.output)
    assert {"fatalities", "instrument"} <= {c["field"] for c in found}
    assert all(c["left"]["evidence"] and c["right"]["evidence"] for c in found)
    result = runner.invoke(cli, [*db, "contradictions", "--refinements"])
    assert result.exit_code == 0 and "more precise" in result.output
    result = runner.invoke(cli, [*db, "contradictions"])
    assert "cannot both be true" in result.output


@pytest.mark.parametrize("command", ["articles", "stats", "events", "entities", "quotes"])
def test_db_may_follow_the_command(tmp_path: Path, small_corpus: Path, command: str) -> None:
    db = str(tmp_path / "after.db")
    ingested = run("ingest", "--db", db, "--no-progress", str(small_corpus))
    assert ingested.exit_code == 0, ingested.output
    assert f"-> {db}" in ingested.output
    before = run("--db", db, command)
    after = run(command, "--db", db)
    assert after.exit_code == 0, after.output
    assert after.output == before.output


def test_db_after_the_command_wins_over_the_one_before(tmp_path: Path, small_corpus: Path) -> None:
    db = str(tmp_path / "chosen.db")
    result = run(
        "--db", str(tmp_path / "other.db"), "ingest", "--db", db, "--no-progress", str(small_corpus)
    )
    assert result.exit_code == 0, result.output
    assert Path(db).exists() and not (tmp_path / "other.db").exists()


def test_events_apply_reviews_unless_raw(tmp_path: Path, small_corpus: Path) -> None:
    from khronika import review

    db = str(tmp_path / "reviewed.db")
    assert run("--db", db, "ingest", "--no-progress", str(small_corpus)).exit_code == 0
    events = json.loads(run("--db", db, "events", "--json").output)
    assert len(events) >= 2
    rejected, corrected = events[0]["id"], events[1]["id"]
    with Store.open(Path(db)) as store:
        review.record(store, "event", rejected, "reject", {}, "tester")
        review.record(store, "event", corrected, "correct", {"date": "1999-01-02"}, "tester")
    shown = {e["id"]: e for e in json.loads(run("--db", db, "events", "--json").output)}
    assert rejected not in shown
    assert shown[corrected]["date"] == "1999-01-02"
    raw = {e["id"]: e for e in json.loads(run("--db", db, "events", "--json", "--raw").output)}
    assert rejected in raw
    assert raw[corrected]["date"] == events[1]["date"]
