"""The status of an event mention, from grammar and discourse.

The path from the trigger up the dependency tree is read word by word; the
first cue on it decides:

- a negation on the trigger, or on a verb it completes ("agreed to kill",
  "wouldn't dare mount", "never carried out killings") → ``negated``;
- a modal on the trigger or such a verb ("could order assassinations",
  "would be the next step"), or an "if"/"unless" clause → ``hypothetical``;
  "will", "plans to" → ``future``; "called on X to ban" → ``hypothetical``;
- "denied that ...", "denied doing ..." → ``denied``;
- a hedge: "reportedly", "allegedly", "is believed to", "colleagues believe
  that ...", "rumours that ..." → ``suspected``;
- a reporting verb whose subject names someone ("the SBU said it had
  detained ...", "according to Zhuk") → ``attributed`` with that source;
  a bare plural ("prosecutors said") leaves the statement the reporter's.

A relative clause on a named participant, an apposition and a temporal
clause ("before", "after") are background the reporter supplies: the path
stops there ("failing to protect Litvinenko, who was poisoned ..." is
asserted; "freed shortly before the troops withdrew" leaves the withdrawal
the reporter's). Above any other relative clause ("a basement, where she
was beaten") a reporting verb still counts but negation and modals do not
("did not survive the night, when he was found dead"). An aimed-at act
("agreed to kill") stated as fact is ``hypothetical``; with no cue, an event
told inside a quotation is ``attributed`` to the quotation's speaker, else
``asserted``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from khronika.extract.event_args import (
    actor_entities,
    direct_entity,
    governing_verb,
    is_passive,
    subject_of,
)
from khronika.extract.event_index import EventIndex
from khronika.extract.event_lexicon import Hit, has_phrase, words
from khronika.model import Entity, EventStatus

_STOP = ("relcl", "acl", "appos")
#: Edges through which a verb's modality and negation reach its complement.
_TRANSPARENT = (None, "xcomp", "dobj", "obj", "nsubj", "nsubjpass", "conj")
_COMPLEMENT = ("xcomp", "ccomp", "pcomp", "dobj", "obj", "prep", "advcl")
_CONDITION = frozenset({"if", "unless"})
_TEMPORAL = frozenset({"before", "after", "since", "until", "till"})


@dataclass(frozen=True, slots=True)
class Status:
    status: EventStatus
    source: Entity | None = None


def mention_status(index: EventIndex, hit: Hit) -> Status:
    """The status of one trigger, and whose account it is when attributed."""
    node, came = hit.head, None
    if hit.trigger.pos == "A":
        node = governing_verb(hit.head) or hit.head
    opaque = False  # above a relative clause, negation and modals are another clause's
    for _ in range(14):
        found = _cue(index, node, came, hit.head, opaque)
        if found is not None:
            return found
        if _background(index, node) or node.head == node:
            break
        opaque = opaque or node.dep_ in _STOP
        came, node = node.dep_, node.head
    sentence = index.sentences[index.sentence_of(hit.head)]
    before = [t.lower_ for t in sentence.span if t.i < hit.head.i]
    if has_phrase(before, "no_proof"):
        return Status("suspected")
    speaker = index.speaker(index.start(hit.head))
    if index.quote_at(index.start(hit.head)) is not None:
        return Status("attributed", speaker)
    return Status("asserted")


def _background(index: EventIndex, node: Token) -> bool:
    """Whether the path stops here: background the reporter supplies.

    A relative clause or apposition on a named participant ("Litvinenko, who
    was poisoned ...") and a temporal clause ("freed shortly before the troops
    withdrew") are presupposed, not part of what a source is reported to say.
    """
    if node.dep_ in _STOP:
        return node.dep_ == "appos" or index.entity_at(node.head) is not None
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _TEMPORAL for c in node.children)
    return False


def _cue(
    index: EventIndex, node: Token, came: str | None, trigger: Token, opaque: bool
) -> Status | None:
    """The status a word on the path gives, or ``None`` to read on."""
    children = list(node.children)
    if not opaque and came in _TRANSPARENT and node.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
        local = _local(node, children, came)
        if local is not None:
            return Status(local)
    if any(c.dep_ == "advmod" and c.lower_ in words("hedge_adverb") for c in children):
        return Status("suspected")
    according = _according(index, children)
    if according is not None:
        return according
    if came is None:
        return None
    return _governor(index, node, came, trigger)


def _local(node: Token, children: list[Token], came: str | None) -> EventStatus | None:
    """Negation, modality and conditions on the trigger or a verb it completes."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children):
        return "negated"
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & words("hypothetical"):
        return "hypothetical"
    if auxes & words("future"):
        return "future"
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in children):
        return "hypothetical"
    if came is None and node.dep_ == "advcl":
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & _CONDITION:
            return "hypothetical"
    return None


def _governor(index: EventIndex, node: Token, came: str, trigger: Token) -> Status | None:
    """Cues of a verb or noun the trigger's clause depends on."""
    word = node.lower_
    if came in _COMPLEMENT:
        if word in words("appeal") and came in ("xcomp", "ccomp", "dobj"):
            return Status("hypothetical")
        if word in words("plan") and came == "xcomp":
            return Status("future")
        if word in words("deny"):
            return Status("denied")
        if word in words("hedge_verb") and (came == "ccomp" or is_passive(node)):
            return Status("suspected")
        if word in words("report") and came == "ccomp":
            return _reported(index, node, trigger)
    if word in words("hedge_noun") and came in ("acl", "ccomp", "relcl"):
        return Status("suspected")
    return None


def _reported(index: EventIndex, verb: Token, trigger: Token) -> Status | None:
    """``attributed`` to the subject of a reporting verb, unless it is a bare plural.

    A quotation inside the reported words is its speaker's account whatever
    the verb's subject looks like ("the ex-KGB official told “I ...").
    """
    subject = subject_of(verb)
    if subject is None:
        return None
    inside = index.quote_at(index.start(trigger))
    if inside is not None and index.quote_at(index.start(verb)) is None:
        return Status("attributed", index.speaker(inside.prov.start))
    named = direct_entity(index, subject)
    if named is not None:
        return Status("attributed", named)
    if subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "it"):
        return None
    return Status("attributed", None)


def _according(index: EventIndex, children: list[Token]) -> Status | None:
    """ "according to X" among a word's dependents."""
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    named = actor_entities(index, obj)
                    if named:
                        return Status("attributed", named[0])
    return None
