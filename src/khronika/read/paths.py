"""Which files to read: expanding directories and naming formats."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

from khronika.errors import InputError
from khronika.model import SourceFormat

logger = logging.getLogger(__name__)


def path_text(path: PurePath) -> str:
    r"""``path`` as printable text, even when its name is not valid UTF-8.

    Undecodable bytes (surrogate escapes) are shown as backslash escapes.

    >>> path_text(Path(os.fsdecode(b"bad\xff.txt")))
    'bad\\udcff.txt'
    """
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


_SUFFIX_FORMATS: dict[str, SourceFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".warc": "warc",
    ".warc.gz": "warc",
}


def _known_suffix(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    suffix = PurePath(lower).suffix
    return suffix if suffix in _SUFFIX_FORMATS else None


def format_of(path: Path) -> SourceFormat:
    """The format a file is read as, from its name; unknown names are text.

    >>> format_of(Path("crawl.WARC.gz")), format_of(Path("notes"))
    ('warc', 'txt')
    """
    suffix = _known_suffix(path.name)
    return _SUFFIX_FORMATS[suffix] if suffix else "txt"


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file to read, each once, directories expanded recursively.

    Inside directories, entries are visited in name order, hidden files and
    directories are skipped and only known extensions are picked up; a file
    given explicitly is yielded whatever its name. All paths are checked
    before anything is yielded: a missing one raises
    :class:`~khronika.errors.InputError`.
    """
    given = list(paths)
    for path in given:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
    return _expand(given)


def _expand(given: list[Path]) -> Iterator[Path]:
    seen: set[str] = set()
    visited_dirs: set[str] = set()
    for path in given:
        found = _walk(path, visited_dirs) if path.is_dir() else iter([path])
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file


def _walk(directory: Path, visited: set[str]) -> Iterator[Path]:
    real = os.path.realpath(directory)
    if real in visited:  # a symlink loop, or the same directory given twice
        return
    visited.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        logger.warning("%s: cannot list the directory (%s), skipped", directory, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, visited)
        elif entry.is_file() and _known_suffix(entry.name):
            yield entry
