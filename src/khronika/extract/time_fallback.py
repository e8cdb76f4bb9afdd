"""A fallback for absolute dates the patterns do not know, parsed by dateparser.

spaCy's ``DATE`` entities that no pattern matched and that carry a year
("the 7th day of September, 1978", "Sept 7th 1978") are handed to
:class:`dateparser.date.DateDataParser`, restricted to absolute dates that
state at least their month and year, so nothing is filled in from today's
date. What it parses becomes a :class:`~khronika.extract.time_resolve.Calendar`
spec at the precision dateparser reports (day or month).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from khronika.extract.time_resolve import Calendar

#: Words at the edge of an entity that TimeML leaves outside the expression.
_EDGE = re.compile(r"^(?:(?:on|in|since|from|until|by|at|of)\s+)+|[\s,.;:]+$", re.IGNORECASE)
#: A year written out: dateparser must not read a day ("Feb. 30") as one.
_YEAR = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")
_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings=_SETTINGS)


def parse_date(text: str) -> Calendar | None:
    """An absolute date with its precision, or ``None``.

    >>> spec = parse_date("the 7th of September, 1978")
    >>> spec.grain, spec.year, spec.month, spec.day
    ('day', 1978, 9, 7)
    >>> parse_date("next Tuesday") is None
    True
    """
    data = _parser().get_date_data(text)
    when = data.date_obj
    if when is None or data.period not in ("day", "month"):
        return None
    if data.period == "month":
        return Calendar("month", when.year, when.month)
    return Calendar("day", when.year, when.month, when.day)


def fallback_dates(
    parsed: Sequence[tuple[int, Doc]], taken: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, Calendar]]:
    """``(start, end, spec)`` of date entities outside ``taken`` that dateparser reads."""
    for offset, doc in parsed:
        for ent in doc.ents:
            if ent.label_ != "DATE" or not _YEAR.search(ent.text):
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            if any(s < end and start < e for s, e in taken):
                continue
            inner = _EDGE.sub("", ent.text)
            spec = parse_date(inner) if inner else None
            if spec is not None:
                lead = ent.text.index(inner)
                yield start + lead, start + lead + len(inner), spec
