"""Which spans of an article name places, and which place qualifies which.

Sources, precision first:

- entity mentions labelled GPE, LOC or FACILITY (spaCy's NER and the entity
  repairs), when the gazetteer knows them; unknown ones only after a place
  preposition or before a district word ("in Yahidne", "the Vake district");
  demonyms ("Russian") and compass words ("the West") never;
- gazetteer names the small model missed (:mod:`khronika.extract.place_scan`),
  taken with strong evidence: a preposition before ("in Bucha"; after "of",
  "on" and the like only a place of 100,000 or more), a region or district
  word after ("the Kyiv region", "the Saltivka district"), a possessive on a
  large place ("Kharkiv’s"), the dateline, or the same name taken elsewhere in
  the article or joined to a taken place by "and". A town must have 10,000
  inhabitants to be taken this way, and names that are common words or
  people's names (``places_common_words.txt``) are taken only with a label;
- named facilities ("London Bridge", "Zoo station", "Lefortovo prison") and
  "<name> region" or "<name> district" phrases the gazetteer lacks.

Parents: "Kharkiv’s Saltivka", "Salisbury, Maryland", "Salisbury (southern
England)", "the Vake district of Tbilisi": the second place qualifies the
first (or the possessor the possessed); resolution prefers readings inside it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from spacy.tokens import Doc

from khronika.extract.gazetteer import Gazetteer
from khronika.extract.gazetteer_tables import common_words, country_aliases, place_key
from khronika.extract.place_phrases import phrase_spans
from khronika.extract.place_scan import Hit, preceded_by, scan_sentence
from khronika.extract.place_types import PlaceSpan, SentenceView, SpanKind
from khronika.extract.place_words import (
    BLOCKING_LABELS,
    DISTRICT_WORDS,
    FACILITY_HEADS,
    NOT_PLACES,
    REGION_NOUNS,
)
from khronika.model import Article, Mention

#: A town taken without an entity label must have this many inhabitants ...
MIN_POPULATION = 10_000
#: ... and this many after a weak preposition ("of", "on") or as a possessor.
LARGE_POPULATION = 100_000

Verdict = Literal["yes", "maybe", "no"]
_PLACE_LABELS = frozenset(("GPE", "LOC", "FACILITY"))
_PLACE_WORDS = FACILITY_HEADS | DISTRICT_WORDS | REGION_NOUNS


def _labels(
    doc: Doc, text: str, base: int, mentions: Sequence[Mention]
) -> dict[int, tuple[str, int, int]]:
    """Each token inside a mention -> the mention's label and token bounds."""
    end = base + len(text)
    labels: dict[int, tuple[str, int, int]] = {}
    for mention in mentions:
        if base <= mention.prov.start < end:
            span = doc.char_span(
                mention.prov.start - base, mention.prov.end - base, alignment_mode="expand"
            )
            if span is not None:
                for i in range(span.start, span.end):
                    labels[i] = (mention.label, span.start, span.end)
    return labels


def _blocked(doc: Doc, labels: dict[int, tuple[str, int, int]]) -> set[int]:
    blocked = {i for e in doc.ents if e.label_ in BLOCKING_LABELS for i in range(e.start, e.end)}
    blocked |= {
        i for i, (label, _, _) in labels.items() if label in ("PERSON", "WEAPON", "SUBSTANCE")
    }
    return {i for i in blocked if labels.get(i, ("",))[0] not in _PLACE_LABELS}


def _plain(text: str) -> str:
    """Case and punctuation folded, diacritics kept: "Göd" is not "God"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _strength(gaz: Gazetteer, text: str) -> int:
    """The population that vouches for a name taken without an entity label.

    Only readings the text names plainly count: a historical-table form, a
    place's own name as printed (diacritics folded only for names of five
    letters or more: "Göd" is not "God"), or an alternate name of five
    letters or more of a large place ("Arbil"; but "Mets" is not Metz). A
    country or region always vouches.
    """
    found = [
        c
        for c in gaz.candidates(text)
        if c.table
        or (c.primary and (len(text) >= 5 or _plain(text) == _plain(c.entry.name)))
        or (len(text) >= 5 and c.entry.population >= LARGE_POPULATION)  # "Arbil" for Erbil
    ]
    return max(
        (c.entry.population if c.entry.kind == "city" else LARGE_POPULATION for c in found),
        default=0,
    )


def _not_a_place(text: str) -> bool:
    key = place_key(text)
    names, demonyms = country_aliases()
    return key in NOT_PLACES or (key in demonyms and key not in names)


def _org_allows(hit: Hit, row: SentenceView, org: tuple[str, int, int]) -> bool:
    """A name inside an organisation's mention is a place only in a place-like one:
    "Kharkiv’s Saltivka", "the Innere Stadt", "London Bridge"."""
    doc, (_, first, end) = row.sent.doc, org
    if place_key(doc[first:end].text) == place_key(hit.lookup):
        return True
    if hit.possessive and hit.end < end:
        return True
    return doc[end - 1].lower_ in _PLACE_WORDS or (
        end < len(doc) and doc[end].lower_ in _PLACE_WORDS
    )


def _verdict(gaz: Gazetteer, hit: Hit, row: SentenceView, dateline: int | None) -> Verdict:
    if hit.kind != "name":
        return "yes"
    if _not_a_place(hit.lookup):
        return "no"
    labels = [row.labels[i] for i in range(hit.start, hit.end) if i in row.labels]
    common = place_key(hit.lookup) in common_words()
    if any(label[0] in _PLACE_LABELS for label in labels):
        # "Nice", "Victoria", "Jordan" labelled by the model: only after a preposition
        return "yes" if not common or hit.before in ("prep", "weak") else "no"
    orgs = [label for label in labels if label[0] == "ORG"]
    if (orgs and not _org_allows(hit, row, orgs[0])) or common:
        return "no"
    strength = _strength(gaz, hit.lookup)
    if strength < MIN_POPULATION:
        return "no"
    start, _ = row.chars(hit.start, hit.end)
    shouted = hit.lookup.isupper() and len(hit.lookup) > 1  # headlines, "U.N.", "TO"
    if (shouted and start != dateline) or (
        hit.end - hit.start == 1 and row.sent.doc[hit.start].is_stop
    ):
        return "no"
    regional = hit.lookup.split()[-1].lower() in REGION_NOUNS
    if regional or start == dateline or hit.before == "prep" or hit.after_word in DISTRICT_WORDS:
        return "yes"
    if strength >= LARGE_POPULATION and (hit.before == "weak" or hit.possessive):
        return "yes"
    return "maybe"


def _from_hit(hit: Hit, row: SentenceView) -> PlaceSpan:
    doc = row.sent.doc
    last = hit.phrase_end if hit.kind == "facility" else hit.end
    start, end = row.chars(hit.start, last)
    described = doc[hit.start : hit.phrase_end + (hit.kind == "district")].text
    return PlaceSpan(
        start,
        end,
        doc[hit.start : last].text,
        hit.kind,
        row.number,
        row.paragraph,
        hit.lookup,
        None if hit.kind == "name" else described,
        hit.inner,
    )


def _from_mention(gaz: Gazetteer, row: SentenceView, first: int, end: int) -> PlaceSpan | None:
    """A place mention the scan did not take: a named facility, or an unknown
    name after a place preposition or before a district word ("in Yahidne")."""
    doc = row.sent.doc
    label, mention = row.labels[first][0], doc[first:end]
    start, stop = row.chars(first, end)
    if _not_a_place(mention.text):
        return None
    if label == "FACILITY":
        if not any(t.pos_ == "PROPN" for t in mention):
            return None  # "our embassy": a description, not a named facility
        inner = next((t.text for t in mention if t.is_title and gaz.knows(t.text)), None)
        return PlaceSpan(
            start,
            stop,
            mention.text,
            "facility",
            row.number,
            row.paragraph,
            description=mention.text,
            inner=inner,
        )
    after = doc[end].lower_ if end < row.sent.end else ""
    if gaz.knows(mention.text) or not (
        after in DISTRICT_WORDS or preceded_by(row.sent, first) == "prep"
    ):
        return None
    kind: SpanKind = "district" if after in DISTRICT_WORDS else "unknown"
    described = f"{mention.text} {after}" if kind == "district" else mention.text
    return PlaceSpan(
        start, stop, mention.text, kind, row.number, row.paragraph, description=described
    )


def _leftover(gaz: Gazetteer, row: SentenceView, taken: list[PlaceSpan]) -> list[PlaceSpan]:
    """The sentence's place mentions that overlap no span taken by the scan."""
    bounds: dict[tuple[int, int], None] = {}  # each mention once, in order
    for i in range(row.sent.start, row.sent.end):
        label, first, end = row.labels.get(i, ("", 0, 0))
        if label in _PLACE_LABELS:
            bounds[first, end] = None
    found = []
    for first, end in bounds:
        start, stop = row.chars(first, end)
        if not any(s.start < stop and start < s.end for s in taken):
            span = _from_mention(gaz, row, first, end)
            if span is not None:
                found.append(span)
    return found


def _dateline_start(article: Article, gaz: Gazetteer) -> int | None:
    """Document offset of the dateline's place ("KYIV, April 6"), if the gazetteer knows it."""
    if not article.dateline:
        return None
    place = article.dateline.split(",")[0].strip()
    at = article.text.find(place)
    return article.start + at if at >= 0 and gaz.knows(place) else None


def _paragraph_starts(article: Article) -> list[int]:
    return [article.start + m.end() for m in re.finditer(r"\n\s*\n", article.text)]


# Gaps between two places in which the second qualifies the first ("Salisbury,
# Maryland", "Salisbury (southern England)", "the Vake district of Tbilisi").
_QUALIFIED_BY = re.compile(
    r",\s*|\s*\(\s*(?:[a-z-]+\s+)?|\s+(?:(?:district|region|area|suburb|outskirts)\s+)?(?:in|of)\s+(?:the\s+)?"
)
# A possessive gap: the first place qualifies the second ("Kharkiv’s Saltivka").
_QUALIFIES = re.compile(r"['’]s?\s+")


def link_parents(spans: Sequence[PlaceSpan], text: str, offset: int) -> list[PlaceSpan]:
    """Each span with the index of the place that qualifies it, if any.

    ``text`` is the article text and ``offset`` its start in the document.
    """
    linked = list(spans)
    for a, (left, right) in enumerate(itertools.pairwise(spans)):
        if left.sentence != right.sentence:
            continue
        gap = text[left.end - offset : right.start - offset]
        if _QUALIFIES.fullmatch(gap) and left.kind in ("name", "area"):
            linked[a + 1] = replace(linked[a + 1], parent=a)
        elif _QUALIFIED_BY.fullmatch(gap) and right.kind in ("name", "area"):
            linked[a] = replace(linked[a], parent=a + 1)
    return linked


def find_place_spans(
    article: Article, parsed: Sequence[tuple[int, Doc]], mentions: Sequence[Mention], gaz: Gazetteer
) -> list[PlaceSpan]:
    """The place spans of one article, in order, with their parents."""
    paragraphs = _paragraph_starts(article)
    dateline = _dateline_start(article, gaz)
    taken: list[PlaceSpan] = []
    pending: list[tuple[PlaceSpan, int | None]] = []  # maybe-spans, end of the place "and" joins
    number = 0
    for offset, doc in parsed:
        base = article.start + offset
        text, chunks = doc.text, list(doc.noun_chunks)
        labels = _labels(doc, text, base, mentions)
        blocked = _blocked(doc, labels)
        for sent in doc.sents:
            paragraph = bisect.bisect_right(paragraphs, base + sent.start_char)
            inside = [c for c in chunks if sent.start <= c.start < sent.end]
            row = SentenceView(sent, text, base, number, paragraph, labels, inside)
            number += 1
            here: list[PlaceSpan] = []
            for hit in scan_sentence(gaz, sent, blocked):
                verdict, span = _verdict(gaz, hit, row, dateline), _from_hit(hit, row)
                if verdict == "yes":
                    here.append(span)
                elif verdict == "maybe":
                    joined = (
                        row.chars(hit.start - 2, hit.start - 1)[1] if hit.before == "and" else None
                    )
                    pending.append((span, joined))
            here.extend(_leftover(gaz, row, here))
            taken.extend(here)
            taken.extend(phrase_spans(row, here))
    taken.extend(_discourse(taken, pending))
    unique: dict[tuple[int, int], PlaceSpan] = {}
    for span in taken:  # one place per span, so that ids are unique
        unique.setdefault((span.start, span.end), span)
    ordered = sorted(unique.values(), key=lambda s: (s.start, s.end))
    return link_parents(ordered, article.text, article.start)


def _discourse(
    taken: list[PlaceSpan], pending: list[tuple[PlaceSpan, int | None]]
) -> list[PlaceSpan]:
    """Maybe-spans whose name is taken elsewhere in the article, or that "and" joins to a place."""
    names = {place_key(s.lookup) for s in taken if s.kind == "name"}
    ends = {s.end for s in taken}
    return [
        span
        for span, joined in pending
        if place_key(span.lookup) in names or (joined is not None and joined in ends)
    ]
