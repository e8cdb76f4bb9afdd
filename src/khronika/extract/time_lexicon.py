"""The words of time expressions, read once from ``data/lexicons/time_words.tsv``.

The file is a list of ``table<TAB>phrase<TAB>value`` lines with comments;
:func:`table` returns one table as a mapping from the lower-cased phrase to
its value, and :func:`alternation` a regular-expression alternation of a
table's phrases, longest first (so that "Sept" wins over "Sep").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType

LEXICON = "time_words.tsv"


@lru_cache(maxsize=1)
def _tables() -> Mapping[str, Mapping[str, str]]:
    text = (files("khronika") / "data" / "lexicons" / LEXICON).read_text(encoding="utf-8")
    tables: dict[str, dict[str, str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{LEXICON}:{number}: expected table, phrase and value")
        name, phrase, value = (part.strip() for part in parts)
        tables.setdefault(name, {})[" ".join(phrase.lower().split())] = value
    return MappingProxyType({k: MappingProxyType(v) for k, v in tables.items()})


def table(name: str) -> Mapping[str, str]:
    """One table of the lexicon: lower-cased phrase → value."""
    return _tables()[name]


def lookup(name: str, phrase: str) -> str | None:
    """The value of ``phrase`` (any case, any spacing) in table ``name``."""
    return table(name).get(" ".join(phrase.lower().replace(".", "").split()))


@cache
def alternation(name: str) -> str:
    """A regex alternation (no group) of the phrases of a table, longest first.

    >>> alternation("season")
    'autumn|spring|summer|winter|fall'
    """
    phrases = sorted(table(name), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in phrases)
