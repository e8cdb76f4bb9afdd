"""Name normalisation and resolution of predicted names to gold entities.

The rule of ``ANNOTATION.md``: a predicted name resolves to a gold entity
when, after normalisation (case, punctuation, titles such as Gen./General/
Mr/Dr/President removed, diacritics folded), it equals the canonical name or
an alias; a predicted name that equals a gold PERSON's surname alone also
resolves when only one gold PERSON in the file has that surname.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from khronika.names import fold, normalise_name

__all__ = ["GoldName", "NameResolver", "fold", "normalise_name"]


@dataclass(frozen=True, slots=True)
class GoldName:
    """A gold entity as the resolver sees it."""

    name: str
    type: str
    forms: tuple[str, ...]


class NameResolver:
    """Resolves names to the canonical names of one file's gold entities."""

    def __init__(self, entities: Iterable[GoldName]) -> None:
        self._by_form: dict[str, str] = {}
        surnames: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            for form in entity.forms:
                self._by_form.setdefault(normalise_name(form), entity.name)
            if entity.type == "PERSON":
                words = normalise_name(entity.name).split()
                if len(words) > 1:
                    surnames[words[-1]].add(entity.name)
        self._by_surname = {s: next(iter(n)) for s, n in surnames.items() if len(n) == 1}

    def resolve(self, name: str) -> str:
        """The canonical gold name ``name`` resolves to, else its normalised form.

        Two names refer to the same thing when their resolutions are equal; an
        unresolved form is marked so that it never equals a canonical name.
        """
        key = normalise_name(name)
        if key in self._by_form:
            return self._by_form[key]
        if " " not in key and key in self._by_surname:
            return self._by_surname[key]
        return f"\x00{key}"

    def same(self, predicted: str, gold: str) -> bool:
        """Whether a predicted name refers to the same entity as a gold name."""
        return self.resolve(predicted) == self.resolve(gold)
