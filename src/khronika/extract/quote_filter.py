"""Which marked spans are speech: scare quotes and titles are not.

Rules, in order:

- speech punctuation decides: a span set off by an attribution clause
  (``“Never,” he said``, ``he said: “No.”``) is speech whatever its length;
- a single word is a scare quote or a name ("umbrellas", 'Done!');
- a span right after a naming word ("so-called", "dubbed", "codenamed") or
  a title noun ("his book", "the operation") is a name or a title;
- Title Case throughout with no verb is a title ("The Man from the KGB").

Everything else of two words or more is a quotation: in interviews short
fragments ("tough measures", "a free pass") are the speaker's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from khronika.extract.quote_words import NAMING_WORDS, TITLE_FUNCTION_WORDS, TITLE_NOUNS

_WORD = re.compile(r"[^\W_][\w’'-]*")
#: A title-noun label is short; a longer span after "the report" is speech.
_MAX_TITLE_WORDS = 8


def is_speech(inner: str, before: Token | None, tokens: Sequence[Token], framed: bool) -> bool:
    """Whether the span ``inner`` is speech.

    ``before`` is the word before the opening mark, ``tokens`` the words
    inside, ``framed`` whether an attribution sets the span off as speech.
    """
    words = _WORD.findall(inner)
    if not any(c.isalpha() for c in inner):
        return False
    if framed:
        return True
    if len(words) < 2:
        return False
    if before is not None and before.lower_ in NAMING_WORDS:
        return False
    if _title_noun(before) and len(words) <= _MAX_TITLE_WORDS:
        return False
    return not (_title_case(words) and not _has_verb(tokens))


def _title_noun(token: Token | None) -> bool:
    """A noun that names what follows ("his book “…”"; not "to show “…”")."""
    return token is not None and token.pos_ == "NOUN" and token.lower_ in TITLE_NOUNS


def _title_case(words: Sequence[str]) -> bool:
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in TITLE_FUNCTION_WORDS for w in words)


def _has_verb(tokens: Sequence[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)
