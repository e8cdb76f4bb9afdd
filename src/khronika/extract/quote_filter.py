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


def is_speech(
    text: str, open_at: int, inner: str, tokens: Sequence[Token], framed: bool
) -> bool:
    """Whether the span ``inner`` (opening mark at ``open_at`` of ``text``) is speech."""
    words = _WORD.findall(inner)
    if not any(c.isalpha() for c in inner):
        return False
    if framed:
        return True
    if len(words) < 2:
        return False
    before = _word_before(text, open_at)
    if before in NAMING_WORDS:
        return False
    if before in TITLE_NOUNS and len(words) <= _MAX_TITLE_WORDS:
        return False
    return not (_title_case(words) and not _has_verb(tokens))


def _word_before(text: str, pos: int) -> str:
    match = re.search(r"([\w’'-]+)\W*$", text[max(0, pos - 40) : pos])
    return match.group(1).lower() if match else ""


def _title_case(words: Sequence[str]) -> bool:
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in TITLE_FUNCTION_WORDS for w in words)


def _has_verb(tokens: Sequence[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)
