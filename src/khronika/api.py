"""The small public Python API that the CLI wraps, for notebooks and scripts.

>>> import khronika
>>> with khronika.open_store(":memory:") as store:
...     report = khronika.ingest_paths(store, [khronika.sample_corpus()])
...     len(store.articles()) == report.articles
True
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from khronika.ingest import IngestReport, Progress, ingest
from khronika.settings import Settings
from khronika.store import Store


def open_store(path: str | Path | None = None, *, create: bool = True) -> Store:
    """Open the database at ``path`` (default: ``$KHRONIKA_DB`` or ``./khronika.db``)."""
    settings = Settings.from_env(db_path=path)
    return Store.open(settings.db_path, create=create)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and directories into an open store."""
    return ingest(store, [Path(p) for p in paths], settings or Settings.from_env(), progress)


def sample_corpus() -> Path:
    """The directory of sample articles shipped with khronika."""
    return Path(str(files("khronika") / "data" / "sample"))


def sample_gold() -> Path:
    """The gold annotations of the sample corpus."""
    return Path(str(files("khronika") / "data" / "sample_gold"))
