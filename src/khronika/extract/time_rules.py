"""Rules for named calendar periods: dates, months, years, decades, seasons.

Each rule takes a match of the pattern of the same name
(:mod:`khronika.extract.time_patterns`) and returns a spec
(:mod:`khronika.extract.time_resolve`) or ``None`` to reject it: a year
that counts people, a month name that is a person's, a weekday inside a
newspaper's title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from khronika.extract.time_context import TextView
from khronika.extract.time_lexicon import lookup
from khronika.extract.time_resolve import Calendar, Fixed, Relative, Spec, Weekday
from khronika.extract.time_values import SEASON_MONTH, make_date

Rule = Callable[[re.Match[str], TextView], Spec | None]

#: Entities a month or weekday name inside of is not a date.
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "NORP", "LAW"})
#: Entities a bare four-digit number inside of is not a year.
_COUNT_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
_REL = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "this": 0}


def _capital(match: re.Match[str], group: str) -> bool:
    text = match.group(group)
    return bool(text) and text[0].isupper()


def _rel(word: str | None) -> int | None:
    return None if word is None else _REL.get(" ".join(word.lower().split()))


def _word_before(view: TextView, start: int) -> str:
    token = view.before(start)
    return "" if token is None else token.lower_.rstrip(".")


def _named(match: re.Match[str], view: TextView, group: str) -> bool:
    """Whether a capitalised name in ``group`` is part of a proper name, not a date."""
    start, end = match.span(group)
    return view.entity(start, end) in _NAME_LABELS


def title_inside(view: TextView, start: int) -> bool:
    """Whether a word is capitalised inside a sentence ("ABC's This Week").

    Time words written so are part of a name or title, not a time.
    """
    token = view.token_at(start)
    if token is None or not token.text[:1].isupper() or token.is_sent_start:
        return False
    before = view.before(start)
    return before is not None and not (before.is_punct or before.is_space or before.is_quote)


def year_number(text: str) -> int | None:
    """A year written in digits or words ("1994", "nineteen ninety-four").

    >>> year_number("nineteen ninety-four"), year_number("two thousand and one")
    (1994, 2001)
    """
    words = " ".join(text.lower().replace("-", " ").split())
    if words.isdigit():
        return int(words)
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").removeprefix(" and").strip()
        return 2000 + int(lookup("number", rest) or 0) if rest else 2000
    rest = words.removeprefix("nineteen").strip()
    total = 0
    for word in rest.split():
        value = lookup("number", word)
        if value is None or not value.isdigit():
            return None
        total += int(value)
    return 1900 + total if 10 <= total <= 99 else None


def _month(match: re.Match[str]) -> int | None:
    if not _capital(match, "month"):
        return None
    value = lookup("month", match.group("month"))
    return None if value is None else int(value)


def _day_spec(
    year: int | None, month: int | None, day: str, match: re.Match[str] | None = None
) -> Calendar | None:
    number = int(re.sub(r"\D", "", day))
    if month is None or make_date(year or 2000, month, number) is None:
        return None
    lead = match["lead"] if match is not None and "lead" in match.re.groupindex else None
    weekday = lookup("weekday", lead) if lead else None
    return Calendar("day", year, month, number, weekday=int(weekday) if weekday else None)


def iso(match: re.Match[str], view: TextView) -> Spec | None:
    """``2020-08-20``."""
    return _day_spec(int(match["year"]), int(match["month"]), match["day"])


def numeric(match: re.Match[str], view: TextView) -> Spec | None:
    """``20.08.2020`` (day first) or ``08/20/2020`` (month first when it can be)."""
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    orders = ((b, a), (a, b)) if match["sep"] == "." else ((a, b), (b, a))
    for month, day in orders:
        if make_date(year, month, day) is not None:
            return Calendar("day", year, month, day)
    return None


def full_date(match: re.Match[str], view: TextView) -> Spec | None:
    """``September 7, 1978``, ``7 September 1978``."""
    return _day_spec(int(match["year"]), _month(match), match["day"], match)


def month_day(match: re.Match[str], view: TextView) -> Spec | None:
    """``September 7``, ``7 September``: the year comes from the context."""
    if _named(match, view, "month"):
        return None
    return _day_spec(None, _month(match), match["day"], match)


def month_year(match: re.Match[str], view: TextView) -> Spec | None:
    """``October 1957``."""
    month = _month(match)
    year_value = year_number(match["year"])
    return None if month is None or year_value is None else Calendar("month", year_value, month)


def month(match: re.Match[str], view: TextView) -> Spec | None:
    """A month alone: ``in October``, ``last August``, ``early March``."""
    number = _month(match)
    name = match.group("month").lower().rstrip(".")
    if number is None or (len(name) < 4 and name != "may"):
        return None
    cued = match["mod"] or match["rel"] or lookup("cue", _word_before(view, match.start()))
    if (not cued and name in ("may", "march")) or _named(match, view, "month"):
        return None
    return Calendar("month", None, number, rel=_rel(match["rel"]))


def year(match: re.Match[str], view: TextView) -> Spec | None:
    """A year (``in 1993``, ``fiscal 1989``), not a count (``1993 votes``)."""
    value = int(match["year"])
    start, end = match.span("year")
    before = _word_before(view, start)
    cued = bool(match["mod"] or match["fiscal"]) or lookup("cue", before) is not None
    if lookup("not_year", before) is not None or (before == "the" and value < 1800):
        return None
    if not cued and not 1800 <= value <= 2099:
        return None
    if not cued and view.entity(start, end) in _COUNT_LABELS | _NAME_LABELS:
        return None
    if not match["fiscal"] and _counts(view, start, end):
        return None
    return Calendar("year", value)


def _counts(view: TextView, start: int, end: int) -> bool:
    """Whether a number counts the plural noun after it ("1993 votes").

    A determiner before it makes it a year again ("the 1993 elections").
    """
    after, previous = view.after(end), view.before(start)
    if after is None or after.tag_ not in ("NNS", "NNPS"):
        return False
    return previous is None or previous.tag_ not in ("DT", "PRP$", "POS")


def decade(match: re.Match[str], view: TextView) -> Spec | None:
    """``the 1950s``, ``the late '70s``, ``the sixties``."""
    if match["decade"]:
        return Calendar("decade", int(match["decade"]))
    if match["short"]:
        short = int(match["short"])
        return Calendar("decade", (1900 if short >= 20 else 2000) + short)
    if not match.group(0).lower().startswith("the"):
        return None
    word = lookup("decade", match["word"])
    return None if word is None else Calendar("decade", int(word))


def century(match: re.Match[str], view: TextView) -> Spec | None:
    """``the 19th century`` → ``18``."""
    ordinal = lookup("ordinal", match["ord"]) or re.sub(r"\D", "", match["ord"])
    number = int(ordinal)
    return Calendar("century", (number - 1) * 100) if 1 <= number <= 21 else None


def season(match: re.Match[str], view: TextView) -> Spec | None:
    """``summer 2019``, ``last summer``, ``in the spring``."""
    code = lookup("season", match["season"]) or "SU"
    rel = _rel(match["rel"])
    year_text = match["year"]
    # alone, "fall" is a noun ("the fall of Kabul"), and "spring" needs a cue
    cued = code != "FA" and lookup("season_cue", _word_before(view, match.start())) is not None
    if year_text is None and rel is None and not cued:
        return None
    if view.entity(*match.span("season")) in _NAME_LABELS:
        return None
    number = year_number(year_text) if year_text else None
    return Calendar("season", number, SEASON_MONTH[code], rel=rel)


def quarter(match: re.Match[str], view: TextView) -> Spec | None:
    """``the third quarter``, ``third-quarter``, ``the first quarter of 1990``."""
    ordinal = match["ord"].lower()
    text = match.group(0).lower()
    year_text = match["year1"] or match["year2"] or match["year3"]
    if ordinal in ("last", "final"):
        if not text.startswith("the") and year_text is None:
            return Relative("Q", -1, "quarter")
        number = 4
    else:
        number = int(lookup("ordinal", ordinal) or 0)
    if not 1 <= number <= 4:
        return None
    return Calendar("quarter", int(year_text) if year_text else None, 3 * number - 2)


def half(match: re.Match[str], view: TextView) -> Spec | None:
    """``the first half of 1990``."""
    first = match["ord"].lower() == "first"
    return Calendar("half", int(match["year"]), 1 if first else 7)


def holiday(match: re.Match[str], view: TextView) -> Spec | None:
    """``Christmas``, ``Thanksgiving Day 1998``."""
    if not _capital(match, "hol"):
        return None
    rule = lookup("holiday", match["hol"])
    if rule is None:
        return None
    year_value = int(match["year"]) if match["year"] else None
    if "-" in rule:
        month_text, day_text = rule.split("-")
        return Calendar("day", year_value, int(month_text), int(day_text))
    return Calendar("day", year_value, 11, 1, rule=rule)


def weekday(match: re.Match[str], view: TextView) -> Spec | None:
    """``on Wednesday``, ``last Friday``, ``the following Monday``."""
    if not _capital(match, "wd") or _named(match, view, "wd"):
        return None
    previous, following = view.before(match.start()), view.after(match.end("wd"))
    if previous is not None and lookup("not_weekday", previous.text) is not None:
        return None
    if (
        following is not None
        and following.pos_ == "PROPN"
        and following.is_title
        and lookup("month", following.text) is None
    ):
        return None
    day = int(lookup("weekday", match["wd"]) or 0)
    rel = " ".join((match["rel"] or "").lower().split())
    if rel in ("the previous", "the following", "the next"):
        return Weekday(day, -1 if rel == "the previous" else 1, anchored=True)
    return Weekday(day, _rel(rel) if rel in _REL else None)


def of_year(match: re.Match[str], view: TextView) -> Spec | None:
    """``July last year``, ``next year's first quarter``, ``the spring of next year``."""
    shift = _rel(match["rel1"] or match["rel2"])
    if match["month"]:
        number = _month(match)
        return None if number is None else Calendar("month", None, number, year_shift=shift)
    if match["season"]:
        code = lookup("season", match["season"]) or "SU"
        return Calendar("season", None, SEASON_MONTH[code], year_shift=shift)
    ordinal = int(lookup("ordinal", match["ord"]) or 0)
    if match["part"].lower() == "half":
        return Calendar("half", None, 6 * ordinal - 5, year_shift=shift) if ordinal <= 2 else None
    return Calendar("quarter", None, 3 * ordinal - 2, year_shift=shift)


def clock_day(match: re.Match[str], view: TextView) -> Spec | None:
    """``9 a.m. Tuesday``, ``5 p.m. EST, Nov. 9``: dated by the day they name."""
    if match["wd"]:
        if not _capital(match, "wd"):
            return None
        return Weekday(int(lookup("weekday", match["wd"]) or 0))
    return _day_spec(None, _month(match), match["day"])


def frequency(match: re.Match[str], view: TextView) -> Spec | None:
    """``daily``, ``annually``."""
    value = lookup("frequency", match["word"])
    return None if value is None else Fixed(value, "set")


RULES: dict[str, Rule] = {
    "iso": iso,
    "numeric": numeric,
    "mdy": full_date,
    "dmy": full_date,
    "md": month_day,
    "dm": month_day,
    "my": month_year,
    "month": month,
    "year": year,
    "decade": decade,
    "century": century,
    "season": season,
    "quarter": quarter,
    "half": half,
    "holiday": holiday,
    "weekday": weekday,
    "frequency": frequency,
    "of_year": of_year,
    "clock_day": clock_day,
}
