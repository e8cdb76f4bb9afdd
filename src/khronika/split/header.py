"""Story headers: title lines, byline and date lines, datelines.

A metadata line is short and made mostly of a date and/or a byline ("10
September 2020 By Paul Martin", "Posted on May 3, 2025 by Anna Kovacs",
"WORLD EXCLUSIVE: By Paul Martin, Washington DC."), or is a note saying
where the story was first published. Anything else is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khronika.split.dates import MONTHS, DateMatch, find_dates
from khronika.split.furniture import KICKERS, MENU_LINES, normalise, strip_kicker

MAX_META_WORDS = 20
MAX_NOTE_WORDS = 40
MAX_RESIDUAL_WORDS = 3
MAX_NAME_TOKENS = 7
MAX_PLACE_TOKENS = 5
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 300

QUOTE_MARKS = "\"'“”‘’«»„‚‹›"

# Words that may surround a date or byline on a metadata line.
FILLER_WORDS: frozenset[str] = frozenset(
    {
        "published",
        "updated",
        "posted",
        "last",
        "modified",
        "first",
        "created",
        "date",
        "dated",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "eet",
        "eest",
        "msk",
        "est",
        "edt",
        "et",
        "pt",
        "pst",
        "pdt",
        "ist",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    }
)
LABEL_WORDS: frozenset[str] = frozenset({"published", "updated", "posted", "modified", "created"})
UPDATE_WORDS: tuple[str, ...] = ("updat", "modif")
# A part after a comma in a byline that names a job, not a place.
ROLE_WORDS: frozenset[str] = frozenset(
    {
        "bureau",
        "chief",
        "columnist",
        "contributor",
        "correspondent",
        "desk",
        "editor",
        "journalist",
        "producer",
        "reporter",
        "senior",
        "staff",
        "team",
        "writer",
    }
)
NAME_CONNECTORS: frozenset[str] = frozenset(
    {"and", "&", "de", "van", "von", "der", "den", "al", "bin", "da", "du", "la", "le", "del", "di"}
)
PLACE_CONNECTORS: frozenset[str] = frozenset({"of", "de", "la", "le", "upon", "on", "am", "and"})
_NOT_NAMES: frozenset[str] = frozenset(MONTHS) | {
    w for w in FILLER_WORDS if len(w) > 3 and w.endswith("day")
}

_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:\||•|·|—|–|\s-\s)\s*")
_BY = re.compile(r"^by\s+(?P<rest>.+)$", re.IGNORECASE)
_NOTE = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared|ran|posted)\b"
    r"|^(?:this|the)\s+(?:article|story|piece|report|interview)\s+"
    r"(?:was|is|has\s+been)\s+(?:re)?(?:published|printed)\b",
    re.IGNORECASE,
)
_INNER_SENTENCE = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"‘]")
_BODY_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\- ]*[A-Z](?:,\s*[A-Z][\w.'’\- ]{1,30}?)?)\s*"
    r"(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-)\s"
)


@dataclass(frozen=True, slots=True)
class Meta:
    """What one metadata line says.

    ``labelled`` is true when the line says in words that it is metadata
    (a byline, "Published", "Updated", "Posted"); ``note`` when it is an
    "originally published by ... on ..." sentence.
    """

    published: str | None = None
    updated: str | None = None
    byline: str | None = None
    place: str | None = None
    labelled: bool = False
    note: bool = False


def _tokens_ok(tokens: list[str], connectors: frozenset[str]) -> bool:
    capitalised = 0
    for tok in tokens:
        word = tok.strip(".,'’")
        if not word:
            return False
        if tok.casefold() in connectors:
            continue
        if not word[0].isupper() or not any(c.isalpha() for c in word):
            return False
        if word.casefold() in _NOT_NAMES:
            return False
        capitalised += 1
    return capitalised > 0


def is_name(text: str) -> bool:
    """True for one or more person or agency names ("Anna Kovacs and Li Wei")."""
    tokens = text.split()
    return 0 < len(tokens) <= MAX_NAME_TOKENS and _tokens_ok(tokens, NAME_CONNECTORS)


def is_place(text: str) -> bool:
    """True for a short capitalised place name ("Washington DC")."""
    tokens = text.split()
    return 0 < len(tokens) <= MAX_PLACE_TOKENS and _tokens_ok(tokens, PLACE_CONNECTORS)


def is_role(text: str) -> bool:
    """True for a job title such as "Chief Europe Correspondent"."""
    return any(w.strip(".,").casefold() in ROLE_WORDS for w in text.split())


def parse_byline(rest: str) -> tuple[str, str | None] | None:
    """The author(s) and place after "By", or ``None`` if this is prose.

    >>> parse_byline("Paul Martin , Washington DC.")
    ('Paul Martin', 'Washington DC')
    >>> parse_byline("Anna Kovacs in Kyiv")
    ('Anna Kovacs', 'Kyiv')
    >>> parse_byline("the time he arrived, it was over.") is None
    True
    """
    parts = [p.strip() for p in re.split(r"\s*,\s*", rest.strip().rstrip(".").strip())]
    first = re.match(r"^(?P<name>.+?)\s+in\s+(?P<place>.+)$", parts[0])
    names = [first.group("name") if first else parts[0]]
    place = first.group("place") if first else None
    if place is not None and not is_place(place):
        return None
    for part in parts[1:]:
        if not part:
            continue
        if (" and " in part or "&" in part) and is_name(part):
            names.append(part)
        elif is_role(part):
            continue
        elif place is None and is_place(part):
            place = part
        else:
            return None
    name = ", ".join(names)
    if not is_name(name.replace(",", " ")):
        return None
    return name, place


def _is_update(text: str, date: DateMatch) -> bool:
    before = _SEPARATORS.split(text[: date.start])[-1].casefold()
    return any(w in before for w in UPDATE_WORDS)


def _note(text: str) -> Meta | None:
    dates = find_dates(text)
    if not dates:
        return None
    return Meta(published=dates[0].value, labelled=True, note=True)


def parse_meta(text: str) -> Meta | None:
    """What a metadata line says, or ``None`` if ``text`` is not one.

    >>> meta = parse_meta("10 September 2020 By Paul Martin")
    >>> meta.published, meta.byline
    ('2020-09-10', 'Paul Martin')
    >>> parse_meta("It happened on May 3, 2025, officials said.") is None
    True
    """
    rest = strip_kicker(text, loose=True)
    words = rest.split()
    if not words or len(words) > MAX_NOTE_WORDS:
        return None
    if _NOTE.search(rest):
        return _note(rest)
    if len(words) > MAX_META_WORDS or rest[0] in QUOTE_MARKS:
        return None
    dates = find_dates(rest)
    published = next((d.value for d in dates if not _is_update(rest, d)), None)
    updated = next((d.value for d in dates if _is_update(rest, d)), None)
    masked = rest
    for d in reversed(dates):
        masked = masked[: d.start] + " | " + masked[d.end :]
    masked = _TIME.sub(" | ", masked)
    byline: str | None = None
    place: str | None = None
    labelled = False
    residual: list[str] = []
    for segment in _SEPARATORS.split(masked):
        tokens = segment.replace(",", " ").split()
        while tokens and tokens[0].strip(":.").casefold() in FILLER_WORDS:
            labelled = labelled or tokens[0].strip(":.").casefold() in LABEL_WORDS
            tokens.pop(0)
        while tokens and tokens[-1].strip(":.,").casefold() in FILLER_WORDS:
            tokens.pop()
        if not tokens:
            continue
        kept = " ".join(tokens)
        by = _BY.match(_drop_leading_filler(segment))
        parsed = parse_byline(_trim_filler(by.group("rest"))) if by else None
        if parsed is not None and byline is None:
            byline, byline_place = parsed
            place = place or byline_place
            labelled = True
            continue
        key = normalise(kept)
        if key in MENU_LINES or key in KICKERS or is_role(kept):
            continue
        if dates and place is None and is_place(kept) and len(tokens) <= MAX_RESIDUAL_WORDS:
            place = segment.strip(" ,:;.")
        residual.extend(tokens)
    if not dates and byline is None:
        return None
    if len(residual) > MAX_RESIDUAL_WORDS or not all(w[0].isupper() for w in residual):
        return None
    if byline is None and not labelled and rest.rstrip().endswith("."):
        return None  # "March 2019." on its own line is an answer, not a date line
    return Meta(published, updated, byline, place, labelled=labelled or byline is not None)


def _drop_leading_filler(segment: str) -> str:
    tokens = segment.strip(" ,:;").split()
    while tokens and tokens[0].strip(":.").casefold() in FILLER_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


def _trim_filler(text: str) -> str:
    tokens = text.split()
    while tokens and tokens[-1].strip(":.,").casefold() in FILLER_WORDS:
        tokens.pop()
    return " ".join(tokens)


def is_title_like(
    text: str, *, min_words: int = MIN_TITLE_WORDS, max_words: int = MAX_TITLE_WORDS
) -> bool:
    """True for a line that could be a headline: short, not a quotation.

    It may end with ".", "?" or "!" but not with ",", ";" or ":".
    """
    s = strip_kicker(text)
    if not s or len(s) > MAX_TITLE_CHARS or s[0] in QUOTE_MARKS or s[-1] in ",;:":
        return False
    return min_words <= len(s.split()) <= max_words


def is_single_sentence(text: str) -> bool:
    """True when ``text`` has no sentence break inside it."""
    return _INNER_SENTENCE.search(text.strip()) is None


def clean_title(text: str) -> str:
    """The headline as printed, without a kicker such as "EXCLUSIVE:".

    >>> clean_title("\ufeffEXCLUSIVE: Spy chief speaks  ")
    'Spy chief speaks'
    """
    return strip_kicker(text.strip().lstrip("\ufeff\u200b"))


def body_dateline(first_line: str) -> str | None:
    """The place of a "WASHINGTON —" or "KYIV, Ukraine (Reuters) -" opener.

    >>> body_dateline("KYIV, Ukraine — Officials said on Monday")
    'KYIV, Ukraine'
    >>> body_dateline("Officials said on Monday") is None
    True
    """
    m = _BODY_DATELINE.match(first_line)
    if m is None:
        return None
    place = m.group("place").strip()
    head = place.split(",")[0]
    if sum(c.isalpha() for c in head) < 2 or len(place.split()) > MAX_PLACE_TOKENS:
        return None
    return place
