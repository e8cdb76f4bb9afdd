"""From triggers to event mentions: the rule-based reading of one article.

For every trigger in the body (never the header): check the constraints
its flags name, read actors and recipients, drop habits and kinds of act,
read status, region, date, place, instrument and harm, and decide whether
the mention may stand alone (it names someone) or only joins another (a
noun phrase that refers back: "the strike", "Russia's latest assassination
attempt"). Merging is :mod:`khronika.extract.event_merge`'s job.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from khronika.extract import event_checks as checks
from khronika.extract.event_args import Roles, governing_verb, roles
from khronika.extract.event_discourse import presumed_actors
from khronika.extract.event_fields import (
    Region,
    date_of,
    instruments,
    place_name,
    place_of,
    predicate,
    region,
)
from khronika.extract.event_index import EventIndex
from khronika.extract.event_lexicon import Hit, phrases, trigger_table, words
from khronika.extract.event_merge import Candidate
from khronika.extract.event_outcome import Harm, harm, is_killing, outcome_participle
from khronika.extract.event_status import Status, mention_status

_FOUND = frozenset({"found", "find", "finds"})
_RULING = frozenset({"accident", "suicide", "natural", "misadventure", "accidental"})
_SPEAKERS = ("PERSON", "ORG", "GPE")
#: Triggers that do not say someone did it ("killed" may be an accident).
_AGENTLESS = frozenset({"kill", "dead"})
#: More deaths than this in one clause is a war's toll, not an incident.
_MASS = 1000
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def read_mentions(index: EventIndex) -> list[Candidate]:
    """Every event mention of the article's body."""
    table = trigger_table()
    presumed = presumed_actors(index)
    found: list[Candidate] = []
    for _, doc in index.docs:
        hits = table.find(doc)
        admitted = [(hit, who) for hit in hits if (who := _admit(index, hit, hits)) is not None]
        heads = [h.head for h, _ in admitted]  # the clauses of other events
        for hit, who in admitted:
            candidate = _mention(index, hit, who, heads)
            if candidate is not None:
                found += [_presume(c, presumed) for c in _per_victim(hit, candidate)]
    return _released_from_custody(found)


def _admit(index: EventIndex, hit: Hit, hits: list[Hit]) -> Roles | None:
    """The roles of a trigger that passes its constraints, else ``None``."""
    if index.start(hit.head) < index.article.body_start or _subordinate(hit, hits):
        return None
    who = roles(index, hit)
    return who if checks.passes(index, hit, who, list(hit.head.sent)) else None


def _per_victim(hit: Hit, candidate: Candidate) -> list[Candidate]:
    """ "the kidnappings of X and Y": one event per victim; "arrested X and Y": one."""
    if hit.trigger.pos != "N" or hit.head.tag_ != "NNS" or len(candidate.people) < 2:
        return [candidate]
    return [replace(candidate, recipients=(p,), people=(p,)) for p in candidate.people]


def _released_from_custody(found: list[Candidate]) -> list[Candidate]:
    """A release with no word of custody near it counts only for someone the
    article says was arrested or abducted ("she was freed without explanation")."""
    held = {
        r
        for c in found
        if (c.type == "COERCE" and "arrest" in c.modes) or "abduct" in c.modes
        for r in c.recipients
    }
    return [c for c in found if not c.custody_unseen or set(c.recipients) & held]


def _presume(candidate: Candidate, presumed: dict[str, tuple[str, ...]]) -> Candidate:
    """An attack that names no actor takes the one the article calls the victim's."""
    if candidate.type != "ASSAULT" or candidate.actors:
        return candidate
    actors = tuple(dict.fromkeys(a for r in candidate.recipients for a in presumed.get(r, ())))
    return replace(candidate, actors=actors) if actors else candidate


def _mention(index: EventIndex, hit: Hit, who: Roles, heads: list[Token]) -> Candidate | None:
    sentence = list(hit.head.sent)
    where = region(index, hit, heads)
    scope = [hit.head.doc[i] for i in sorted(where.tokens)]
    if checks.habitual(scope) and not any(r.type == "PERSON" for r in who.recipients):
        return None  # "shelled almost daily": a habit (a person beaten nightly is not)
    status = mention_status(index, hit)
    if hit.trigger.has("found") and not _found_or_counterfactual(hit, status):
        return None
    if status.status == "negated" and not who.recipients:
        return None  # "never carried out killings": a denial of a habit, not an incident
    candidate = _candidate(index, hit, who, status, where, heads)
    if hit.trigger.has("custody") and not checks.custody_near(index, hit, sentence):
        candidate = replace(candidate, custody_unseen=True)
    return candidate


def _subordinate(hit: Hit, hits: list[Hit]) -> bool:
    """A killing that is the result of another attack, or what a threat threatens."""
    head = hit.head
    if outcome_participle(head):
        return any(h.head == head.head and h.trigger.type == "ASSAULT" for h in hits)
    if is_killing(head) and any(  # "seven were killed when a missile hit ...": its result
        h.head.head == head and h.head.dep_ == "advcl" and h.trigger.type == "ASSAULT" for h in hits
    ):
        return True
    if head.dep_ == "xcomp":
        return any(h.head == head.head and h.trigger.type == "THREATEN" for h in hits)
    return False


def intended(hit: Hit) -> bool:
    """ "agreed to kill", "the order to kill", "planning to kill": aimed at, not done."""
    head = hit.head
    if hit.trigger.pos != "V" or head.dep_ not in ("xcomp", "acl", "advcl", "ccomp"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    return head.head.lower_ in words("intent")


def _found_or_counterfactual(hit: Hit, status: Status) -> bool:
    verb = governing_verb(hit.head)
    return (verb is not None and verb.lower_ in _FOUND) or status.status == "hypothetical"


def _candidate(
    index: EventIndex, hit: Hit, who: Roles, status: Status, where: Region, heads: list[Token]
) -> Candidate:
    trigger = hit.trigger
    wide = trigger.pos != "N" or predicate(hit) != hit.head
    date = date_of(index, hit, where, heads, wide)
    place = place_of(index, hit, where, heads, wide, date)
    tools = instruments(index, hit, where)
    harmed = _harm(hit, who) if trigger.type == "ASSAULT" else Harm(None, None)
    if intended(hit) and harmed.outcome == "killed":
        harmed = Harm("unknown", None)
    final = _disputed(index, hit, status, harmed)
    if intended(hit) and final.status in ("asserted", "attributed"):
        final = Status("hypothetical")  # "agreed to kill": aimed at; done only if told elsewhere
    strength = _strength(hit, who, heads)
    return Candidate(
        type=trigger.type,
        key=trigger.key,
        modes=trigger.modes or _weapon_modes(hit, where),
        contexts=_contexts(index, trigger.contexts, tools),
        actors=tuple(e.name for e in who.actors),
        actor_states=tuple(e.name for e in who.actors if e.type == "GPE"),
        recipients=tuple(e.name for e in who.recipients),
        people=tuple(e.name for e in who.recipients if e.type in ("PERSON", "ORG")),
        described=who.described,
        standalone=_standalone(hit, who) or _anchored(index, hit, who, where, final, harmed),
        strength=strength,
        status=final.status,
        source=final.source.name if final.source and final.source.type in _SPEAKERS else None,
        date=date,
        location=place_name(index, place) if place else None,
        country=place.country if place else None,
        instrument=tools,
        outcome=harmed.outcome,
        fatalities=harmed.fatalities,
        evidence=(where.start, where.end),
        trigger=(index.start(hit.head.doc[hit.start]), index.end(hit.head.doc[hit.end - 1])),
        paragraph=index.paragraph(index.start(hit.head)),
    )


#: Word classes of event_words.tsv that give an attack its mode, in order.
_WEAPON_MODES = ("beat", "drone", "aerial", "heavy-weapons", "explosives", "firearms")


def _weapon_modes(hit: Hit, where: Region) -> tuple[str, ...]:
    """The mode of an attack whose trigger names none, from its weapon."""
    if hit.trigger.type != "ASSAULT":
        return ()
    doc = hit.head.doc
    lower = {doc[i].lower_ for i in where.tokens}
    return next(((m,) for m in _WEAPON_MODES if lower & words(f"mode_{m}")), ())


def _contexts(
    index: EventIndex, contexts: tuple[str, ...], tools: tuple[str, ...]
) -> tuple[str, ...]:
    kinds = {e.type for e in index.entities.values() if e.name in tools}
    return (*contexts, "cbrn") if "SUBSTANCE" in kinds and "cbrn" not in contexts else contexts


def _harm(hit: Hit, who: Roles) -> Harm:
    people = sum(1 for r in who.recipients if r.type == "PERSON")
    return harm(hit, people, list(hit.head.sent))


def _strength(hit: Hit, who: Roles, heads: list[Token]) -> int:
    """2 for a clause, 1 for a noun phrase inside another event's clause, 0 weak."""
    if hit.trigger.has("weak"):
        return 0
    if intended(hit):
        return 1
    if hit.trigger.pos != "N":
        return 2
    if predicate(hit) != hit.head:
        return 2
    inside = any(h != hit.head and h in hit.head.ancestors for h in heads)
    owned = all(t.dep_ == "poss" for t in who.recipient_tokens)  # "her detention"
    return 1 if inside or owned or not (who.recipients or who.described) else 2


def _standalone(hit: Hit, who: Roles) -> bool:
    """Whether the mention may be an event of its own (else it only joins one):
    it names someone, and a noun phrase that names no victim is no event unless
    it is what someone performs ("could order more assassinations"), not a
    reference back ("accused them of staging the attack")."""
    if hit.trigger.has("reference"):
        return False
    if who.recipients:
        return True
    if not who.actors:
        return False
    if hit.trigger.pos != "N":
        return True
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in hit.head.children)
    return predicate(hit) != hit.head and not definite


def _anchored(
    index: EventIndex, hit: Hit, who: Roles, where: Region, status: Status, harmed: Harm
) -> bool:
    """An attack or arrest that names nobody is still an incident when its own
    clause says, as a past fact, whom it struck, where, and on which day or
    month ("gunmen killed two journalists in Mosul on 3 May")."""
    if hit.trigger.type not in ("ASSAULT", "COERCE") or hit.trigger.pos != "V":
        return False
    if hit.trigger.has("weak") or intended(hit) or status.status not in ("asserted", "attributed"):
        return False
    if not (who.described or 0 < (harmed.fatalities or 0) < _MASS) or not _past(hit.head):
        return False
    if hit.trigger.key in _AGENTLESS and not _agent_named(hit.head):
        return False  # "an engineer was killed while working": an accident, maybe
    if any(hit.head.doc[i].lower_ in words("since") for i in where.tokens):
        return False  # "arrested since May": a tally over a period
    date = date_of(index, hit, where, (), wide=False)
    place = place_of(index, hit, where, (), wide=False)
    return date is not None and len(date) >= 7 and place is not None


def _agent_named(verb: Token) -> bool:
    """A killer is named, if only as "gunmen", "soldiers" or "a missile"."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    agents = words("group") | words("weapon") | words("person_noun") | words("attacker")
    return any(d.lower_ in agents for d in doers)


def _past(verb: Token) -> bool:
    """ "killed", "was arrested", "had detained" (not "are killed", "to stab")."""
    if verb.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBN" and bool(auxes & {"was", "were", "had", "has", "have"})


def _disputed(index: EventIndex, hit: Hit, status: Status, harmed: Harm) -> Status:
    """A death stated as fact beside an official account of accident: disputed."""
    if status.status != "asserted" or harmed.outcome != "killed":
        return status
    here = index.sentence_of(hit.head)
    paragraph = index.sentences[here].paragraph
    for sentence in index.sentences[here : here + 3]:
        if sentence.paragraph > paragraph + 1:
            break
        lower = {t.lower_ for t in sentence.span}
        text = " ".join(t.lower_ for t in sentence.span)
        if ("ruled" in lower and lower & _RULING) or _official(text):
            return Status("disputed")
    return status


def _official(text: str) -> bool:
    """An official account: "officially", "no evidence of foul play", "natural causes"."""
    padded = f" {text} "
    cues = [w for w in words("official") if w != "ruled"]
    return any(f" {cue} " in padded for cue in cues) or any(
        f" {' '.join(p)} " in padded for p in phrases("official")
    )
