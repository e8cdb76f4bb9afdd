"""khronika: from news and investigative reporting to a sourced chronicle.

The public API: :func:`open_store`, :func:`ingest_paths`, :func:`analyse_text`,
:func:`sample_corpus`, :class:`Settings` and :class:`Store`; the records are
in :mod:`khronika.model`.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("khronika")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

logging.getLogger(__name__).addHandler(logging.NullHandler())

from khronika.api import ingest_paths, open_store, sample_corpus, sample_gold  # noqa: E402
from khronika.pipeline import analyse_text  # noqa: E402
from khronika.settings import Settings  # noqa: E402
from khronika.store import Store  # noqa: E402

__all__ = [
    "Settings",
    "Store",
    "__version__",
    "analyse_text",
    "ingest_paths",
    "open_store",
    "sample_corpus",
    "sample_gold",
]
