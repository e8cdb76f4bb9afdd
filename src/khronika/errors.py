"""The one hierarchy of errors khronika raises.

Messages say which input was wrong, how, and what to do about it; the CLI
prints them as one line.
"""

from __future__ import annotations


class KhronikaError(Exception):
    """Base class of every error khronika raises on purpose."""


class InputError(KhronikaError):
    """A path or argument the user gave cannot be used."""


class SkippedSource(InputError):
    """One source file cannot be read; the run goes on without it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: skipped: {reason}")
        self.path = path
        self.reason = reason


class StoreError(KhronikaError):
    """The database cannot be opened, read or written."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer khronika than this one."""


class SearchTimeoutError(StoreError):
    """A search ran past its time limit and was stopped."""


class NotFoundError(KhronikaError):
    """A record asked for by id does not exist."""


class GoldFormatError(InputError):
    """A gold annotation file does not follow khronika-gold/1."""
