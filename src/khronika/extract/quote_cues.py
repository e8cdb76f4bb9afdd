"""Speech-cue verbs: which token says someone is speaking.

The verbs are data (``data/lexicons/speech_cues.txt``, one lemma per line).
The pipeline's spaCy model runs without its lemmatiser, so a token's lemma
is recovered here from its form: regular inflections by rule, the few
irregular ones from :data:`IRREGULAR`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

LEXICON = "speech_cues.txt"

#: Irregular forms of the cue verbs, and the lemma of each.
IRREGULAR: dict[str, str] = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "went": "go",
    "gone": "go",
}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """One-word cue lemmas, and phrasal ones as (verb, particle) pairs."""

    words: frozenset[str]
    phrasal: frozenset[tuple[str, str]]


def parse_lexicon(text: str) -> CueLexicon:
    """The lexicon from its file text (``#`` starts a comment)."""
    words: set[str] = set()
    phrasal: set[tuple[str, str]] = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        verb, _, particle = entry.partition(" ")
        if particle:
            phrasal.add((verb, particle.strip()))
        else:
            words.add(verb)
    return CueLexicon(frozenset(words), frozenset(phrasal))


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    """The cue lexicon shipped with the package (read once)."""
    path = files("khronika") / "data" / "lexicons" / LEXICON
    return parse_lexicon(path.read_text(encoding="utf-8"))


def lemma_candidates(form: str) -> list[str]:
    """Possible lemmas of a verb form: "chuckles" -> ["chuckles", "chuckle", "chuckl"].

    >>> lemma_candidates("admitted")[-1]
    'admit'
    >>> "deny" in lemma_candidates("denied")
    True
    """
    word = form.lower()
    if word in IRREGULAR:
        return [IRREGULAR[word]]
    found = [word]
    if word.endswith(("ies", "ied")):
        found.append(word[:-3] + "y")
    if word.endswith("es"):
        found.append(word[:-2])
    if word.endswith(("s", "d")):
        found.append(word[:-1])
    if word.endswith("ed"):
        found.append(word[:-2])
    if word.endswith("ing"):
        found += [word[:-3], word[:-3] + "e"]
    for suffix in ("ed", "ing"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and stem[-1] == stem[-2]:
            found.append(stem[:-1])  # admitted, snapping
    return found


def _particle(token: Token) -> Token | None:
    """The verb's particle ("went *on*"), as a child or as the next word."""
    for child in token.children:
        if child.dep_ == "prt":
            return child
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following if following is not None and following.tag_ in ("RP", "IN") else None


def cue_of(token: Token, lexicon: CueLexicon | None = None) -> str | None:
    """The cue as printed ("said", "went on") if ``token`` is a speech-cue verb."""
    if not token.tag_.startswith("VB"):
        return None
    lexicon = lexicon or load_lexicon()
    lemmas = lemma_candidates(token.text)
    particle = _particle(token)
    if particle is not None:
        pair = particle.text.lower()
        if any((lemma, pair) in lexicon.phrasal for lemma in lemmas):
            return f"{token.text} {particle.text}"
    if any(lemma in lexicon.words for lemma in lemmas):
        return token.text
    return None


def cue_lemma(token: Token) -> str | None:
    """The lemma of a cue verb ("said" -> "say"), or ``None``."""
    lexicon = load_lexicon()
    for lemma in lemma_candidates(token.text):
        if lemma in lexicon.words or any(verb == lemma for verb, _ in lexicon.phrasal):
            return lemma
    return None
