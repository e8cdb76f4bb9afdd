"""Splitting one document into articles, and cleaning each article.

A new article starts at each header: a title line followed (past blank,
furniture and kicker lines) by one or more metadata lines, then the body.
Text before the first header is an article of its own only when it has a
body worth the name. Furniture (menus, credits, kickers) is blanked out of
each article's text with spaces, so offsets into it stay offsets into the
document; the header (title, byline, date lines) stays, before the body.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from khronika.model import Article, DocumentHints, Provenance, RawDocument, SourceFile, make_id
from khronika.split.dates import normalise_date
from khronika.split.header import (
    Meta,
    body_dateline,
    clean_title,
    is_single_sentence,
    is_title_like,
)
from khronika.split.language import detect_language
from khronika.split.lines import Line, split_lines

logger = logging.getLogger(__name__)
_T = TypeVar("_T")

# When a document yields several candidate articles, those whose body has
# fewer words than this are teasers or page headers, not stories.
MIN_BODY_WORDS = 30
# At most this many furniture or kicker lines between a title and its
# metadata.
MAX_SKIPPED_LINES = 4
# A headerless article's first line is its title only if it is this short.
MAX_BARE_TITLE_WORDS = 20

_SKIPPABLE = frozenset({"blank", "furniture", "kicker"})
_HEADER_KINDS = frozenset({"blank", "furniture", "kicker", "meta"})


@dataclass(frozen=True, slots=True)
class _Header:
    first: int  # index of the header's first line
    title: int | None  # index of the title line
    body: int  # index of the first line after the header block


@dataclass(frozen=True, slots=True)
class _Draft:
    first: int
    last: int
    body: int
    title: int | None
    words: int


def _next_content(lines: list[Line], i: int, hi: int, max_skip: int | None) -> int | None:
    skipped = 0
    for k in range(i, hi):
        kind = lines[k].kind
        if kind not in _SKIPPABLE:
            return k
        if kind != "blank":
            skipped += 1
            if max_skip is not None and skipped > max_skip:
                return None
    return None


def _header_end(lines: list[Line], j: int, hi: int) -> int:
    while j < hi and lines[j].kind in _HEADER_KINDS:
        j += 1
    return j


def _previous_nonblank(lines: list[Line], i: int, floor: int) -> int | None:
    for k in range(i - 1, floor - 1, -1):
        if lines[k].kind != "blank":
            return k
    return None


def _starts_header(lines: list[Line], i: int, hi: int) -> int | None:
    """Index of the metadata line that makes line ``i`` a title, if any."""
    line = lines[i]
    if line.kind != "text" or not is_title_like(line.text):
        return None
    j = _next_content(lines, i + 1, hi, MAX_SKIPPED_LINES)
    if j is None or lines[j].kind != "meta":
        return None
    meta = lines[j].meta
    if meta is None or meta.note:
        return None  # "originally published" notes close stories, not open them
    if line.text.rstrip().endswith("?") and not meta.labelled:
        return None  # a question answered by a bare date is an interview
    return j


def _strong(lines: list[Line], j: int, body: int) -> bool:
    """The header block has a byline or says "Published", "Posted"..."""
    return any(
        line.meta is not None and line.meta.labelled
        for line in lines[j:body]
        if line.kind == "meta"
    )


def _at_boundary(lines: list[Line], first: int, previous: _Header | None) -> bool:
    """Line ``first`` opens the document or follows furniture or another header."""
    p = _previous_nonblank(lines, first, 0)
    if p is None or lines[p].kind in ("furniture", "kicker"):
        return True
    return previous is not None and previous.first <= p < previous.body


def _find_headers(lines: list[Line]) -> list[_Header]:
    """The headers that open articles, in order.

    Every title line followed by metadata is a candidate. One is taken when
    it opens the document or follows furniture or another header; or when
    its metadata is strong (a byline, "Published ...") and a body follows; or
    when it reads as a headline (no final full stop) and a body of
    :data:`MIN_BODY_WORDS` follows before the next candidate. So a timeline
    of dated paragraphs inside a story does not split it.
    """
    n = len(lines)
    candidates = [(i, j) for i in range(n) if (j := _starts_header(lines, i, n)) is not None]
    titles = [i for i, _ in candidates]
    headers: list[_Header] = []
    for i, j in candidates:
        previous = headers[-1] if headers else None
        floor = previous.body if previous else 0
        if i < floor:
            continue
        body = _header_end(lines, j, n)
        first = _with_title_above(lines, i, floor)
        after = bisect.bisect_left(titles, body)
        following = titles[after] if after < len(titles) else n
        words = sum(lines[x].words for x in range(body, following) if lines[x].kind == "text")
        headline = not lines[i].text.rstrip().endswith(".")
        if (
            _at_boundary(lines, first, previous)
            or (_strong(lines, j, body) and words > 0)
            or (headline and words >= MIN_BODY_WORDS)
        ):
            headers.append(_Header(first, first, body))
    return headers


#: A line under a headline with at least this many words is a standfirst.
STANDFIRST_WORDS = 20


def _with_title_above(lines: list[Line], i: int, floor: int) -> int:
    """Line ``i`` or, if ``i`` is a standfirst under a headline, the headline.

    Under furniture or a kicker the upper line is the headline. At the top of
    a document it is the headline only if line ``i`` reads like a standfirst
    (a sentence, or long); otherwise the upper line is a masthead.
    """
    p = _previous_nonblank(lines, i, floor)
    if p is None or lines[p].kind != "text" or not is_title_like(lines[p].text):
        return i
    if lines[p].words >= lines[i].words:
        return i
    q = _previous_nonblank(lines, p, floor)
    if q is not None and lines[q].kind in ("furniture", "kicker"):
        return p
    standfirst = (
        lines[i].text.rstrip().endswith((".", "!", "?")) or lines[i].words >= STANDFIRST_WORDS
    )
    if q is None and floor == 0 and standfirst:
        return p
    return i


def _same_title(line: str, hint: str) -> bool:
    def key(s: str) -> str:
        return " ".join(s.casefold().split()).strip(" .!?:")

    return key(clean_title(line)) == key(hint)


def _bare_title(lines: list[Line], c: int, hi: int) -> bool:
    """The first line of a headerless story is a title when it looks like one."""
    line = lines[c]
    text = line.text.strip()
    if not is_title_like(text, min_words=1, max_words=MAX_BARE_TITLE_WORDS):
        return False
    if not is_single_sentence(text) or c + 1 >= hi or lines[c + 1].kind != "blank":
        return False
    j = _next_content(lines, c + 1, hi, None)
    if j is None or lines[j].kind != "text":
        return False
    factor = 2 if text.endswith(".") else 1
    return len(lines[j].text.strip()) > factor * len(text)


def _leading_header(lines: list[Line], lo: int, hi: int, hint_title: str | None) -> _Header | None:
    """The header at the top of a segment that no title+metadata pair opened."""
    c = _next_content(lines, lo, hi, None)
    if c is None:
        return None
    line = lines[c]
    if line.kind == "meta":
        return _Header(c, None, _header_end(lines, c, hi))
    j = _next_content(lines, c + 1, hi, MAX_SKIPPED_LINES)
    if j is not None and lines[j].kind == "meta" and is_title_like(line.text, min_words=1):
        return _Header(c, c, _header_end(lines, j, hi))
    if (hint_title and _same_title(line.text, hint_title)) or _bare_title(lines, c, hi):
        return _Header(c, c, _header_end(lines, c + 1, hi))
    return None


def _draft(lines: list[Line], lo: int, hi: int, header: _Header | None) -> _Draft | None:
    content = [k for k in range(lo, hi) if lines[k].kind in ("text", "meta")]
    if not content:
        return None
    first = header.first if header else content[0]
    body_from = header.body if header else content[0]
    body_lines = [k for k in range(body_from, hi) if lines[k].kind == "text"]
    if not body_lines:
        return None
    words = sum(lines[k].words for k in body_lines)
    title = header.title if header else None
    return _Draft(first, content[-1], body_lines[0], title, words)


def _segments(lines: list[Line], doc: RawDocument) -> list[_Draft]:
    n = len(lines)
    if doc.one_article:
        draft = _draft(lines, 0, n, _leading_header(lines, 0, n, doc.hints.title))
        return [draft] if draft else []
    headers = _find_headers(lines)
    bounds = [h.first for h in headers] + [n]
    drafts: list[_Draft | None] = []
    if bounds[0] > 0:
        drafts.append(_draft(lines, 0, bounds[0], _leading_header(lines, 0, bounds[0], None)))
    for k, header in enumerate(headers):
        drafts.append(_draft(lines, header.first, bounds[k + 1], header))
    found = [d for d in drafts if d is not None]
    if len(found) > 1:
        kept = [d for d in found if d.words >= MIN_BODY_WORDS]
        if len(kept) < len(found):
            logger.debug(
                "document %d (%s): dropped %d short segment(s)",
                doc.index,
                doc.locator,
                len(found) - len(kept),
            )
        found = kept or found
    return found


def _first(values: Iterable[_T | None]) -> _T | None:
    return next((v for v in values if v is not None), None)


def _published(header: list[Meta], body: list[Meta]) -> str | None:
    both = header + body
    return _first(
        [
            *(m.published for m in header if not m.note),
            *(m.published for m in body if not m.note),
            *(m.published for m in both if m.note),
            *(m.updated for m in both),
        ]
    )


def _blanked(text: str, start: int, end: int, spans: list[Line]) -> str:
    pieces: list[str] = []
    pos = start
    for line in spans:
        pieces.append(text[pos : line.start])
        pieces.append(" " * (line.end - line.start))
        pos = line.end
    pieces.append(text[pos:end])
    return "".join(pieces)


def _article(doc: RawDocument, source: SourceFile, lines: list[Line], d: _Draft) -> Article:
    start, end = lines[d.first].start, lines[d.last].end
    blank: list[Line] = []
    header_meta: list[Meta] = []
    body_meta: list[Meta] = []
    for k in range(d.first, d.last + 1):
        line = lines[k]
        in_header = k < d.body
        if line.meta is not None:
            (header_meta if in_header else body_meta).append(line.meta)
        labelled = line.meta is not None and line.meta.labelled
        # Header lines (title, byline, date) stay in the text, before
        # body_start; furniture and kickers go wherever they are, and so do
        # labelled metadata lines ("Published: ...") inside the body.
        if line.kind in _SKIPPABLE - {"blank"} or (labelled and not in_header):
            blank.append(line)
    body_line = lines[d.body]
    body_start = body_line.start + len(body_line.text) - len(body_line.text.lstrip())
    text = _blanked(doc.text, start, end, blank)
    byline = _first([*(m.byline for m in header_meta), *(m.byline for m in body_meta)])
    dateline = _first([*(m.place for m in header_meta), body_dateline(body_line.text)])
    article_id = make_id("a", source.sha256, doc.index, start, end)
    return Article(
        id=article_id,
        prov=Provenance(source.path, source.sha256, doc.index, article_id, start, end),
        body_start=body_start,
        text=text,
        title=clean_title(lines[d.title].text) if d.title is not None else None,
        byline=byline,
        published=_published(header_meta, body_meta),
        dateline=dateline,
        language=detect_language(text[body_start - start :]),
        url=None,
    )


def _with_hints(articles: list[Article], hints: DocumentHints) -> list[Article]:
    """Fill what the text does not show from the reader's metadata.

    Title, byline and date hints describe the whole page, so they are used
    only when it holds one article; a hint title wins over the text's.
    """
    single = len(articles) == 1
    out: list[Article] = []
    for a in articles:
        out.append(
            replace(
                a,
                url=hints.url,
                language=a.language or hints.language,
                title=(hints.title or a.title) if single else a.title,
                byline=(a.byline or hints.byline) if single else a.byline,
                published=(a.published or normalise_date(hints.published))
                if single
                else a.published,
            )
        )
    return out


def split_document(doc: RawDocument, source: SourceFile) -> list[Article]:
    """The articles in ``doc``, in document order; ``[]`` if it has none.

    Each article spans ``doc.text[start:end]`` with furniture and header
    lines blanked to spaces; its id is ``make_id("a", source.sha256,
    doc.index, start, end)``. A ``one_article`` document is cleaned but not
    split. Hints fill whatever the text does not show (a hint title wins);
    title, byline and date hints are used only when the document holds one
    article. Pure and deterministic: the same input gives the same ids.
    """
    lines = split_lines(doc.text)
    articles = [_article(doc, source, lines, d) for d in _segments(lines, doc)]
    return _with_hints(articles, doc.hints)
