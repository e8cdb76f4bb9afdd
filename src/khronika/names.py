"""Name normalisation shared by extraction and evaluation.

Names are compared after folding case, diacritics and punctuation and
dropping leading titles and honorifics ("Gen. Oleg Kalugin" and "oleg
kalugin" are one key); the text as printed is kept for display.
"""

from __future__ import annotations

import re
import unicodedata

# Titles and honorifics dropped before names are compared; each is a whole
# word after punctuation is removed ("Gen." and "Gen" are both "gen").
TITLES = frozenset(
    (
        *("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady"),
        *("gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major"),
        *("capt", "captain", "cpt", "sgt", "sergeant", "adm", "admiral", "marshal"),
        *("cmdr", "commander", "brig", "brigadier"),
        *("president", "vice", "premier", "prime", "minister", "chancellor"),
        *("king", "queen", "prince", "princess"),
        *("sen", "senator", "rep", "gov", "governor", "mayor", "judge", "justice"),
        *("rev", "reverend", "father", "fr", "sheikh", "imam", "rabbi", "saint", "st"),
        *("ex", "former", "late", "the"),
    )
)

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s\b")


def fold(text: str) -> str:
    """Lower case, diacritics folded, possessives and punctuation removed, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    no_punct = _PUNCT.sub(" ", _POSSESSIVE.sub("", stripped.casefold()))
    return _SPACE.sub(" ", no_punct).strip()


def normalise_name(name: str) -> str:
    """A name as compared: folded, with leading titles and honorifics removed."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def strip_title(name: str) -> str:
    """The printed name without leading titles: "Gen. Oleg Kalugin" -> "Oleg Kalugin"."""
    words = name.split()
    while len(words) > 1 and fold(words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def same_person(name: str | None, query: str) -> bool:
    """Whether ``name`` answers a search for ``query`` ("Kalugin" finds "Oleg Kalugin")."""
    if not name:
        return False
    wanted, have = normalise_name(query).split(), normalise_name(name).split()
    return bool(wanted) and (wanted == have or (len(wanted) == 1 and wanted[0] in have))
