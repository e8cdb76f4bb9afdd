"""The constraints a trigger's lexicon flags put on its sentence.

Each check is a small predicate; :func:`passes` applies those a trigger's
flags ask for. They exist for precision: "hit" is an event when a missile
or a rifle butt does it, not when a ban "would hit him hard"; "take" is an
abduction as "took her away", not as "got taken off to Moscow"; "attack"
in a book is words.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from khronika.extract.event_args import Roles, is_passive, subject_of
from khronika.extract.event_index import FEMALE, FIRST_PERSON, MALE, RELATIVE, EventIndex
from khronika.extract.event_lexicon import Hit, has_phrase, words

_PEOPLE_PRONOUNS = FIRST_PERSON | MALE | FEMALE | {"them", "they", "you"}
_AWAY = frozenset({"from", "off", "out"})
_CAPTIVE = frozenset({"hostage", "hostages", "captive", "prisoner", "prisoners"})
_KINDS = ("WEAPON", "SUBSTANCE")


def _kind(index: EventIndex, token: Token) -> str | None:
    entity = index.entity_at(token)
    return entity.type if entity is not None else None


def media(hit: Hit) -> bool:
    """ "attacked him in a book": the act is words."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in ("in", "on", "during")
        and any(o.lower_ in words("media") for o in child.children if o.dep_ == "pobj")
        for child in hit.head.children
    )


def weapon(index: EventIndex, hit: Hit) -> bool:
    """The subject (or "by"/"with" object) is a weapon or an armed group."""
    head = hit.head
    candidates = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
    for prep in (c for c in head.children if c.dep_ in ("agent", "prep")):
        if prep.lower_ in ("by", "with"):
            candidates += [o for o in prep.children if o.dep_ == "pobj"]
    if not candidates and not is_passive(head):
        subject = subject_of(head)
        candidates += [subject] if subject is not None else []
    return any(c.lower_ in words("weapon") or _kind(index, c) in _KINDS for c in candidates)


def physical(index: EventIndex, hit: Hit, sentence: list[Token]) -> bool:
    """A weapon, a substance or a word of violence near "attack"."""
    if any(t.lower_ in words("physical") for t in sentence):
        return True
    return any(_kind(index, t) in _KINDS for t in sentence)


def taken_away(hit: Hit) -> bool:
    """ "took her away", "took him off the pavement", "taken hostage"."""
    for child in hit.head.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ == "away":
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in _AWAY
            and any(c.dep_ == "pobj" for c in child.children)
        ):
            return True
        if child.lower_ in _CAPTIVE and child.dep_ in ("oprd", "xcomp", "dobj", "attr"):
            return True
    return False


def person(index: EventIndex, roles: Roles) -> bool:
    """The one the act is done to is a person."""
    if any(r.type == "PERSON" for r in roles.recipients):
        return True
    for token in roles.recipient_tokens:
        word = token.lower_
        if word in RELATIVE and token.head.dep_ == "relcl":
            token, word = token.head.head, token.head.head.lower_
        if _kind(index, token) == "PERSON" or word in _PEOPLE_PRONOUNS:
            return True
        if word in words("person_noun") or word in words("plural_people"):
            return True
    return False


def instrument(index: EventIndex, hit: Hit) -> bool:
    """What is "used" or "fired" is a weapon or a poison."""
    head = hit.head
    used = [head.head] if head.dep_ == "acl" else []
    used += [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(u.lower_ in words("weapon_noun") or _kind(index, u) in _KINDS for u in used)


def military(hit: Hit) -> bool:
    """ "troops withdrew", "deployed the national guard" (not "withdrew her name")."""
    head = hit.head
    words_ = words("military_noun")
    for child in head.children:
        named = child.lower_ in words_ or any(c.lower_ in words_ for c in child.children)
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and named:
            return True
    subject = subject_of(head)
    return subject is not None and subject.lower_ in words_


def nonhuman(hit: Hit) -> bool:
    """ "the typhoon killed", "killed by his lions", "a collision which killed"."""
    head = hit.head
    doers = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
    doers += [o for c in head.children if c.dep_ == "agent" for o in c.children]
    doers = [d.head.head if d.lower_ in RELATIVE and d.head.dep_ == "relcl" else d for d in doers]
    names = {t.lower_ for d in doers for t in d.subtree if t.i < d.i + 1 or t.head == d}
    return bool(names & words("nonhuman"))


def animals(roles: Roles) -> bool:
    """ "the killing of 300,000 pigs": the victims are animals."""
    return any(t.lower_ in words("animal") for t in roles.recipient_tokens)


def custody_near(index: EventIndex, hit: Hit, sentence: list[Token]) -> bool:
    """A word of custody in the sentence or the one before ("released from prison")."""
    if any(
        c.dep_ == "prep" and any(o.lower_ in ("hospital", "clinic") for o in c.children)
        for c in hit.head.children
    ):
        return False
    here = index.sentence_of(hit.head)
    near = [t.lower_ for t in sentence]
    if here > 0 and index.sentences[here - 1].paragraph == index.sentences[here].paragraph:
        near += [t.lower_ for t in index.sentences[here - 1].span]
    return any(w in words("custody") for w in near)


def state(index: EventIndex, roles: Roles) -> bool:
    """Diplomatic relations are broken with a state, not with a party."""
    return any(r.type == "GPE" for r in roles.recipients)


def substance(index: EventIndex, hit: Hit) -> bool:
    return any(_kind(index, t) == "SUBSTANCE" for t in hit.head.subtree)


def cue(hit: Hit, sentence: list[Token]) -> bool:
    wanted = set(hit.trigger.option("cue"))
    return any(t.lower_ in wanted for t in sentence)


def habitual(tokens: list[Token]) -> bool:
    """ "has been hit almost daily": a habit, not an incident."""
    return has_phrase([t.lower_ for t in tokens], "habitual")


def generic(hit: Hit) -> bool:
    """ "poisoning is a common tactic": the trigger is a kind of act."""
    head = hit.head
    if head.dep_ not in ("nsubj", "attr"):
        return False
    verb = head.head
    return any(
        c.lower_ in words("generic_noun") for c in verb.children if c.dep_ in ("attr", "nsubj")
    )


def _line(hit: Hit, sentence: list[Token]) -> list[Token]:
    """The tokens of the sentence on the trigger's own line."""
    at = next(i for i, t in enumerate(sentence) if t.i == hit.head.i)
    lo = at
    while lo > 0 and "\n" not in sentence[lo - 1].text_with_ws:
        lo -= 1
    hi = at
    while hi + 1 < len(sentence) and "\n" not in sentence[hi].text_with_ws:
        hi += 1
    return sentence[lo : hi + 1]


def passes(index: EventIndex, hit: Hit, roles: Roles, sentence: list[Token]) -> bool:
    """Whether every constraint the trigger's flags name holds."""
    t = hit.trigger
    checks: dict[str, Callable[[], bool]] = {
        "needrcp": lambda: bool(roles.recipients),
        "needactor": lambda: bool(roles.actors),
        "person": lambda: person(index, roles),
        "weapon": lambda: weapon(index, hit),
        "physical": lambda: physical(index, hit, sentence),
        "takeaway": lambda: taken_away(hit),
        "instrument": lambda: instrument(index, hit),
        "substance": lambda: substance(index, hit),
        "military": lambda: military(hit),
        "state": lambda: state(index, roles),
    }
    if any(t.has(flag) and not check() for flag, check in checks.items()):
        return False
    if t.option("cue") and not cue(hit, sentence):
        return False
    if t.type in ("ASSAULT", "THREATEN") and t.pos == "V" and media(hit):
        return False
    if t.type == "ASSAULT" and (nonhuman(hit) or animals(roles)):
        return False
    if not any(w.pos_ in ("VERB", "AUX") for w in _line(hit, sentence)):
        return False  # a heading or caption ("Twin bombings"), not a statement
    return not generic(hit)
