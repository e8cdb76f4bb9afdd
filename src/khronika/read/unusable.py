"""The one internal signal the readers raise: this input cannot be used."""

from __future__ import annotations


class Unusable(Exception):
    """A record, page or whole source cannot be used, and why.

    Readers raise it; the caller decides what it means: a record that is
    logged and skipped, or a source turned into
    :class:`khronika.errors.SkippedSource`.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def too_long(length: int, limit: int) -> Unusable:
    """The reason a text of ``length`` characters over ``limit`` is refused.

    >>> too_long(2_500_000, 2_000_000).reason
    'text of 2,500,000 characters is longer than the 2,000,000-character limit'
    """
    return Unusable(f"text of {length:,} characters is longer than the {limit:,}-character limit")
