"""Whether two reports' instruments can both be right (``data/lexicons/instruments.tsv``).

Names are first brought to the entity lexicon's canonical form ("guided
aerial bomb" is "glide bomb", "Iskander-M" is "Iskander"), then placed in
the table's hierarchy. Two instruments are *related* when one is the other
or one of its broader kinds; an instrument missing from the table is
related only to itself, and its family is unknown, so it never makes a
contradiction.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Literal

from khronika.lexicon import load_lexicon
from khronika.names import fold

Verdict = Literal["same", "refines", "refined", "contradicts", "unknown"]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(broader kind, family, canonical form) by folded name."""
    text = (files("khronika") / "data" / "lexicons" / "instruments.tsv").read_text("utf-8")
    broader: dict[str, str] = {}
    family: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, fam = (cell.strip() for cell in line.split("\t"))
        if kind != "-":
            broader[name] = kind
        family[name] = fam
    canonical = {
        fold(form): fold(entry.canonical)
        for entry in load_lexicon()
        if entry.label in ("WEAPON", "SUBSTANCE")
        for form in entry.forms
    }
    return broader, family, canonical


def canonical(name: str) -> str:
    folded = fold(name)
    return _table()[2].get(folded, folded)


def _ancestors(name: str) -> list[str]:
    broader = _table()[0]
    chain = [name]
    while chain[-1] in broader and len(chain) < 10:
        chain.append(broader[chain[-1]])
    return chain


def compare(left: tuple[str, ...], right: tuple[str, ...]) -> Verdict:
    """How the instruments of two reports relate (both non-empty)."""
    a = {canonical(n) for n in left}
    b = {canonical(n) for n in right}
    if a == b:
        return "same"
    up_a = {x for n in a for x in _ancestors(n)}
    up_b = {x for n in b for x in _ancestors(n)}
    if b <= up_a:
        return "refines"  # every instrument of right is left's or broader
    if a <= up_b:
        return "refined"
    if up_a & up_b:
        return "unknown"
    families = _table()[1]
    fam_a = {families.get(n) for n in a}
    fam_b = {families.get(n) for n in b}
    if None in fam_a or None in fam_b or not fam_a & fam_b:
        return "unknown"
    return "contradicts"
