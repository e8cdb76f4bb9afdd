"""The subject of a cue verb, and what it names.

The subject of "said" is its ``nsubj``; of "was quoted as saying" the
passive subject; of "was told" the agent, if any (the passive subject is
who was told). A participle ("…, adding “…”", "tweets saying that …")
takes the subject of the verb it hangs from. "According to X" names X.

What the subject names is described, not yet resolved: a named entity, a
proper name the entity extractor missed, a pronoun ("he", "she"), a
definite description of a person ("the colonel", "the former head of …",
"the 85-year-old"), the reporter ("I asked"), or something else, which
names no one we can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from khronika.extract.quote_context import QuoteContext
from khronika.extract.quote_cues import cue_lemma
from khronika.extract.quote_words import PERSON_NOUNS, PERSON_PRONOUNS
from khronika.model import Entity

SubjectKind = Literal["named", "pronoun", "description", "narrator", "unknown"]
#: The reporter speaking of themselves outside quotation marks ("I asked").
_NARRATOR = frozenset({"i", "we"})
#: Entity types that can be quoted by name ("the ministry" cannot, "the KGB" can).
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})
#: spaCy entity labels that make a proper noun something other than a name
#: ("Friday", "2016"); the small model often labels surnames ORG or WORK_OF_ART.
_NOT_NAME_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
#: Dependencies through which a participle or infinitive cue borrows a subject.
_BORROW = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp", "prep"})
_DEFINITE = frozenset({"the", "this", "that"})
_AGE = re.compile(r"^\d+-year-old$")
_DESCRIPTION = re.compile(r"(?:^|[,;:–—(”\"’]\s*)[Tt]he\s+((?:[\w’'-]+\s+){0,4}[\w’'-]+)\s*$")


@dataclass(frozen=True, slots=True)
class SubjectRef:
    """Who a cue's subject names, before pronouns and descriptions are resolved.

    ``role`` is the pronoun for a pronoun and the person noun for a
    description; ``name`` is the printed name of a named subject.
    """

    kind: SubjectKind
    entity: Entity | None = None
    name: str | None = None
    role: str | None = None


def subject_token(cue: Token, depth: int = 0) -> Token | None:
    """The speaker's token: the cue's subject, or the agent of a passive cue."""
    if cue.lower_ == "according":
        return according_to(cue)
    for child in cue.children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and _names_speaker(cue)):
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if passive(cue) or depth >= 3 or cue.dep_ not in _BORROW or cue.head == cue:
        return None
    head = cue.head
    if head.pos_ in ("VERB", "AUX"):
        return subject_token(head, depth + 1)
    if head.dep_ == "prep" or cue.dep_ in ("pcomp", "prep"):  # "quoted as saying"
        return subject_token(head, depth + 1)
    return None


def according_to(token: Token) -> Token | None:
    """The object of "according to" (the source it names), if ``token`` starts one."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None or following.lower_ != "to":
        return None
    objects = [c for c in following.children if c.dep_ == "pobj"]
    if objects:
        return objects[0]
    return following.nbor(1) if following.i + 1 < len(token.doc) else None


def passive(cue: Token) -> bool:
    """A passive cue: its subject is who was told or asked, not who spoke."""
    deps = {c.dep_ for c in cue.children}
    return bool(deps & {"nsubjpass", "auxpass"}) and not _names_speaker(cue)


def _names_speaker(cue: Token) -> bool:
    """Whether a passive cue's subject is the speaker ("Kalugin was quoted as saying")."""
    return cue_lemma(cue) == "quote"


def name_like(token: Token) -> bool:
    """A proper noun or pronoun that may name a speaker (not "Friday", not "Michigan")."""
    if token.pos_ == "PRON":
        return token.lower_ in PERSON_PRONOUNS
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_NAME_LABELS


def next_name(cue: Token) -> Token | None:
    """The name right after an inverted cue the parser left without a subject."""
    doc = cue.doc
    for j in range(cue.i + 1, min(len(doc), cue.i + 4)):
        if name_like(doc[j]) or doc[j].lower_ in PERSON_NOUNS:
            return doc[j]
    return None


def previous_name(cue: Token) -> Token | None:
    """The name right before a cue the parser left without a subject."""
    if cue.i > 0 and name_like(cue.doc[cue.i - 1]):
        return cue.doc[cue.i - 1]
    return None


def describe(ctx: QuoteContext, subject: Token | None, cue: Token) -> SubjectRef:
    """What the subject token names: an entity, a pronoun, a description."""
    if subject is None:
        return SubjectRef("unknown") if passive(cue) else _surface_description(ctx, cue)
    for token in (subject, *(c for c in subject.children if c.dep_ == "appos")):
        entity = ctx.index.entity_of(token)
        if entity is not None and entity.type in SPEAKER_TYPES:
            return SubjectRef("named", entity=entity, name=entity.name)
    if subject.lower_ in PERSON_PRONOUNS:
        return SubjectRef("pronoun", role=subject.lower_)
    if subject.lower_ in _NARRATOR:
        return SubjectRef("narrator")
    if name_like(subject) and subject.text[:1].isupper():
        return _unrecognised_name(subject)
    role = _role(subject)
    if role is not None:
        return SubjectRef("description", role=role)
    return SubjectRef("unknown")


def _role(subject: Token) -> str | None:
    """The person noun of a singular definite description ("the colonel")."""
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subject.children)
    if not definite or subject.tag_ not in ("NN", "NNP", "JJ"):
        return None
    if subject.lower_ in PERSON_NOUNS:
        return subject.lower_
    text = "".join(t.text_with_ws for t in subject.subtree).split()
    return "year-old" if text and _AGE.search(text[-1]) else None


def _surface_description(ctx: QuoteContext, cue: Token) -> SubjectRef:
    """A description the parser did not make a subject ("The 85-year-old said")."""
    if not cue.doc.has_annotation("SENT_START"):
        return SubjectRef("unknown")
    lo = ctx.index.pos(cue.sent[0])
    match = _DESCRIPTION.search(ctx.text[lo : ctx.index.pos(cue)])
    if match is None:
        return SubjectRef("unknown")
    last = match.group(1).lower().split()[-1]
    if last in PERSON_NOUNS:
        return SubjectRef("description", role=last)
    if _AGE.match(last):
        return SubjectRef("description", role="year-old")
    return SubjectRef("unknown")


def _unrecognised_name(subject: Token) -> SubjectRef:
    """A proper name the entity extractor did not find: kept as printed."""
    doc, start = subject.doc, subject.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1  # the words of the name right before it ("Dmitri Orlov")
    return SubjectRef("named", name=doc[start : subject.i + 1].text)
