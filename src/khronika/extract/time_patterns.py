"""Regular expressions that find candidate time expressions in raw text.

Each pattern has a name; :mod:`khronika.extract.time_rules` turns a match
of it into a specification of the value (or rejects it). Patterns are
compiled once, case-insensitively: the rules check the capitals of month
and weekday names. Extents follow TimeML: determiners and modifiers ("the
late 1950s", "about two years ago") are inside, prepositions outside; a
pattern that needs words around the expression marks the expression with
a group named ``x``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khronika.extract.time_lexicon import alternation, table

#: A word boundary that also refuses digits, hyphens and dots glued on the left.
_L = r"(?<![\w$£€#.\-/])"
#: The same on the right (a full stop ending a sentence is allowed).
_R = r"(?![\w\-/]|[.,:]\d)"

_YEAR = r"(?:1\d{3}|20\d{2})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
    r"fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|just|only|barely|well\s+over|"
    r"just\s+over|just\s+under|exactly|precisely|the\s+better\s+part\s+of|fully|another)"
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
#: Modifiers of a period kept inside the extent ("early", "the end of").
_MOD = (
    r"(?:(?:the\s+)?(?:(?:very\s+)?(?:early|late)|mid|middle\s+of|beginning\s+of|start\s+of|"
    r"end\s+of|close\s+of|turn\s+of|first\s+days\s+of|last\s+days\s+of)(?:\s+the)?(?:\s*-\s*|\s+))"
)
_DAYPART = r"(?:morning|afternoon|evening|night)"
_REL = r"(?:this\s+past|this\s+coming|last|next|this)"
_CLOCK = (
    r"(?:(?:about|around|shortly\s+(?:after|before)|just\s+(?:after|before)|after|before)\s+)?"
    r"(?<![\w.:])(?:(?:1[0-2]|0?\d)(?:[:.][0-5]\d)?\s*[ap]\.?m\b\.?|(?:[01]\d|2[0-3])[:.][0-5]\d\s*"
    r"(?:GMT|UTC|local\s+time|hours|h)\b|midnight|noon|dawn|dusk|daybreak)"
)
_SPELLED_YEAR = (
    rf"(?:nineteen[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    rf"sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_ONES}|ten))?)"
)
#: Words between a count and its unit ("ten more years", "eight trading days").
_UNIT_ADJ = r"(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar)"
_ZONE = r"EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local\s+time"


def _month(group: str) -> str:
    """A month name; abbreviations may end with a full stop."""
    full, short = month_names()
    return rf"(?P<{group}>(?:{full})\b|(?:{short})\b\.?)"


@lru_cache(maxsize=1)
def month_names() -> tuple[str, str]:
    """Alternations of full month names and of their abbreviations."""
    names = table("month")
    short = {p for p in names if any(q != p and q.startswith(p) for q in names)}
    full = [p for p in names if p not in short]
    longest_first = sorted(full, key=len, reverse=True), sorted(short, key=len, reverse=True)
    return "|".join(longest_first[0]), "|".join(longest_first[1])


def _weekday(group: str = "wd") -> str:
    return rf"(?P<{group}>{alternation('weekday')})"


def _number() -> str:
    words = alternation("number")
    return rf"(?:\d+(?:\.\d+)?(?:\s+\d/[1-9])?|\d/[1-9]|{_TENS}[\s-]{_ONES}|{words})"


def _units(plural: bool = True) -> str:
    return alternation("unit") if plural else r"second|minute|hour|day|week|month|year|decade"


def _calendar_sources() -> dict[str, str]:
    """Patterns of named calendar periods: dates, months, years, seasons."""
    lead = rf"(?:{_weekday('lead')},?\s+)?"
    year_or_words = rf"(?P<year>{_YEAR}{_R}|{_SPELLED_YEAR}\b)"
    return {
        "iso": rf"{_L}(?P<year>{_YEAR})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})"
        rf"(?:T\d\d:\d\d(?::\d\d)?)?{_R}",
        "numeric": rf"{_L}(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)"
        rf"(?P<year>{_YEAR}){_R}",
        "mdy": rf"{lead}{_month('month')}\s*(?P<day>{_DAY})(?:,?\s+|\s*,\s*)(?P<year>{_YEAR}){_R}",
        "dmy": rf"{lead}(?:the\s+)?{_L}(?P<day>{_DAY})\s+(?:of\s+)?{_month('month')},?\s+"
        rf"(?P<year>{_YEAR}){_R}",
        "md": rf"{lead}{_month('month')}\s*(?P<day>{_DAY}){_R}(?!\s*,?\s*\d)",
        "dm": rf"{lead}(?:the\s+)?{_L}(?P<day>{_DAY})\s+(?:of\s+)?{_month('month')}",
        "my": rf"(?P<mod>{_MOD})?{_month('month')},?\s+(?:of\s+)?{year_or_words}",
        "month": rf"(?:(?P<mod>{_MOD})|(?P<rel>{_REL})\s+)?{_month('month')}(?!\s*\d)",
        "year": rf"(?P<mod>{_MOD})?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?:(?<=mid-)|{_L})"
        rf"(?<!\d,)(?P<year>{_YEAR})(?!\s*(?:%|percent|per\s+cent)|-\w|\.\d|,\d|\d|/\d)",
        "decade": rf"(?:the\s+)?(?P<mod>(?:(?:very\s+)?(?:early|late)\s+|mid\s*-?\s*))?"
        rf"(?:(?:(?<=mid-)|{_L})(?P<decade>(?:1\d|20)\d0)'?s|'(?P<short>\d0)s|"
        rf"(?P<word>{alternation('decade')}))\b",
        "century": rf"(?:the\s+)?(?P<mod>(?:early|late|mid)[\s-]+)?"
        rf"(?P<ord>{alternation('ordinal')}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century\b",
        "season": rf"(?:(?P<rel>{_REL}|the(?:\s+(?:early|late))?|early|late|mid\s*-?)\s+)?"
        rf"(?P<season>{alternation('season')})\b(?:,?\s+(?:of\s+)?{year_or_words})?",
        "quarter": rf"(?:the\s+)?(?:(?P<year1>{_YEAR})\s+)?(?:(?:fiscal|calendar)\s+)?"
        rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+quarter\b"
        rf"(?!\s+of\s+(?:a|the|its|their)\b|s)"
        rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<year2>{_YEAR})|\s+(?P<year3>{_YEAR}))?",
        "half": rf"(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?P<year>{_YEAR}){_R}",
        "of_year": rf"(?:(?P<rel1>this|last|next)\s+year's\s+)?(?P<what>{_month('month')}|"
        r"(?:the\s+)?(?P<ord>first|second|third|fourth)[\s-]+(?P<part>quarter|half)|"
        rf"(?:the\s+)?(?P<season>{alternation('season')}))"
        r"(?(rel1)|\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year\b)",
        "spelled_year": rf"(?:the\s+year\s+)?(?P<year>{_SPELLED_YEAR})\b",
        "holiday": rf"(?P<hol>{alternation('holiday')})\b(?:,?\s+(?P<year>{_YEAR}){_R})?",
        "weekday": rf"(?:(?P<rel>{_REL}|the\s+previous|the\s+following|the\s+next|early|late|"
        rf"earlier|later)\s+)?{_weekday()}\b(?:\s+(?P<part>{_DAYPART}))?",
        "clock_day": rf"{_CLOCK}(?:\s+(?:{_ZONE}))?,?\s+(?:on\s+)?(?:{_weekday()}\b|"
        rf"{_month('month')}\s*(?P<day>{_DAY}){_R})",
        "frequency": rf"\b(?P<word>{alternation('frequency')})\b",
    }


def _period_sources() -> dict[str, str]:
    """Patterns of periods named by reference to others ("the year-ago quarter")."""
    return {
        "period": r"the\s+(?:(?P<which>latest|current|same|comparable|year-ago|year-earlier|"
        r"prior-year|previous)\s+)*(?:(?P<year>(?:1\d|20)\d\d)\s+)?"
        r"(?P<fiscal>(?:fiscal|calendar)\s+)?(?P<unit>quarter|period|year)\b(?!-)",
        "year_end_adj": r"(?:around\s+)?year(?:-|\s+|'s\s+)end\b",
        "year_end": r"(?:the\s+)?(?P<edge>end|beginning|start|middle|close)\s+of\s+"
        r"(?P<rel>the|this|last|next)\s+(?P<unit>year|month|week)\b",
        "ago_adj": r"(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)"
        r"(?:\s+(?:(?:first|second|third|fourth)[\s-]+)?(?:quarter|period))?\b",
        "the_weekend": r"the\s+weekend\b",
        "the_year": r"the\s+(?:(?:full|whole|entire|calendar)\s+)?year\b(?![-'’]|\s+(?:before|"
        r"after|earlier|ago|later|ended|ending|to|two|of|in|that|when)\b)",
    }


def _relative_sources() -> dict[str, str]:
    """Patterns of relative expressions, durations, sets and vague references."""
    num, unit = _number(), _units()
    return {
        "relunit": r"(?:(?P<edge>earlier|later|early|late)\s+(?:in\s+)?)?"
        r"(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+current|the\s+past|"
        r"the\s+previous|the\s+prior|the\s+preceding|the\s+following|the\s+next|the\s+same|"
        r"that|the\s+coming)\s+(?P<unit>day|weekend|week|month|quarter|year|decade|century)\b(?!-)",
        "edge_year": r"(?P<edge>earlier|later)\s+in\s+the\s+(?P<unit>year|month|week|day)\b",
        "deictic": r"(?:(?P<edge>early|late|earlier|later)\s+)?(?P<word>the\s+day\s+before\s+"
        r"yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)\b"
        rf"(?:\s+(?P<part>{_DAYPART}))?",
        "daypart": r"(?P<rel>this|last|that|the\s+next|the\s+following|the\s+same|"
        rf"the\s+previous)\s+(?P<part>{_DAYPART})\b",
        "ago": rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{num})\s+(?P<unit>{unit})"
        r"(?:\s+or\s+so)?\s+ago\b",
        "later": rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{num})\s+(?:more\s+)?(?P<unit>{unit})"
        r"(?:\s+or\s+so)?\s+(?P<dir>later|earlier|afterwards?|after\s+that|before\s+that|"
        r"previously)\b",
        "vague_later": r"(?:(?P<q>many|several|a\s+few|some|few)\s+)?(?P<unit>years|months|weeks|"
        r"days|decades)\s+(?P<dir>ago|later|earlier|afterwards?)\b",
        "duration": rf"(?:(?P<approx>{_APPROX})\s+)?(?:(?P<span>(?:over\s+)?the\s+(?:past|last|"
        r"next|first|previous|coming|following|final|remaining|subsequent)|another)\s+)?"
        rf"(?P<num>{num})\s+(?:{_UNIT_ADJ}\s+)?(?P<unit>{unit})\b(?!-|\s+old\b|\s+of\s+age\b)",
        "duration_adj": rf"{_L}(?P<num>\d+|{_TENS}-{_ONES}|{alternation('number')})-"
        rf"(?P<unit>{_units(False)})\b(?!-old|-long)(?:\s+period)?",
        "duration_bare": r"\b(?:for|within|over|after|lasting|in)\s+(?P<x>(?P<unit>years|months|"
        r"weeks|days|hours|decades|centuries|minutes))\b(?!\s+(?:ago|later|earlier|of))",
        "vague": rf"\b(?P<word>{alternation('vague')})\b",
        "vague_span": rf"\b(?P<word>{alternation('vague_span')})\b",
        "every": rf"\b(?:every|each)\s+(?:other\s+)?(?:(?P<num>{num})\s+)?(?:(?P<unit>{unit})|"
        rf"{_weekday()}|(?P<part>{_DAYPART}))\b",
        "times_per": rf"\b(?:once|twice|(?:{num})\s+times)\s+(?:a|per|each|every)\s+"
        r"(?P<unit>year|month|week|day|hour)\b",
        "rate": r"(?:\d|\b(?:million|billion|trillion|percent|dollars|cents|euros|pounds))\s+"
        r"(?P<x>(?:a|per)\s+(?P<unit>year|month|week|day|hour))\b",
        "clock": _CLOCK,
    }


def _sources() -> dict[str, str]:
    """Pattern name → regular expression source, in order of precedence.

    Of two overlapping candidates the longer wins; of two as long, the
    earlier pattern here.
    """
    sources = {**_calendar_sources(), **_period_sources(), **_relative_sources()}
    return {name: rf"(?<![\w'])(?:{source})" for name, source in sources.items()}


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every pattern, compiled: ``(name, regex)`` pairs in a fixed order."""
    return tuple((name, re.compile(source, re.IGNORECASE)) for name, source in _sources().items())
