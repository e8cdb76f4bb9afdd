"""Rules for periods named by reference to others, and years in words.

"the quarter" and "the latest period" name the period under discussion;
"the year-ago quarter" and "year-earlier" the same period a year back;
"the end of the year", "year-end", "the year" and "the weekend" the period
around the publication date or the anchor; "nineteen ninety-four" a year.
"""

from __future__ import annotations

import re

from khronika.extract.time_context import TextView
from khronika.extract.time_relative import grain_of, unit_code
from khronika.extract.time_resolve import (
    Anchored,
    Calendar,
    Fixed,
    Latest,
    Relative,
    Spec,
    Weekday,
)
from khronika.extract.time_rules import Rule, year_number


def the_weekend(match: re.Match[str], view: TextView) -> Spec | None:
    """``the weekend``: the one before or after the DCT, by tense."""
    return Weekday(6, weekend=True)


#: Words before "of the year" that make it a time ("the rest of the year").
_OF_THE_YEAR = frozenset({"months", "weeks", "days", "quarter", "half", "rest", "end", "start"})


def the_year(match: re.Match[str], view: TextView) -> Spec | None:
    """``the year``, ``the full year``: the year under discussion."""
    words = [t.lower_ for t in view.words_before(match.start(), 2)]
    if words[:1] == ["of"] and (len(words) < 2 or words[1] not in _OF_THE_YEAR):
        return None
    return Anchored("Y", 0, "year")


def period(match: re.Match[str], view: TextView) -> Spec | None:
    """``the quarter``, ``the latest period``, ``the year-ago quarter``, ``the 1988 quarter``."""
    which = (match["which"] or "").lower()
    unit = match["unit"].lower()
    if which in ("year-ago", "year-earlier", "prior-year") or "year-" in match.group(0).lower():
        return Anchored("Y", -1, None)
    if unit == "year":
        return _year_period(match, view, which)
    if match["year"]:
        return Latest("quarter", int(match["year"])) if not which else None
    if which in ("", "latest"):
        return Latest("quarter") if unit == "quarter" or which == "latest" else None
    if unit != "quarter":
        return None
    if which == "current":
        return Relative("Q", 0, "quarter")
    return Anchored("Q", -1, "quarter") if which == "previous" else None


def _year_period(match: re.Match[str], view: TextView, which: str) -> Spec | None:
    """``the year ended June 30`` (a duration), ``the current fiscal year``."""
    following = view.after(match.end())
    if following is not None and following.lower_ in ("ended", "ending"):
        return None if which else Fixed("P1Y", "duration")
    if match["year"]:
        return Calendar("year", int(match["year"]))
    if not match["fiscal"]:
        return None
    return Relative("Y", -1 if which in ("latest", "previous") else 0, "year")


def year_end(match: re.Match[str], view: TextView) -> Spec | None:
    """``the end of the year``, ``the start of next month``: that period."""
    unit = unit_code(match["unit"])
    amount = {"last": -1, "next": 1}.get(match["rel"].lower(), 0)
    return Relative(unit, amount, grain_of(unit))


def year_end_adj(match: re.Match[str], view: TextView) -> Spec | None:
    """``year-end``, ``year's end``: the DCT's year."""
    return Relative("Y", 0, "year")


def spelled_year(match: re.Match[str], view: TextView) -> Spec | None:
    """``nineteen ninety-six``, ``the year two thousand``."""
    following = view.after(match.end())
    named = match.group(0).lower().startswith("the year")
    if not named and following is not None and following.pos_ == "NOUN":
        return None
    value = year_number(match["year"])
    return None if value is None else Calendar("year", value)


def ago_adj(match: re.Match[str], view: TextView) -> Spec | None:
    """``year-earlier``, ``the year-ago quarter``: the anchor a year back."""
    return Anchored("Y", -1, None)


PERIOD_RULES: dict[str, Rule] = {
    "period": period,
    "ago_adj": ago_adj,
    "the_weekend": the_weekend,
    "the_year": the_year,
    "year_end": year_end,
    "year_end_adj": year_end_adj,
    "spelled_year": spelled_year,
}
