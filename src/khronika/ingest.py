"""Ingest: read files, analyse them, and write each one to the store atomically."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from khronika.errors import SkippedSource
from khronika.link.run import LinkReport, link_store
from khronika.pipeline import analyse_document
from khronika.read import iter_paths, read_source
from khronika.read.paths import path_text
from khronika.settings import Settings
from khronika.store import Store

log = logging.getLogger(__name__)

#: Called with (path, documents read so far, finished) as a file progresses.
Progress = Callable[[Path, int, bool], None]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did, file by file."""

    files: int = 0
    ingested: int = 0
    replaced: int = 0
    unchanged: int = 0
    same_content: int = 0
    documents: int = 0
    articles: int = 0
    skipped: list[SkippedSource] = field(default_factory=list)
    #: the cross-article stage's figures, if it ran (something new was stored)
    links: LinkReport | None = None


def ingest(
    store: Store,
    paths: Iterable[Path],
    settings: Settings,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and directories (recursively) into ``store``.

    Each file is written in one transaction. A file already stored with the
    same content is left alone; a file whose content changed replaces its
    old records; a file that cannot be read is reported in ``skipped`` and
    the run goes on. When anything new was stored, the cross-article stage
    (:func:`khronika.link.run.link_store`) brings duplicates, entities,
    incidents and contradictions up to date. Raises :class:`~khronika.errors.InputError` before
    doing anything if a given path does not exist.
    """
    files = list(iter_paths(paths))
    report = IngestReport(files=len(files))
    for path in files:
        try:
            _ingest_file(store, path, settings, report, progress)
        except SkippedSource as skipped:
            log.info("%s", skipped)  # the caller reports skipped files
            report.skipped.append(skipped)
        # One file's unforeseen failure must not end the run: its transaction
        # was rolled back by source_transaction, so skip it and go on.
        except Exception as error:
            where = path_text(path)
            log.debug("%s: unexpected error", where, exc_info=True)  # -vv shows the trace
            report.skipped.append(
                SkippedSource(where, f"unexpected error: {type(error).__name__}: {error}")
            )
        if progress:
            progress(path, 0, True)
    if report.ingested or report.replaced or store.unsigned_article_ids():
        report.links = link_store(store)
    return report


def _ingest_file(
    store: Store,
    path: Path,
    settings: Settings,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    key = str(path.resolve())
    read = read_source(Path(key), settings)
    state = store.source_state(key, read.source.sha256)
    if state == "unchanged":
        report.unchanged += 1
        return
    with closing(read.documents) as documents, store.source_transaction(read.source, key) as writer:
        # Content stored already under another path needs only the new path.
        for doc in documents if writer.fresh else ():
            writer.add_document(analyse_document(doc, read.source, settings))
            if progress:
                progress(path, writer.documents, False)
    report.documents += writer.documents
    report.articles += writer.articles
    if state == "changed":
        report.replaced += 1
    elif state == "same_content":
        report.same_content += 1
    else:
        report.ingested += 1
