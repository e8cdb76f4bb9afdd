"""Rules for relative expressions, durations, sets and vague references.

"yesterday", "last week", "two years ago" count from the publication date;
"the next day", "two days later", "a year earlier" from the anchor (the
text's latest date before them); "three years", "weeks" are durations;
"every week", "twice a day" sets; "now", "years ago" vague references.
"""

from __future__ import annotations

import re
from fractions import Fraction

from khronika.extract.time_context import TextView
from khronika.extract.time_lexicon import lookup
from khronika.extract.time_resolve import Anchored, Clock, Fixed, Relative, Spec, Tensed
from khronika.extract.time_rules import Rule, title_inside
from khronika.extract.time_values import UNIT_GRAIN, Grain

#: Lexicon unit code → (TIMEX3 designator, is a time unit, multiplier).
_DESIGNATOR: dict[str, tuple[str, bool, int]] = {
    "S": ("S", True, 1),
    "MIN": ("M", True, 1),
    "H": ("H", True, 1),
    "D": ("D", False, 1),
    "W": ("W", False, 1),
    "M": ("M", False, 1),
    "Q": ("M", False, 3),
    "Y": ("Y", False, 1),
    "DE": ("Y", False, 10),
    "CE": ("Y", False, 100),
}
#: A fraction of a unit is written in the next smaller unit.
_SMALLER: dict[str, tuple[str, int]] = {
    "Y": ("M", 12),
    "DE": ("Y", 10),
    "M": ("D", 30),
    "Q": ("M", 3),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_TENS |= {"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_AHEAD = frozenset({"later", "afterwards", "afterward", "after that"})
#: Counts beyond this are not calendar arithmetic ("99999 days ago").
_MAX_COUNT = 10_000


def count(text: str) -> Fraction | None:
    """The number a counting phrase says; ``None`` for "several", "a few".

    >>> count("2 1/2"), count("twenty-five"), count("a couple of"), count("several")
    (Fraction(5, 2), Fraction(25, 1), Fraction(2, 1), None)
    """
    words = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(\.\d+)?( \d/[1-9])?|\d/[1-9]", words):
        return sum((Fraction(part) for part in words.split()), Fraction(0))
    first, _, rest = words.partition(" ")
    if first in _TENS and rest:
        ones = lookup("number", rest)
        return Fraction(_TENS[first] + int(ones)) if ones and ones.isdigit() else None
    value = lookup("number", words)
    return None if value is None or value == "X" else Fraction(int(value))


def unit_code(word: str) -> str:
    """The lexicon code of a unit word (``days`` → ``D``)."""
    code = lookup("unit", word)
    if code is None:
        raise ValueError(f"not a unit: {word!r}")
    return code


def whole(amount: Fraction, unit: str) -> tuple[int, str]:
    """``amount`` units as a whole number of the same or the next smaller unit.

    >>> whole(Fraction(5, 2), "Y"), whole(Fraction(1, 5), "W")
    ((30, 'M'), (1, 'D'))
    """
    if amount.denominator != 1 and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        amount *= factor
    return round(amount), unit


def duration_value(amount: Fraction | None, unit: str) -> str:
    """The TIMEX3 duration (``P2D``, ``PT3H``, ``P2Y6M``, ``PXW``)."""
    designator, timed, _ = _DESIGNATOR[unit]
    if amount is None:
        return f"{'PT' if timed else 'P'}X{designator}"
    parts = [(int(amount), unit)] if int(amount) or amount == 0 else []
    if amount != int(amount):
        parts.append(whole(amount - int(amount), unit))
    dates = "".join(_part(n, u) for n, u in parts if not _DESIGNATOR[u][1])
    times = "".join(_part(n, u) for n, u in parts if _DESIGNATOR[u][1])
    return "P" + dates + ("T" + times if times else "")


def _part(number: int, unit: str) -> str:
    designator, _, factor = _DESIGNATOR[unit]
    return f"{number * factor}{designator}"


def grain_of(unit: str) -> Grain:
    return UNIT_GRAIN[unit]


def ago(match: re.Match[str], view: TextView) -> Spec | None:
    """``two years ago`` → the DCT's year minus two; ``years ago`` is vague."""
    unit = unit_code(match["unit"])
    amount = count(match["num"])
    if amount is None:
        return Fixed("PAST_REF", "vague")
    if amount > _MAX_COUNT:
        return None
    number, small = whole(amount, unit)
    if grain_of(small) == "day" and small != "D":
        return Relative("D", 0, "day")
    grain = grain_of(unit) if unit not in ("DE", "CE") else "year"
    return Relative(small, -number, grain, period=unit in ("Y", "Q"))


def later(match: re.Match[str], view: TextView) -> Spec | None:
    """``two days later``, ``a year earlier``: counted from the anchor."""
    unit = unit_code(match["unit"])
    amount = count(match["num"])
    ahead = " ".join(match["dir"].lower().split()) in _AHEAD
    if amount is None:
        return Tensed() if ahead else Fixed("PAST_REF", "vague")
    if amount > _MAX_COUNT:
        return None
    number, small = whole(amount, unit)
    if grain_of(small) == "day" and small != "D":
        return Anchored("D", 0, None)
    return Anchored(small, number if ahead else -number, None)


def vague_later(match: re.Match[str], view: TextView) -> Spec | None:
    """``years ago``, ``many years earlier``, ``years later``."""
    direction = match["dir"].lower()
    return Tensed() if direction in _AHEAD else Fixed("PAST_REF", "vague")


def duration(match: re.Match[str], view: TextView) -> Spec | None:
    """``two days``, ``the past three years``, ``at least ten more years``."""
    unit = unit_code(match["unit"])
    number = match["num"].lower()
    if unit == "S" and number in ("a", "an", "one"):
        return None
    if re.fullmatch(r"1\d{3}|20\d\d", number) and not match["unit"].lower().endswith("s"):
        return None
    following = view.after(match.end())
    if unit == "Q" and following is not None and following.lower_ == "of":
        return None
    return Fixed(duration_value(count(number), unit), "duration")


def duration_bare(match: re.Match[str], view: TextView) -> Spec | None:
    """``for years`` → ``PXY``."""
    return Fixed(duration_value(None, unit_code(match["unit"])), "duration")


def relunit(match: re.Match[str], view: TextView) -> Spec | None:
    """``this week``, ``last year``, ``the next day``, ``that year``, ``the past year``."""
    rel = " ".join(match["rel"].lower().split())
    if title_inside(view, match.start("unit")):
        return None
    word = match["unit"].lower()
    unit = "W" if word == "weekend" else unit_code(word)
    grain: Grain = "weekend" if word == "weekend" else grain_of(unit)
    if rel in ("this", "the current", "last", "this past", "next", "this coming", "the coming"):
        if word == "day":
            return None
        amount = {"this": 0, "the current": 0, "last": -1, "this past": -1}.get(rel, 1)
        return Relative(unit, amount, grain)
    if rel == "the past":
        return None if word == "day" else Fixed(duration_value(count("1"), unit), "duration")
    if rel in ("that", "the same"):
        return Anchored(unit, 0, grain)
    amount = -1 if rel in ("the previous", "the prior", "the preceding") else 1
    return Anchored(unit, amount, grain)


def edge(match: re.Match[str], view: TextView) -> Spec | None:
    """``earlier in the year``, ``later in the month``: the anchor's period."""
    unit = unit_code(match["unit"])
    return Anchored(unit, 0, grain_of(unit))


def deictic(match: re.Match[str], view: TextView) -> Spec | None:
    """``yesterday``, ``today``, ``tomorrow``, ``tonight``."""
    if title_inside(view, match.start("word")):
        return None
    word = " ".join(match["word"].lower().split())
    amount = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
    amount = 2 if word == "the day after tomorrow" else amount
    return Relative("D", amount, "day")


def daypart(match: re.Match[str], view: TextView) -> Spec | None:
    """``this morning``, ``last night``, ``that night``, ``the next morning``."""
    rel = " ".join(match["rel"].lower().split())
    if rel == "this":
        return Relative("D", 0, "day")
    if rel == "last":
        return Relative("D", -1, "day")
    amount = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    return Anchored("D", amount, "day")


def vague(match: re.Match[str], view: TextView) -> Spec | None:
    """``now``, ``recently``, ``the future``, ``those days``."""
    phrase = " ".join(match["word"].lower().split())
    value = lookup("vague", phrase)
    after = view.after(match.end())
    if phrase.startswith("the ") and after is not None and after.pos_ in ("NOUN", "PROPN"):
        return None
    if phrase in ("the future", "the past") and after is not None and after.lower_ == "of":
        return None
    if title_inside(view, match.start()):
        return None
    if match["word"] == "Now" and after is not None and after.text == ",":
        return None
    return None if value is None else Fixed(value, "vague")


def vague_span(match: re.Match[str], view: TextView) -> Spec | None:
    """``recent weeks``, ``the coming years``: a duration of unsaid length."""
    unit = lookup("vague_span", match["word"])
    return None if unit is None else Fixed(duration_value(None, unit), "duration")


def every(match: re.Match[str], view: TextView) -> Spec | None:
    """``every week`` → ``P1W``; ``every Monday`` → ``XXXX-WXX-1``."""
    if match["wd"]:
        return Fixed(f"XXXX-WXX-{lookup('weekday', match['wd'])}", "set")
    if match["part"]:
        return Fixed("P1D", "set")
    amount = count(match["num"]) if match["num"] else Fraction(1)
    if "other" in match.group(0).lower() and amount is not None:
        amount *= 2
    return Fixed(duration_value(amount, unit_code(match["unit"])), "set")


def per(match: re.Match[str], view: TextView) -> Spec | None:
    """``twice a week``, ``$5 million a year`` → ``P1W``, ``P1Y``."""
    return Fixed(duration_value(Fraction(1), unit_code(match["unit"])), "set")


def clock(match: re.Match[str], view: TextView) -> Spec | None:
    """``at 9 p.m.``: kept only when its sentence names a day."""
    return Clock()


RELATIVE_RULES: dict[str, Rule] = {
    "ago": ago,
    "later": later,
    "vague_later": vague_later,
    "duration": duration,
    "duration_adj": duration,
    "duration_bare": duration_bare,
    "relunit": relunit,
    "edge_year": edge,
    "deictic": deictic,
    "daypart": daypart,
    "vague": vague,
    "vague_span": vague_span,
    "every": every,
    "times_per": per,
    "rate": per,
    "clock": clock,
}
