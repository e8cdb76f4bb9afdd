"""A blocking key under which romanisations of one Slavic name agree.

English, German, French and Polish spell Cyrillic differently: Хохлов is
Khokhlov, Chochlow, Khokhlov, Chochłow; Геннадий is Gennady, Gennadi,
Gennadij, Gennadiy. :func:`skeleton` maps the spellings of each sound to one
symbol (``kh``/``ch``/``h`` for х; ``w``/``v`` for в; ``sch``/``sh``/``sz``
for ш; ``tsch``/``tch``/``cz`` for ч, folded with х because English ``ch``
is ч while German ``ch`` is х), drops doubled letters and treats ``y``,
``j`` and ``i`` alike. Equal skeletons are a reason to compare two names,
never alone a reason to merge them.
"""

from __future__ import annotations

import re

from khronika.names import fold

# Ordered: longer spellings first. Upper case marks a symbol already mapped.
_RULES: tuple[tuple[str, str], ...] = (
    ("schtsch", "S"),
    ("shch", "S"),
    ("szcz", "S"),
    ("tsch", "X"),
    ("tch", "X"),
    ("cz", "X"),
    ("sch", "S"),
    ("sz", "S"),
    ("sh", "S"),
    ("zh", "Z"),
    ("kh", "X"),
    ("ch", "X"),
    ("h", "X"),
    ("x", "KS"),
    ("w", "V"),
    ("ou", "U"),
    ("ye", "E"),
    ("je", "E"),
    ("yu", "IU"),
    ("ju", "IU"),
    ("ya", "IA"),
    ("ja", "IA"),
    ("y", "I"),
    ("j", "I"),
)
_RULE = re.compile("|".join(re.escape(pattern) for pattern, _ in _RULES))
_REPLACE = dict(_RULES)
_DOUBLE = re.compile(r"(\w)\1+")


def skeleton(word: str) -> str:
    """The transliteration key of one word: ``skeleton("Chochlow") == skeleton("Khokhlov")``."""
    folded = fold(word).replace(" ", "")
    mapped = _RULE.sub(lambda m: _REPLACE[m.group()], folded).lower()
    mapped = re.sub(r"ff$", "v", mapped)  # French -off for -ov
    return _DOUBLE.sub(r"\1", mapped)
