"""Bytes to text: a byte-order mark, then strict UTF-8, then detection.

Nothing is normalised: the decoded text is the text as read, and every
offset in the project points into it. Latin-1 is never assumed blindly.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from khronika.read.detect import ascii_compatible, detect_codecs

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# What web pages declare and what they mean (as browsers read them).
_DECLARED_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, if any.

    >>> bom_codec(b"\\xff\\xfeh\\x00"), bom_codec(b"plain")
    ('utf-16', None)
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """The whole of ``data`` decoded, and the codec's name; ``None`` if nothing fits.

    ``declared`` is a charset the content itself names (an HTML meta tag, an
    HTTP header); it is tried after strict UTF-8.

    >>> decode_text("été".encode("utf-8"))
    ('été', 'utf-8')
    """
    return decode_sample(data, complete=True, declared=declared)


def decode_sample(
    sample: bytes, *, complete: bool, declared: str | None = None
) -> tuple[str, str] | None:
    """Like :func:`decode_text`, for the head of a stream when ``complete`` is false.

    A multi-byte character cut at the end of an incomplete sample is allowed
    (and left out of the returned text).
    """
    for codec in _candidates(sample, declared):
        text = _try_decode(sample, codec, final=complete)
        if text is not None:
            return text, codecs.lookup(codec).name
    return None


def _candidates(data: bytes, declared: str | None) -> Iterator[str]:
    bom = bom_codec(data)
    if bom is not None:
        yield bom
        return
    yield "utf-8"
    if declared is not None:
        name = _declared_codec(declared)
        if name is not None:
            yield _DECLARED_ALIASES.get(name, name)
            yield name
    yield from detect_codecs(data)


def _declared_codec(declared: str) -> str | None:
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    return name if ascii_compatible(name) else None


def _try_decode(data: bytes, codec: str, *, final: bool) -> str | None:
    try:
        decoder = codecs.getincrementaldecoder(codec)()
        text: str = decoder.decode(data, final=final)
    except (LookupError, UnicodeDecodeError):
        return None
    return text
