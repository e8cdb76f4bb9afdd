"""Readers: from input paths to source files and the raw documents they hold.

:func:`iter_paths` expands what the user gave into files; :func:`read_source`
checks, hashes and decodes one file and returns its documents as a lazy
iterator. Formats: plain text, HTML (main text by trafilatura), JSON, JSON
lines, CSV and WARC.
"""

from __future__ import annotations

from khronika.read.paths import format_of, iter_paths
from khronika.read.source import SourceRead, read_source

__all__ = ["SourceRead", "format_of", "iter_paths", "read_source"]
