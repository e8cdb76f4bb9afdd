"""Actors and recipients of a trigger, read from the dependency parse.

- verbs: the subject acts and the object undergoes ("the KGB snatched
  Varentsov"); in the passive the subject undergoes and the "by" phrase acts
  ("Litvinenko was poisoned"); a verb with no subject of its own takes it
  from the verb it depends on: the first of coordinated verbs, the object of
  "allow X to" / "call on X to", the object of "accuse X of", else the
  subject of the governing verb ("after being poisoned");
- nouns: "the poisoning of Navalny", "the Markov murder", "a ban on him",
  "a Russian strike", "the KGB's assassination of ...", "Putin could order
  more assassinations" (the subject of a verb of performing acts), and "X is
  fighting for his life after a poison attack" (X is the victim);
- relative pronouns stand for their antecedent, personal pronouns are
  resolved by :class:`~khronika.extract.event_index.EventIndex`;
- a word that names no entity may still point at one: "KGB officers", "a
  Russian bomb", "soldiers of the Rosgvardia", "its forces" (actors); "the
  leader of the opposition, Alexei Navalny", "Vezha's offices", "a dart into
  Markov's leg" (recipients).

Recipients are people, organisations and states only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from khronika.extract.entity_rules import countries
from khronika.extract.event_index import ACTOR_TYPES, RELATIVE, EventIndex
from khronika.extract.event_lexicon import Hit, has_phrase, words
from khronika.model import Entity

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_THIRD_PERSON = frozenset({"he", "him", "she", "her", "they", "them"})
_OBJECTS = ("dobj", "obj", "attr", "oprd")
#: Dependencies through which a verb takes the subject of its governor.
_CLIMB = ("xcomp", "advcl", "pcomp", "prep", "attr", "acomp", "pobj")


@dataclass(frozen=True, slots=True)
class Roles:
    """Who acted and who underwent, as entities; ``described`` when the
    recipient is a noun phrase that names nobody ("a Soviet émigré")."""

    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    described: bool
    recipient_tokens: tuple[Token, ...]


def roles(index: EventIndex, hit: Hit) -> Roles:
    """Actors and recipients of one trigger."""
    if hit.trigger.pos == "N":
        actor_tokens, recipient_tokens = _nominal(index, hit)
    else:
        actor_tokens, recipient_tokens = _verbal(hit)
    actors = _unique(e for t in actor_tokens for e in actor_entities(index, t))
    recipients = _unique(e for t in recipient_tokens for e in recipient_entities(index, t))
    recipients = tuple(r for r in recipients if r not in actors)
    described = not recipients and any(_unnamed(index, t) for t in recipient_tokens)
    return Roles(actors, recipients, described, tuple(recipient_tokens))


def _unnamed(index: EventIndex, token: Token) -> bool:
    """A person described but not named ("a Soviet émigré"), or an unresolved "her"."""
    token = _antecedent(token)
    if token.pos_ in ("NOUN", "PROPN"):
        people = words("person_noun") | words("plural_people")
        return index.entity_at(token) is None and token.lower_ in people
    return token.lower_ in _THIRD_PERSON and index.resolve(token) is None


# -- verbs ---------------------------------------------------------------------


def is_passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in ("acl", "advcl") and not _has_aux(token)


def _has_aux(token: Token) -> bool:
    return any(c.dep_ == "aux" for c in token.children)


def _verbal(hit: Hit) -> tuple[list[Token], list[Token]]:
    head = hit.head
    if hit.trigger.pos == "A":
        verb = governing_verb(head)
        subject = subject_of(verb) if verb is not None else None
        return [], [subject] if subject is not None else []
    subject = subject_of(head)
    rcp_preps = hit.trigger.option("rcp")
    preps = [t for t in _phrase_tokens(hit) for t in _pobjs(t, rcp_preps)]
    if hit.trigger.has("subjrcp"):
        return [], [subject] if subject is not None else []
    if is_passive(head):
        agents = [p for c in head.children if c.dep_ == "agent" for p in _pobjs(c, None)]
        if (
            subject is None
            and head.dep_ in ("acl", "advcl")
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            subject = head.head if not hit.trigger.has("instrument") else None
        return agents, ([subject] if subject is not None else []) + preps
    if subject is None:  # "breaking relations with Russia by Britain"
        subject = next((p for t in _phrase_tokens(hit) for p in _pobjs(t, ("by",))), None)
    objects = [c for t in _phrase_tokens(hit) for c in t.children if c.dep_ in _OBJECTS]
    owned = words("property")  # "tapped Horak's telephone": the owner undergoes it
    objects = [o for o in objects if not _in_phrase(o, hit) or o.lower_ in owned]
    if rcp_preps:
        objects = preps or objects
    return ([subject] if subject is not None else []), objects


def governing_verb(token: Token) -> Token | None:
    while token.pos_ not in ("VERB", "AUX") or not any(c.dep_ in _SUBJECTS for c in token.children):
        if token.head == token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return token


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, its own or the one it takes from its governor."""
    token = verb
    for _ in range(10):
        own = [c for c in token.lefts if c.dep_ in _SUBJECTS]
        own = own or [c for c in token.children if c.dep_ in _SUBJECTS]
        if own:
            return own[-1]
        head = token.head
        if head == token:
            return None
        misparsed = _said_object(head, token)
        if misparsed is not None:
            return misparsed
        if token.dep_ == "conj":
            token = head
            continue
        if token.dep_ in ("prep", "pcomp") and head.lower_ in words("accuse"):
            return next((c for c in head.children if c.dep_ in _OBJECTS), None)
        if token.dep_ in ("xcomp", "ccomp") and head.lower_ in words("control_object"):
            controller = _controller(head)
            if controller is not None:
                return controller
        if token.dep_ not in _CLIMB:
            return None
        token = head
    return None


def _said_object(head: Token, verb: Token) -> Token | None:
    """The subject of a reported clause that the parser took for the object of
    "say" and whose verb it coordinated with "say": in "Savchuk said men who
    introduced themselves as officers took her", "took" hangs off "said" and
    "men" is its object. "Say" takes no people as objects, so a group noun
    ("men", "soldiers") there is the subject of the verb after it."""
    if verb.dep_ not in ("conj", "ccomp") or head.lower_ not in words("say_clause"):
        return None
    for child in head.children:
        if child.dep_ in ("dobj", "obj") and child.i < verb.i and child.lower_ in words("group"):
            return child
    return None


def _controller(verb: Token) -> Token | None:
    """The object of "allow X to", or of "call on X to"."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None:
        return obj
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    return next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None


def _phrase_tokens(hit: Hit) -> list[Token]:
    """The tokens of the match, and for "the poison used on X" the noun too."""
    tokens = [hit.head.doc[i] for i in range(hit.start, hit.end)]
    if hit.head.dep_ == "acl":
        tokens.append(hit.head.head)
    return tokens


def _in_phrase(token: Token, hit: Hit) -> bool:
    return hit.start <= token.i < hit.end


def _pobjs(token: Token, preps: Iterable[str] | None) -> Iterator[Token]:
    """Objects of the token's prepositions (all, or those in ``preps``)."""
    wanted = set(preps) if preps is not None else None
    children = [token] if token.dep_ in ("prep", "agent") else list(token.children)
    for prep in children:
        if prep.dep_ not in ("prep", "agent"):
            continue
        if wanted is not None and prep.lower_ not in wanted:
            continue
        yield from (c for c in prep.children if c.dep_ in ("pobj", "pcomp"))


# -- nouns ---------------------------------------------------------------------


def _nominal(index: EventIndex, hit: Hit) -> tuple[list[Token], list[Token]]:
    head = hit.head
    preps = hit.trigger.option("rcp") or ("of",)
    recipients = [p for t in _phrase_tokens(hit) for p in _pobjs(t, preps)]
    actors = list(_pobjs(head, ("by",)))
    for child in head.children:
        if child.i in range(hit.start, hit.end):
            continue
        kind = _kind(index, child)
        if child.dep_ == "poss":
            (actors if recipients or kind in ("ORG", "GPE") else recipients).append(child)
        elif child.dep_ == "compound" and kind in ("PERSON", "ORG"):  # not "a Kabul bombing"
            (recipients if kind == "PERSON" else actors).append(child)
        elif child.dep_ == "amod" and kind in ("GPE", "ORG"):
            actors.append(child)
    if head.dep_ in ("dobj", "obj", "conj"):
        verb = head.head if head.dep_ != "conj" else _conj_root(head).head
        if hit.trigger.has("subjrcp") and not recipients and verb.lower_ in words("receive"):
            recipients += _subject_list(verb)
        elif verb.lower_ in words("perform") and not actors:
            actors += _subject_list(verb)
    if not recipients and hit.trigger.type == "ASSAULT":
        recipients += _sufferer(index, head)
    return actors, recipients


def _sufferer(index: EventIndex, head: Token) -> list[Token]:
    """ "X is fighting for his life after a poison attack": X, a person in a
    state of harm the attack explains (not "admitted his guilt in murders")."""
    governor = head.head
    if head.dep_ != "pobj" or governor.lower_ not in words("adjunct_prep"):
        return []
    verb = governor.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    clause = [t.lower_ for t in verb.subtree]
    if not (has_phrase(clause, "injured") or set(clause) & words("harmed")):
        return []
    subject = subject_of(verb)
    entity = direct_entity(index, subject) if subject is not None else None
    person = entity is not None and index.is_person(entity)
    return [subject] if subject is not None and person else []


def _kind(index: EventIndex, token: Token) -> str | None:
    entity = index.entity_at(token)
    if entity is not None:
        return entity.type
    return "PERSON" if token.pos_ == "PRON" and token.lower_ not in ("its", "their") else None


def _subject_list(verb: Token) -> list[Token]:
    subject = subject_of(verb)
    return [subject] if subject is not None else []


def _conj_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


# -- tokens to entities ----------------------------------------------------------


def _antecedent(token: Token) -> Token:
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def direct_entity(index: EventIndex, token: Token) -> Entity | None:
    """The person, organisation or state a word names, or a pronoun stands for."""
    return _direct(index, token)


def _direct(index: EventIndex, token: Token) -> Entity | None:
    token = _antecedent(token)
    entity = index.entity_at(token)
    if entity is None and token.pos_ == "PRON":
        entity = index.resolve(token)
    if entity is None or entity.type not in ACTOR_TYPES:
        return None
    return entity if entity.type != "PERSON" or _person_like(entity.name) else None


def _person_like(name: str) -> bool:
    """A person's name has a capital and is no country ("marijuana", "Pakistan")."""
    return any(c.isupper() for c in name) and countries().key(name, demonym=True) is None


def recipient_entities(index: EventIndex, token: Token) -> list[Entity]:
    """People, organisations and states a recipient word names or points at."""
    found: list[Entity] = []
    for member in [_antecedent(token), *_antecedent(token).conjuncts]:
        entity = _direct(index, member)
        found += [entity] if entity is not None else _pointed(index, member, recipient=True)
    return found


def actor_entities(index: EventIndex, token: Token) -> list[Entity]:
    """Actors a subject word names or points at, with the state of a state body."""
    found: list[Entity] = []
    for member in [_antecedent(token), *_antecedent(token).conjuncts]:
        entity = _direct(index, member)
        for named in [entity] if entity is not None else _pointed(index, member, recipient=False):
            found.append(named)
            state = _state_of(index, named)
            if state is not None:
                found.append(state)
    return found


def _pointed(index: EventIndex, token: Token, *, recipient: bool) -> list[Entity]:
    """Entities the word's own modifiers name ("KGB officers", "Markov's leg",
    "the generals Ivan Sorokin and Pavel Belov")."""
    for child in token.children:
        if child.dep_ == "appos" or (child.dep_ == "compound" and not recipient):
            named = [e for m in (child, *child.conjuncts) if (e := _direct(index, m))]
            named = [e for e in named if child.dep_ == "appos" or e.type != "GPE"]
            if not named and child.dep_ == "appos":  # "his friend, the poet Karel Vesely"
                named = _pointed(index, child, recipient=recipient)
            if named:
                return named
    lower = token.lower_
    if recipient and lower in words("place_noun"):  # "shelled the village of Bilozerka"
        return [e for o in _pobjs(token, ("of",)) if (e := _direct(index, o))]
    if recipient and lower not in words("property") | words("body"):
        return []
    if not recipient and lower not in words("group") | words("weapon"):
        return []
    introduced = _introduced_as(index, token)
    if introduced:
        return introduced
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            entity = _direct(index, child)
            if entity is not None:
                return [entity]
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in _pobjs(child, None):
                entity = _direct(index, obj)
                named = (
                    [entity] if entity is not None else _pointed(index, obj, recipient=recipient)
                )
                if named:
                    return named
    return []


def _introduced_as(index: EventIndex, token: Token) -> list[Entity]:
    """The body men said they belonged to: "men who introduced themselves as
    officers of the FSB", "soldiers who identified themselves as Rosgvardia"."""
    for clause in token.children:
        if clause.dep_ != "relcl" or clause.lower_ not in words("self_naming"):
            continue
        for obj in _pobjs(clause, ("as",)):
            entity = _direct(index, obj)
            named = [entity] if entity is not None else _pointed(index, obj, recipient=False)
            if named:
                return named
    return []


def _state_of(index: EventIndex, entity: Entity) -> Entity | None:
    """The state an organisation's name starts with ("Russia's defence ministry")."""
    if entity.type != "ORG":
        return None
    first = entity.name.split()[0].removesuffix("’s").removesuffix("'s")
    key = countries().key(first, demonym=True)
    name = countries().canonical(key) if key else None
    if name is None or name == entity.name:
        return None
    return index.entity_named(name) or Entity(entity.id + ":state", entity.prov, name, "GPE")


def _unique(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.name, entity)
    return tuple(seen.values())
