"""Entity mentions from a parse, with repairs of the small model's confusions.

Repairs, each general and conservative:

- a one-word place, organisation or facility that is the surname of a
  person named in the same article is that person ("Skripal" tagged GPE
  beside "Sergei Skripal");
- a name never runs across a line break;
- names coordinated with a person are people ("Philby, McLean, Burgess and
  Blake": "Burgess" tagged LOC, "Blake" not tagged at all);
- a capitalised proper noun right after a person noun is a person ("the
  intelligence chief Kryuchkov");
- a nationality word that names a country in the country table is a
  mention of that country ("Russians", "a German plane").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from khronika.model import Article, EntityType
from khronika.names import fold, normalise_name, strip_title

#: spaCy labels kept, and the khronika type each becomes (NORP only via the
#: country table).
LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FACILITY",
    "WEAPON": "WEAPON",
    "SUBSTANCE": "SUBSTANCE",
    "NORP": "GPE",
}

#: Nouns that, right before a capitalised name, say the name is a person.
PERSON_NOUNS = frozenset(
    (
        *("chief", "general", "colonel", "officer", "agent", "spy", "defector"),
        *("dissident", "journalist", "reporter", "editor", "writer", "poet"),
        *("translator", "lawyer", "activist", "blogger", "dictator", "leader"),
        *("president", "minister", "ambassador", "diplomat", "commander"),
        *("director", "deputy", "colleague", "opponent", "critic", "businessman"),
        *("oligarch", "banker", "priest", "professor", "doctor", "scientist"),
    )
)

_LEADING = ("the ", "The ")
_POSSESSIVES = ("’s", "'s", "’", "'")


@dataclass(frozen=True, slots=True)
class Found:
    """One mention before grouping: offsets into the document, label, grouping key."""

    start: int
    end: int
    text: str
    label: str  # spaCy's label, NORP included
    key: str

    @property
    def entity_label(self) -> EntityType:
        return LABELS[self.label]

    @property
    def display(self) -> str:
        return strip_title(self.text)


class CountryTable:
    """Country names, aliases and demonyms from ``data/lexicons/countries.tsv``."""

    def __init__(self, text: str) -> None:
        self._names: dict[str, str] = {}  # folded form -> canonical
        self._demonyms: dict[str, str] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = [*line.split("\t"), "", "", ""]
            canonical = cells[0].strip()
            for form in (canonical, *cells[2].split("|")):
                if form.strip():
                    self._names[fold(form)] = canonical
            for form in cells[3].split("|"):
                if form.strip():
                    self._demonyms[fold(form)] = canonical

    def key(self, text: str, *, demonym: bool) -> str | None:
        """The grouping key of a country name (or, with ``demonym``, nationality)."""
        folded = fold(text)
        canonical = self._names.get(folded) or (self._demonyms.get(folded) if demonym else None)
        return f"country:{canonical}" if canonical else None

    @staticmethod
    def canonical(key: str) -> str | None:
        return key.removeprefix("country:") if key.startswith("country:") else None


@lru_cache(maxsize=1)
def countries() -> CountryTable:
    return CountryTable(
        (files("khronika") / "data" / "lexicons" / "countries.tsv").read_text(encoding="utf-8")
    )


def _trimmed(span: Span) -> tuple[int, int, str]:
    """Character offsets (in the doc) and text without a leading "the" or possessive."""
    text, start = span.text, span.start_char
    text = text.split("\n", 1)[0].rstrip()  # a name never runs across a line break
    for lead in _LEADING:
        if text.startswith(lead) and len(text) > len(lead):
            text, start = text[len(lead) :], start + len(lead)
    for tail in _POSSESSIVES:
        if text.endswith(tail) and len(text) > len(tail):
            text = text[: -len(tail)]
    return start, start + len(text), text


def _key(span: Span, label: str, text: str) -> str | None:
    if span.ent_id_:
        return f"lexicon:{fold(span.ent_id_)}"
    if label in ("GPE", "LOC", "NORP"):
        country = countries().key(text, demonym=label == "NORP")
        if country or label == "NORP":
            return country
    return normalise_name(text) or None


def _person_spans(doc: Doc) -> list[Span]:
    """Names the model missed or mislabelled that the repairs make people."""
    in_entity = {t.i for e in doc.ents for t in e}
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    spans: list[Span] = []
    for person in people:
        for other in person.root.conjuncts:
            ent = next((e for e in doc.ents if other.i in range(e.start, e.end)), None)
            if ent is not None and ent.label_ in ("GPE", "LOC"):
                spans.append(Span(doc, ent.start, ent.end, label="PERSON"))
            elif ent is None and _capitalised_name(other):
                spans.append(_name_span(other, "PERSON"))
    for token in doc:
        if token.i in in_entity or not _capitalised_name(token) or token.i == token.sent.start:
            continue
        before = doc[token.i - 1] if token.i else None
        if before is not None and before.lower_ in PERSON_NOUNS and before.pos_ == "NOUN":
            spans.append(_name_span(token, "PERSON"))
    return spans


def _capitalised_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha


def _name_span(token: Token, label: str) -> Span:
    """The token with the proper nouns compounded onto it ("Alexander" + "Blake")."""
    left = token
    while left.i > 0 and left.nbor(-1).dep_ == "compound" and left.nbor(-1).pos_ == "PROPN":
        left = left.nbor(-1)
    return Span(token.doc, left.i, token.i + 1, label=label)


def _mentions_of(doc: Doc, base: int) -> list[Found]:
    repaired = {(s.start, s.end): s for s in _person_spans(doc)}
    spans = [repaired.pop((e.start, e.end), e) for e in doc.ents]
    spans.extend(repaired.values())
    found = []
    for span in spans:
        if span.label_ not in LABELS:
            continue
        start, end, text = _trimmed(span)
        key = _key(span, span.label_, text)
        if key:
            found.append(Found(base + start, base + end, text, span.label_, key))
    return found


def repaired_mentions(article: Article, parsed: Sequence[tuple[int, Doc]]) -> list[Found]:
    """All mentions of an article, in order, after the repairs."""
    found = [f for offset, doc in parsed for f in _mentions_of(doc, article.start + offset)]
    surnames = {f.key.split()[-1] for f in found if f.label == "PERSON" and " " in f.key}
    return sorted(
        (
            Found(f.start, f.end, f.text, "PERSON", f.key)
            if f.label in ("GPE", "LOC", "ORG", "FAC")
            and f.key in surnames
            and not f.key.startswith(("country:", "lexicon:"))
            else f
            for f in found
        ),
        key=lambda f: (f.start, f.end),
    )
