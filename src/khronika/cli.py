"""The command line: thin wrappers over the Python API.

Exit status: 0 on success, 1 for an error (printed as one line), 2 for a
usage mistake, 3 when some input files were skipped.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import click
from tqdm import tqdm

from khronika import __version__
from khronika.errors import KhronikaError
from khronika.evaluate import FORMATS, evaluate
from khronika.evaluate.report import render_table
from khronika.evaluate.select import Selection
from khronika.export.command import export_cmd
from khronika.ingest import ingest
from khronika.model import Article, Event, LinkKind, Quote
from khronika.names import same_person
from khronika.review import effective_events
from khronika.settings import DB_ENV, Settings
from khronika.store import Store
from khronika.web.command import serve

EXIT_ERROR = 1
EXIT_SKIPPED = 3

P = ParamSpec("P")
R = TypeVar("R")


def _fail_cleanly(func: Callable[P, R]) -> Callable[P, R]:
    """Turn khronika's own errors into one line on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except KhronikaError as err:
            click.echo(f"khronika: error: {err}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Database file (default: ${DB_ENV} or ./khronika.db).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="khronika")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, verbose: int) -> None:
    """khronika: turn reporting into a sourced chronicle of events."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="khronika: %(levelname)s: %(message)s")
    ctx.obj = Settings.from_env(db_path=db_path)


@contextmanager
def _store(settings: Settings, *, create: bool = False) -> Iterator[Store]:
    # readers open the file read-only and never migrate it; only ingest writes
    with Store.open(settings.db_path, create=create, read_only=not create) as store:
        yield store


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-progress", is_flag=True, help="Do not draw a progress bar.")
@click.pass_obj
@_fail_cleanly
def ingest_cmd(settings: Settings, paths: tuple[Path, ...], no_progress: bool) -> None:
    """Read files and directories (recursively) into the database."""
    with (
        _store(settings, create=True) as store,
        tqdm(
            total=None, unit="file", disable=no_progress or None, file=sys.stderr, leave=False
        ) as bar,
    ):

        def progress(path: Path, documents: int, finished: bool) -> None:
            if finished:
                bar.update(1)
            else:
                bar.set_postfix_str(f"{path.name}: {documents} documents", refresh=False)

        report = ingest(store, paths, settings, progress)
    for skipped in report.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(
        f"{report.files} files: {report.ingested} ingested, {report.replaced} replaced, "
        f"{report.unchanged} unchanged, {report.same_content} identical to a stored file, "
        f"{len(report.skipped)} skipped; {report.articles} articles from "
        f"{report.documents} documents -> {settings.db_path}"
    )
    if report.links:
        found = report.links
        click.echo(
            f"across articles: {found.duplicates} republished copies, {found.incidents} "
            f"incidents told by several articles, {found.contradictions} contradictions, "
            f"{found.refinements} refinements"
        )
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def article_json(article: Article) -> dict[str, object]:
    """The JSON object ``khronika articles --json`` prints for one article."""
    return {
        "id": article.id,
        "source": article.prov.source_path,
        "document": article.prov.document,
        "locator": article.locator,
        "title": article.title,
        "published": article.published,
        "byline": article.byline,
        "dateline": article.dateline,
        "language": article.language,
        "url": article.url,
        "start": article.start,
        "end": article.end,
        "body_start": article.body_start,
    }


@cli.command("articles")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
@_fail_cleanly
def articles_cmd(settings: Settings, as_json: bool) -> None:
    """List the stored articles."""
    with _store(settings) as store:
        articles = store.articles()
    if as_json:
        click.echo(json.dumps([article_json(a) for a in articles], ensure_ascii=False, indent=2))
        return
    for a in articles:
        title = (a.title or "(no title)")[:70]
        click.echo(f"{a.id}  {a.published or '-':10}  {title}  [{Path(a.prov.source_path).name}]")


@cli.command("show")
@click.argument("article_id")
@click.pass_obj
@_fail_cleanly
def show_cmd(settings: Settings, article_id: str) -> None:
    """Print one article with its metadata."""
    with _store(settings) as store:
        a = store.article(article_id)
    click.echo(f"{a.title or '(no title)'}")
    for label, value in (
        ("id", a.id),
        ("source", f"{a.prov.source_path} {a.locator}".strip()),
        ("published", a.published),
        ("byline", a.byline),
        ("dateline", a.dateline),
        ("language", a.language),
        ("url", a.url),
        ("characters", f"{a.start}-{a.end}"),
    ):
        if value:
            click.echo(f"  {label}: {value}")
    click.echo("")
    click.echo(_readable(a.body))


def _readable(text: str) -> str:
    """Body text for a terminal: blanked furniture lines and blank runs collapsed."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


@cli.command("entities")
@click.option("--type", "kind", default=None, help="Only entities of this type (PERSON, ORG, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
@_fail_cleanly
def entities_cmd(settings: Settings, kind: str | None, as_json: bool) -> None:
    """List the entities of every article with their aliases."""
    with _store(settings) as store:
        found = [s for s in store.entities() if kind is None or s.entity.type == kind.upper()]
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "id": s.entity.id,
                        "article_id": s.entity.prov.article_id,
                        "source": s.entity.prov.source_path,
                        "name": s.entity.name,
                        "type": s.entity.type,
                        "aliases": list(s.entity.aliases),
                        "mentions": s.mentions,
                    }
                    for s in found
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for s in found:
        e = s.entity
        aliases = f"  (also: {', '.join(e.aliases)})" if e.aliases else ""
        click.echo(f"{e.type:9} {e.name}{aliases}  x{s.mentions}  [{e.prov.article_id}]")


@cli.command("quotes")
@click.option("--speaker", default=None, help="Only quotes by this speaker (any form of the name).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
@_fail_cleanly
def quotes_cmd(settings: Settings, speaker: str | None, as_json: bool) -> None:
    """List direct quotations with their speakers."""
    with _store(settings) as store:
        quotes = [q for q in store.quotes() if speaker is None or same_person(q.speaker, speaker)]
    if as_json:
        click.echo(json.dumps([quote_json(q) for q in quotes], ensure_ascii=False, indent=2))
        return
    for q in quotes:
        who = q.speaker or "(unknown speaker)"
        doubt = "" if q.speaker_confident else "?"
        text = " ".join(q.text.split())
        click.echo(
            f"{who}{doubt}: “{text[:160]}{'…' if len(text) > 160 else ''}”  [{q.prov.article_id}]"
        )


def quote_json(quote: Quote) -> dict[str, object]:
    """The JSON object ``khronika quotes --json`` prints for one quote."""
    return {
        "id": quote.id,
        "article_id": quote.prov.article_id,
        "source": quote.prov.source_path,
        "speaker": quote.speaker,
        "speaker_id": quote.speaker_id,
        "speaker_confident": quote.speaker_confident,
        "cue": quote.cue,
        "unclosed": quote.unclosed,
        "text": quote.text,
        "start": quote.prov.start,
        "end": quote.prov.end,
    }


@cli.command("events")
@click.option(
    "--type", "kind", default=None, help="Only events of this PLOVER type (ASSAULT, ...)."
)
@click.option("--status", default=None, help="Only events with this status (asserted, ...).")
@click.option("--since", default=None, help="Only events dated on or after this ISO date prefix.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option(
    "--raw",
    is_flag=True,
    help="Show events as extracted: rejected ones too, corrections not applied.",
)
@click.pass_obj
@_fail_cleanly
def events_cmd(
    settings: Settings,
    kind: str | None,
    status: str | None,
    since: str | None,
    as_json: bool,
    raw: bool,
) -> None:
    """List events with their evidence sentences, as reviewed (the web app and exports agree)."""
    with _store(settings) as store:
        stored = store.events() if raw else [r.event for r in effective_events(store)]
        events = [
            e
            for e in stored
            if (kind is None or e.type == kind.upper())
            and (status is None or e.status == status.lower())
            and (since is None or (e.date is not None and e.date[: len(since)] >= since))
        ]
    if as_json:
        click.echo(json.dumps([event_json(e) for e in events], ensure_ascii=False, indent=2))
        return
    for e in events:
        who = ", ".join(e.recipients) or "-"
        by = f" by {', '.join(e.actors)}" if e.actors else ""
        click.echo(
            f"{e.date or '????':10} {e.type:8} {e.status:12} {who}{by}  [{e.prov.article_id}]"
        )
        click.echo(f"    “{' '.join(e.evidence.split())}”")


@cli.command("duplicates")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
@_fail_cleanly
def duplicates_cmd(settings: Settings, as_json: bool) -> None:
    """List republished copies: pairs of articles telling the same story."""
    with _store(settings) as store:
        pairs = [
            (link, store.article(link.left), store.article(link.right))
            for link in store.links("duplicate")
        ]
    if as_json:
        rows = [
            {"id": link.id, "score": link.score, "reason": link.reason,
             "left": article_json(left), "right": article_json(right)}
            for link, left, right in pairs
        ]  # fmt: skip
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for link, left, right in pairs:
        click.echo(f"{link.score:.2f} shared  {link.reason}")
        for article in (left, right):
            click.echo(f"    {article.id}  {article.prov.source_path}  {article.title or ''}")


@cli.command("incidents")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
@_fail_cleanly
def incidents_cmd(settings: Settings, as_json: bool) -> None:
    """List incidents told by several articles, each report with its source and evidence."""
    with _store(settings) as store:
        incidents = [(i, [store.event(e) for e in i.events]) for i in store.incidents()]
    if as_json:
        rows = [
            {"id": i.id, "type": i.type, "date": i.date,
             "reports": [event_json(e) for e in reports]}
            for i, reports in incidents
        ]  # fmt: skip
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for incident, reports in incidents:
        click.echo(
            f"{incident.date or '????':10} {incident.type:8} {incident.id}"
            f"  ({len(reports)} reports)"
        )
        for e in reports:
            click.echo(
                f"    {e.date or '????':10} {e.location or '-'}; {e.status}"
                f"  [{e.prov.source_path}, {e.prov.article_id}]"
            )
            click.echo(f"        “{' '.join(e.evidence.split())}”")


@cli.command("contradictions")
@click.option(
    "--refinements", is_flag=True, help="List refinements (compatible, more precise) instead."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
@_fail_cleanly
def contradictions_cmd(settings: Settings, refinements: bool, as_json: bool) -> None:
    """List fields on which two reports of one incident cannot both be true."""
    with _store(settings) as store:
        kind: LinkKind = "refinement" if refinements else "contradiction"
        found = [
            (link, store.event(link.left), store.event(link.right)) for link in store.links(kind)
        ]
    if as_json:
        rows = [
            {"id": link.id, "kind": link.kind, "field": link.field,
             "values": list(link.values or ()), "reason": link.reason,
             "left": event_json(left), "right": event_json(right)}
            for link, left, right in found
        ]  # fmt: skip
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for link, left, right in found:
        click.echo(link.reason or f"{link.field}")
        for event, value in zip((left, right), link.values or ("", ""), strict=True):
            click.echo(f"    {value!r}  [{event.prov.source_path}, {event.prov.article_id}]")
            click.echo(f"        “{' '.join(event.evidence.split())}”")


def event_json(event: Event) -> dict[str, object]:
    """The JSON object ``khronika events --json`` prints for one event."""
    return {
        "id": event.id,
        "article_id": event.prov.article_id,
        "source_file": event.prov.source_path,
        "type": event.type,
        "mode": list(event.mode),
        "context": list(event.context),
        "actors": list(event.actors),
        "recipients": list(event.recipients),
        "date": event.date,
        "location": event.location,
        "country": event.country,
        "instrument": list(event.instrument),
        "outcome": event.outcome,
        "fatalities": event.fatalities,
        "status": event.status,
        "source": event.source,
        "evidence": event.evidence,
        "start": event.prov.start,
        "end": event.prov.end,
    }


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.pass_obj
@_fail_cleanly
def stats_cmd(settings: Settings, as_json: bool) -> None:
    """Count what the database holds."""
    with _store(settings) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(asdict(stats)))
        return
    click.echo(f"database: {settings.db_path}")
    for name, value in asdict(stats).items():
        click.echo(f"  {name.replace('_', ' ')}: {value}")


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=None,
    help="Directory of the source files the gold annotates (native format).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="native",
    show_default=True,
    help="Gold format: khronika-gold/1, or a public benchmark in its own format.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N benchmark documents.")
@click.option(
    "--only",
    multiple=True,
    metavar="PATTERN",
    help="Score only documents whose name matches (shell pattern, repeatable; native format).",
)
@click.option(
    "--skip",
    multiple=True,
    metavar="PATTERN",
    help="Leave out documents whose name matches (shell pattern, repeatable; native format).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.pass_obj
@_fail_cleanly
def eval_cmd(
    settings: Settings,
    gold: Path,
    corpus: Path | None,
    fmt: str,
    limit: int | None,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    as_json: bool,
) -> None:
    """Score extraction against gold annotations (in a temporary database).

    A development part and a check part of one corpus are scored with
    ``--skip 'bucha_*'`` and ``--only 'bucha_*'``.
    """
    report = evaluate(
        gold,
        corpus=corpus,
        format=fmt,
        settings=settings,
        limit=limit,
        selection=Selection(only, skip),
    )
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(report))


def main() -> None:
    """Console-script entry point."""
    cli()


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    """``khronika COMMAND --db PATH``: the database named after the command wins."""
    if value is not None:
        ctx.obj = replace(ctx.find_object(Settings) or Settings.from_env(), db_path=value)


def _accept_db_everywhere(group: click.Group) -> None:
    """Give every command its own ``--db``, so it may follow the command as well as precede it."""
    for command in group.commands.values():
        if any(param.name == "db_path" for param in command.params):
            continue
        command.params.append(
            click.Option(
                ["--db"],
                type=click.Path(path_type=Path),
                default=None,
                expose_value=False,
                callback=_db_after_command,
                help=f"Database file (the same as khronika --db PATH {command.name}).",
            )
        )


cli.add_command(serve)
cli.add_command(export_cmd)
_accept_db_everywhere(cli)
