"""Exports: the reviewed events in the formats other tools read.

Each format is one module with a ``write(store, out)`` function that writes
text to ``out`` and returns how many records it wrote; corrections made in
review are applied and rejected events are left out (:mod:`khronika.review`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TextIO

from khronika.errors import InputError
from khronika.export import acled, ftm, plover, records
from khronika.store import Store

Writer = Callable[[Store, TextIO], int]

WRITERS: Final[dict[str, Writer]] = {
    "acled": acled.write,
    "plover": plover.write,
    "ftm": ftm.write,
    "jsonl": records.write_jsonl,
    "csv": records.write_csv,
}
FORMATS: Final = tuple(WRITERS)


def export(store: Store, fmt: str, out: TextIO) -> int:
    """Write the store's events to ``out`` in format ``fmt``; the number of records."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writer(store, out)


__all__ = ["FORMATS", "WRITERS", "export"]
