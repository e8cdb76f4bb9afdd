"""Attribution clauses: the cue and subject that frame a quotation.

For each quotation the clause is looked for, in this order:

1. after the closing mark, in the same sentence, led by the cue or its
   subject (``“…,” said the former head of …``, ``“…,” Kalugin suggested``);
   not when the clause introduces the next quotation (``He replied: “…``)
   or says something of its own (``“….” Putin said he disagreed``); a dash
   and a name attribute too (``“…” ― Jacklyn Ashley``);
2. before the opening mark, in the same sentence, where everything between
   the cue and the mark hangs from the cue (``Kalugin said: “…``, ``He
   accused the leaders of giving Putin a “free pass”``); a quotation opening
   a paragraph also looks at a previous paragraph that ends with a colon
   (``the colonel told me:``); a clause ending in a colon frames the
   quotation even with no speech verb (``His office issued a statement: “…``);
3. up the dependency tree from the quotation's first word to a cue outside
   the marks (``General Kalugin told that the president saw Britain … as a
   “soft touch”``), or to a speech noun with a possessor (``Trump’s claim
   that there were “thousands of shootings”``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from khronika.extract.quote_context import QuoteContext, sentence_end, sentence_start
from khronika.extract.quote_cues import cue_of
from khronika.extract.quote_subjects import (
    SubjectRef,
    according_to,
    describe,
    name_like,
    next_name,
    passive,
    previous_name,
    subject_token,
)
from khronika.extract.quote_words import SPEECH_NOUNS

#: Dependents of an attribution's cue after it: when, where, how and to whom
#: ("Kalugin said on Tuesday", "he told reporters", "she said, smiling").
_ADJUNCTS = frozenset(
    {"prep", "npadvmod", "advmod", "advcl", "dative", "dobj", "agent", "prt", "cc", "conj"}
)
_ENDS = (".", "!", "?", "…")
#: A dash and a name after a quotation: ``“…” ― Jacklyn Ashley``.
_DASHES = "―—–"
_DASH = re.compile(f"\\s*[{_DASHES}]\\s*")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The clause that frames a quotation: cue as printed, subject, and how.

    ``framed`` is true when the clause is set off as direct speech (``“…,”
    he said``, ``he said: “…``, ``he shouted “Stop!”``), which makes even a
    one-word or Title Case quotation speech. ``tokens`` are the offsets of
    the cue and of the subject's token.
    """

    cue: str | None
    subject: SubjectRef
    framed: bool
    tokens: tuple[int, ...]


def find_attribution(ctx: QuoteContext, i: int) -> Attribution | None:
    """The attribution clause of quotation number ``i``, if the text has one."""
    return _after(ctx, i) or _before(ctx, i) or _governing(ctx, i)


def _cue(token: Token) -> str | None:
    """The cue a token is: a speech verb, or "according to"."""
    if token.lower_ == "according" and according_to(token) is not None:
        return "according to"
    return cue_of(token)


def _attribution(
    ctx: QuoteContext, cue: str | None, token: Token, subject: Token | None, framed: bool
) -> Attribution:
    found = [ctx.index.pos(token)]
    if subject is not None:
        found.append(ctx.index.pos(subject))
    return Attribution(cue, describe(ctx, subject, token), framed, tuple(found))


def _after(ctx: QuoteContext, i: int) -> Attribution | None:
    span = ctx.spans[i]
    if span.close_at is None:
        return None
    lo = span.close_at + 1
    para_end = ctx.paras[span.paragraph][1]
    following = ctx.spans[i + 1].open_at if i + 1 < len(ctx.spans) else para_end
    hi = sentence_end(ctx.text, lo, min(para_end, following))
    if ctx.text[lo:hi].rstrip().endswith(":"):
        return None  # "He replied: “…": the clause introduces the next quotation
    tokens = ctx.narrative(lo, hi)
    name = _dash_name(ctx, lo, tokens)
    if name is not None:
        return _attribution(ctx, None, name, name, framed=True)
    token, cue = next(((t, c) for t in tokens if (c := _cue(t))), (None, None))
    if token is None or cue is None:
        return None
    subject = subject_token(token)
    lead = [t for t in tokens if t.i < token.i and not t.is_punct]
    if subject is None and lead:  # "the 85-year-old said", left unlinked by the parser
        found = _attribution(ctx, cue, token, None, framed=True)
        return found if found.subject.kind == "description" else None
    if any(not _in_subject(t, token, subject) for t in lead):
        return None
    if ctx.text[span.start : span.end].rstrip().endswith(_ENDS) and _says_more(ctx, token, tokens):
        return None
    if subject is None and not passive(token):
        subject = next_name(token)
    return _attribution(ctx, cue, token, subject, framed=True)


def _dash_name(ctx: QuoteContext, lo: int, tokens: Sequence[Token]) -> Token | None:
    """The last word of a name signed after a dash ("“…” ― Jacklyn Ashley."), if any."""
    if not _DASH.match(ctx.text, lo):
        return None
    words = [t for t in tokens if not t.is_punct and t.text not in _DASHES]
    if words and name_like(words[0]) and all(t.pos_ == "PROPN" for t in words):
        return words[-1]
    return None


def _says_more(ctx: QuoteContext, cue: Token, tokens: Sequence[Token]) -> bool:
    """After a quotation that ended its sentence: a new sentence, not an attribution?

    "“….” Putin said he disagreed": words follow the cue that are not its
    adjuncts (when, where, to whom) but what was said. After "“…,”" the
    comma already says attribution.
    """
    for token in tokens:
        if token.i <= cue.i or token.is_punct:
            continue
        if token.doc is not cue.doc or not cue.is_ancestor(token):
            return True
        branch = next(a for a in (token, *token.ancestors) if a.head == cue)
        if branch.dep_ not in _ADJUNCTS:
            return True
    return False


def _in_subject(token: Token, cue: Token, subject: Token | None) -> bool:
    """Whether ``token`` belongs to the subject of ``cue`` or modifies the cue."""
    if subject is not None and (token == subject or subject.is_ancestor(token)):
        return True
    if token.head != cue or token.tag_ in ("WRB", "IN"):  # "when Clinton blasted him"
        return False
    return token.dep_ in ("advmod", "aux", "auxpass", "neg")


def _before(ctx: QuoteContext, i: int) -> Attribution | None:
    lo, hi = _before_window(ctx, i)
    tokens = ctx.narrative(lo, hi) if lo < hi else []
    for token in reversed(tokens):
        cue = _cue(token)
        if cue is None:
            continue
        rest = [t for t in tokens if t.i > token.i and not t.is_punct]
        if any(t.doc is not token.doc or not token.is_ancestor(t) for t in rest):
            continue
        subject = subject_token(token)
        if subject is None and not passive(token):
            subject = previous_name(token)
        framed = ctx.text[lo:hi].rstrip().endswith((":", ",")) or _adjacent(ctx, i, rest)
        return _attribution(ctx, cue, token, subject, framed)
    return _colon(ctx, lo, hi, tokens)


def _colon(ctx: QuoteContext, lo: int, hi: int, tokens: Sequence[Token]) -> Attribution | None:
    """A clause ending in a colon frames the quotation even without a cue.

    Its subject speaks if it names someone ("Savchenko put it bluntly: “…”")
    or issues a statement ("His office issued a statement: “…”", someone
    unnamed); otherwise ("The scene was chaotic: “…”") the clause says
    nothing about who speaks.
    """
    if not ctx.text[lo:hi].rstrip().endswith(":"):
        return None
    inside = {t.i for t in tokens}
    verb = next((t for t in tokens if t.pos_ in ("VERB", "AUX") and t.head.i not in inside), None)
    if verb is None:
        verb = next((t for t in tokens if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    found = _attribution(ctx, None, verb, subject, framed=True)
    said = any(c.dep_ == "dobj" and c.lower_ in SPEECH_NOUNS for c in verb.children)
    if found.subject.kind == "unknown" and not said:
        return None  # "The scene was chaotic: “…”" leaves the speaker as it was
    return found


def _before_window(ctx: QuoteContext, i: int) -> tuple[int, int]:
    """From the start of the opening mark's sentence (or the last quotation) to the mark.

    A quotation that opens its paragraph looks instead at the last sentence
    of the previous paragraph, if that ends with a colon.
    """
    span = ctx.spans[i]
    para_lo = ctx.paragraph_start(span.open_at)
    previous = ctx.spans[i - 1].outer_end if i > 0 else 0
    lo = sentence_start(ctx.text, max(para_lo, previous), span.open_at)
    if ctx.text[lo : span.open_at].strip("[( \t") or lo != para_lo:
        return lo, span.open_at
    index = ctx.paragraph_of(span.open_at)
    if index == 0:
        return span.open_at, span.open_at
    prev_lo, prev_hi = ctx.paras[index - 1]
    if ctx.text[prev_hi - 1] != ":" or ctx.quoted(prev_hi - 1):
        return span.open_at, span.open_at
    return sentence_start(ctx.text, max(prev_lo, previous), prev_hi), prev_hi


def _adjacent(ctx: QuoteContext, i: int, rest: Sequence[Token]) -> bool:
    """A cue right before a quotation that is a sentence ("he shouted “Glory!”")."""
    span = ctx.spans[i]
    sentence = ctx.text[span.start : span.end].rstrip().endswith((*_ENDS, ","))
    return sentence and all(t.pos_ == "PRON" or t.dep_ in ("prt", "dative") for t in rest)


def _governing(ctx: QuoteContext, i: int) -> Attribution | None:
    span = ctx.spans[i]
    first = ctx.index.token_at(span.start)
    if first is None or ctx.index.pos(first) >= span.end:
        return None
    para_lo, para_hi = ctx.paras[ctx.paragraph_of(span.open_at)]
    for ancestor in first.ancestors:
        pos = ctx.index.pos(ancestor)
        if span.open_at <= pos < span.outer_end:
            continue
        if ctx.quoted(pos) or not para_lo <= pos < para_hi:
            return None
        cue = _cue(ancestor)
        if cue is not None:
            return _attribution(ctx, cue, ancestor, subject_token(ancestor), framed=False)
        owner = _speech_owner(ancestor)
        if owner is not None:
            return _attribution(ctx, ancestor.text, ancestor, owner, framed=False)
    return None


def _speech_owner(noun: Token) -> Token | None:
    """The possessor of a speech noun ("Trump’s *claim*", "his *warning*")."""
    if noun.pos_ != "NOUN" or noun.lower_ not in SPEECH_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)
