"""Guessing the code page of non-UTF-8 text with charset-normalizer, carefully.

charset-normalizer is good on long texts and unsteady on short ones, where
several code pages decode about equally well. Three corrections, in order:

* it stops at the first multi-byte (CJK) code page that fits, so a short
  German text can come out as Chinese; single-byte pages are then tried too;
* decodings that put symbols, digits or non-Latin letters against Latin
  letters ("f³r", "f僡") are dropped when a cleaner one exists;
* among matches about as good as the best, Western European pages win, as
  they are by far the commonest in news archives.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import charset_normalizer
from charset_normalizer.constant import IANA_SUPPORTED
from charset_normalizer.utils import is_multi_byte_encoding

PREFERRED = ("cp1252", "iso8859-15", "iso8859-1")
CHAOS_MARGIN = 0.1
COHERENCE_MARGIN = 0.005
JUDGED_BYTES = 64 * 1024

_MULTI_BYTE = [name for name in IANA_SUPPORTED if is_multi_byte_encoding(name)]
_NEXT_TO_LATIN = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z])")


def detect_codecs(data: bytes) -> list[str]:
    """Python codec names that may fit ``data``, likeliest first (ASCII-compatible only).

    >>> detect_codecs("Die Polizei sucht Zeugen für die Entführung.".encode("cp1252"))[0]
    'cp1252'
    """
    matches = list(charset_normalizer.from_bytes(data))
    if matches and is_multi_byte_encoding(matches[0].encoding):
        matches += charset_normalizer.from_bytes(data, cp_exclusion=_MULTI_BYTE)
    if not matches:
        return []
    oddities = {id(match): _oddities(data, match.encoding) for match in matches}
    fewest = min(oddities.values())
    clean = sorted(
        (match for match in matches if oddities[id(match)] == fewest),
        key=lambda match: (match.chaos, -match.coherence),
    )
    best = clean[0]
    tied = [
        match
        for match in clean
        if match.chaos <= best.chaos + CHAOS_MARGIN
        and match.coherence >= best.coherence - COHERENCE_MARGIN
    ]
    tied_names = _names([best, *tied])
    ordered = [name for name in PREFERRED if name in tied_names]
    ordered += tied_names + _names(clean) + _names(matches)
    # Without a byte-order mark, UTF-16/32 "detections" are noise (and text
    # files in them without a mark are refused as binary earlier anyway).
    return [name for name in dict.fromkeys(ordered) if ascii_compatible(name)]


def _names(matches: Sequence[Any]) -> list[str]:
    """Each match's code page, then those that decode the bytes the same way."""
    return [
        _canonical(name)
        for match in matches
        for name in (match.encoding, *match.could_be_from_charset)
    ]


def _oddities(data: bytes, encoding: str) -> int:
    """How many characters next to a Latin letter are symbols, digits or non-Latin letters.

    Punctuation (quotes, dashes) and Latin letters with any accent are fine.
    """
    text = data[:JUDGED_BYTES].decode(encoding, errors="ignore")
    return sum(1 for found in _NEXT_TO_LATIN.finditer(text) if _odd(found.group()))


def _odd(char: str) -> bool:
    kind = unicodedata.category(char)[0]
    if kind == "L":
        return "LATIN" not in unicodedata.name(char, "")
    return kind in "SNC"


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def ascii_compatible(codec: str) -> bool:
    """Whether ``codec`` writes ASCII as ASCII (so lines split on ``\\n`` bytes).

    >>> ascii_compatible("cp1252"), ascii_compatible("utf-16")
    (True, False)
    """
    try:
        return "<a>\n{}".encode(codec) == b"<a>\n{}"
    except (LookupError, UnicodeError):
        return False
