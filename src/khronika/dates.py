"""Dates as ISO prefixes whose length is their precision, and how two of them relate.

``"2024"`` is a year, ``"2024-03"`` a month, ``"2024-03-12"`` a day, ``"195"``
a decade. Two dates are *compatible* when one is a prefix of the other: the
shorter is less precise, not different.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

Precision = Literal["decade", "year", "month", "day"]

_PRECISIONS: dict[int, Precision] = {3: "decade", 4: "year", 7: "month", 10: "day"}
# where a date may be cut to a coarser precision
_CUTS = (10, 7, 4, 3)


def precision(value: str) -> Precision | None:
    """The precision an ISO prefix states, or ``None`` if it is not one."""
    return _PRECISIONS.get(len(value)) if value[:3].isdigit() else None


def compatible(left: str, right: str) -> bool:
    """True when one date is the other stated less precisely (or they are equal)."""
    return left.startswith(right) or right.startswith(left)


def common(left: str, right: str) -> str:
    """The most precise date both agree on (``""`` if not even the decade)."""
    for cut in _CUTS:
        if len(left) >= cut and len(right) >= cut and left[:cut] == right[:cut]:
            return left[:cut]
    return ""


def days_apart(left: str, right: str) -> int | None:
    """Days between two day-precision dates, ``None`` if either is not one."""
    try:
        return abs((date.fromisoformat(left) - date.fromisoformat(right)).days)
    except ValueError:
        return None


def agreed_date(dates: Sequence[str]) -> str | None:
    """The most precise date every one of ``dates`` is compatible with.

    If the most precise date refines all the others it wins; otherwise the
    reports disagree and only what they share is kept (``2024-03-11`` and
    ``2024-03-12`` agree on ``2024-03``).
    """
    if not dates:
        return None
    best = max(dates, key=len)
    if all(compatible(best, d) for d in dates):
        return best
    shared = best
    for other in dates:
        shared = common(shared, other)
    return shared or None
