"""Language identification of article bodies (offline, py3langid)."""

from __future__ import annotations

import logging

import py3langid

logger = logging.getLogger(__name__)

# Bodies with fewer letters than this get no language: too short to tell.
MIN_LETTERS = 50
# Only this many characters are read: enough to tell, and bounded in time.
MAX_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None`` if too short.

    >>> detect_language("The minister said on Monday that the talks would resume next week.")
    'en'
    >>> detect_language("Short.") is None
    True
    """
    sample = " ".join(text[:MAX_CHARS].split())
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
