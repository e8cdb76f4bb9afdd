"""Time expressions normalised to TIMEX3 values.

Candidates are found with the regular expressions of
:mod:`khronika.extract.time_patterns` and checked by the rules of
:mod:`~khronika.extract.time_rules`, :mod:`~khronika.extract.time_periods`
and :mod:`~khronika.extract.time_relative`
against the spaCy parse (a year is not a count of votes, a month name is
not a person's); overlapping candidates give way to the longest. Values are
then resolved in document order (:mod:`khronika.extract.time_resolve`):
against the publication date (DCT) for "yesterday" or "on Friday", against
the latest date of the body before them for "two days later".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from khronika.extract.time_context import TextView
from khronika.extract.time_fallback import fallback_dates
from khronika.extract.time_patterns import patterns
from khronika.extract.time_periods import PERIOD_RULES
from khronika.extract.time_relative import RELATIVE_RULES
from khronika.extract.time_resolve import (
    Anchored,
    Calendar,
    Clock,
    Context,
    Relative,
    Resolved,
    Spec,
    Tensed,
    Weekday,
    resolve,
)
from khronika.extract.time_rules import RULES, Rule
from khronika.extract.time_values import Point, parse_dct
from khronika.model import Article, TimeExpression, make_id

#: How far ahead (characters) a lede's "the next morning" looks for its date.
LOOKAHEAD = 1500


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of the article's text and what it says."""

    start: int
    end: int
    spec: Spec


def find_candidates(
    text: str, view: TextView, parsed: Sequence[tuple[int, Doc]] = ()
) -> list[Candidate]:
    """Every accepted candidate, overlaps resolved (longest first), in text order.

    Date entities of the parse that no pattern matched get a last chance
    with dateparser (:mod:`khronika.extract.time_fallback`).
    """
    found: list[tuple[int, int, int, Spec]] = []
    rules: dict[str, Rule] = {**RULES, **PERIOD_RULES, **RELATIVE_RULES}
    for rank, (name, regex) in enumerate(patterns()):
        rule = rules[name]
        for match in regex.finditer(text):
            spec = rule(match, view)
            if spec is not None:
                start, end = match.span("x") if "x" in regex.groupindex else match.span()
                found.append((start, end, rank, spec))
    chosen = _longest_first(found)
    taken = [(c.start, c.end) for c in chosen]
    chosen += [Candidate(s, e, spec) for s, e, spec in fallback_dates(parsed, taken)]
    return sorted(chosen, key=lambda c: c.start)


def _longest_first(found: list[tuple[int, int, int, Spec]]) -> list[Candidate]:
    """Candidates that do not overlap: the longer first, then the earlier pattern."""
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
    starts: list[int] = []
    chosen: list[Candidate] = []
    for start, end, _, spec in found:
        i = bisect_left(starts, start)
        if (i > 0 and chosen[i - 1].end > start) or (i < len(chosen) and chosen[i].start < end):
            continue
        starts.insert(i, start)
        chosen.insert(i, Candidate(start, end, spec))
    return chosen


def _needs_tense(spec: Spec) -> bool:
    if isinstance(spec, Calendar):
        return spec.year is None
    return isinstance(spec, (Weekday, Tensed, Anchored))


def _moves_anchor(spec: Spec) -> bool:
    """Whether a date becomes the reference of later chained expressions.

    A look back ("a year earlier", "a year ago" next to a quarter) compares
    periods and leaves the reference where it was.
    """
    if isinstance(spec, Anchored):
        return spec.amount >= 0
    return not (isinstance(spec, Relative) and spec.period)


def _period_end(view: TextView, candidate: Candidate) -> bool:
    """Whether a date ends a period just named ("the quarter ended Sept. 30").

    The period, not its last day, stays the reference of what follows.
    """
    before = view.before(candidate.start)
    return before is not None and before.lower_ in ("ended", "ending")


def _following(candidates: Sequence[Candidate], index: int, dct: Point | None) -> Point | None:
    """The first day-precision date of the text after candidate ``index``, nearby."""
    here = candidates[index].end
    for candidate in candidates[index + 1 :]:
        if candidate.start - here > LOOKAHEAD:
            break
        if isinstance(candidate.spec, Calendar) and candidate.spec.grain == "day":
            point = resolve(candidate.spec, Context(dct, tense="past")).point
            if point is not None:
                return point
    return None


def resolve_all(
    candidates: Sequence[Candidate], view: TextView, dct: Point | None, body: int
) -> list[Resolved]:
    """The value of each candidate, in text order, with the anchor carried along.

    Dates from ``body`` on become the anchor of later chained references;
    clock times take the day of a date in their sentence.
    """
    anchor: Point | None = None
    out: list[Resolved] = []
    for index, candidate in enumerate(candidates):
        spec = candidate.spec
        tense = view.tense(candidate.start, candidate.end) if _needs_tense(spec) else None
        result = resolve(spec, Context(dct, anchor, tense))
        if isinstance(spec, Anchored) and anchor is None and tense == "past":
            late = result.point is not None and dct is not None and result.point.start > dct.start
            ahead = _following(candidates, index, dct) if late else None
            if ahead is not None:
                result = resolve(spec, Context(dct, ahead, tense))
        if result.point is not None and candidate.start >= body and _moves_anchor(spec):
            anchor = anchor if _period_end(view, candidate) else result.point
        out.append(result)
    return [
        _clock(candidates, out, i, view) if isinstance(c.spec, Clock) else out[i]
        for i, c in enumerate(candidates)
    ]


def _clock(
    candidates: Sequence[Candidate], results: Sequence[Resolved], index: int, view: TextView
) -> Resolved:
    """A clock time dated by the nearest day-precision date of its sentence."""
    sentence = view.sentence(candidates[index].start)
    if sentence is None:
        return results[index]
    here = candidates[index].start
    near = [
        (abs(c.start - here), r.point)
        for c, r in zip(candidates, results, strict=True)
        if r.point is not None
        and r.point.grain == "day"
        and sentence[0] <= c.start < sentence[1]
        and not isinstance(c.spec, Clock)
    ]
    if not near:
        return results[index]
    return resolve(Clock(), Context(None, same_sentence=min(near, key=lambda n: n[0])[1]))


def extract_times(
    article: Article, parsed: Sequence[tuple[int, Doc]]
) -> tuple[TimeExpression, ...]:
    """Every time expression in the article with its normalised value."""
    view = TextView(parsed)
    text = article.text
    candidates = find_candidates(text, view, parsed)
    dct = parse_dct(article.published)
    results = resolve_all(candidates, view, dct, article.body_start - article.start)
    times = []
    for candidate, result in zip(candidates, results, strict=True):
        if result.value is None and isinstance(candidate.spec, Clock):
            continue
        start, end = article.start + candidate.start, article.start + candidate.end
        prov = replace(article.prov, start=start, end=end)
        times.append(
            TimeExpression(
                id=make_id("t", prov.source_sha256, prov.document, start, end),
                prov=prov,
                text=text[candidate.start : candidate.end],
                value=result.value,
                kind=result.kind,
            )
        )
    return tuple(times)
