"""Running the whole pipeline on a corpus in a temporary store, for scoring."""

from __future__ import annotations

import tempfile
from contextlib import closing
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.native import PredictedDocument, RawLinks
from khronika.evaluate.select import Selection
from khronika.ingest import Progress, ingest
from khronika.read import read_source
from khronika.read.paths import iter_paths
from khronika.settings import Settings
from khronika.store import Store


def predict_corpus(
    corpus: Path,
    settings: Settings,
    progress: Progress | None = None,
    selection: Selection | None = None,
) -> tuple[list[PredictedDocument], RawLinks]:
    """Ingest ``corpus`` (the ``selection`` of it) into a throw-away store and
    read back what was extracted.

    The user's database is never touched. Documents are named by their path
    relative to ``corpus``, the way gold files name them, also when a file is
    a symbolic link to somewhere else.
    """
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a directory of source files (give --corpus)")
    selection = selection or Selection()
    names = corpus_names(corpus)
    chosen = [path for path, name in names.items() if selection.keeps(name)]
    if not chosen:
        raise InputError(f"{corpus}: no source file matches {selection.describe()}")
    with tempfile.TemporaryDirectory(prefix="khronika-eval-") as tmp:
        db = Path(tmp) / "eval.db"
        local = replace(settings, db_path=db)
        with Store.open(db) as store:
            ingest(store, chosen, local, progress)
            documents = []
            for path, sha in store.source_paths().items():
                with closing(read_source(Path(path), local).documents) as docs:
                    texts = tuple(doc.text for doc in docs)
                name = names[Path(path)]
                documents.append(PredictedDocument(name, texts, tuple(store.analyses(sha))))
            links = predicted_links(store)
    return documents, links


def corpus_names(corpus: Path) -> dict[Path, str]:
    """Every file under ``corpus`` by its resolved path (the store's key), named
    by its path relative to ``corpus`` (the gold's name for it)."""
    return {path.resolve(): path.relative_to(corpus).as_posix() for path in iter_paths([corpus])}


def predicted_links(store: Store) -> RawLinks:
    """The store's cross-article links as the scorer takes them.

    Same-event links become every pair inside each incident, as gold groups do.
    """
    pairs = [pair for incident in store.incidents() for pair in combinations(incident.events, 2)]
    return RawLinks(
        duplicates=tuple((link.left, link.right) for link in store.links("duplicate")),
        same_event=tuple(pairs),
        contradictions=tuple(
            (link.left, link.right, link.field or "") for link in store.links("contradiction")
        ),
    )
