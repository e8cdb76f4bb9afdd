"""A first look at a file: its hash and size, and whether it holds text at all."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from khronika.read.decode import bom_codec

CHUNK_BYTES = 1024 * 1024
SNIFF_BYTES = 8 * 1024
HEAD_BYTES = 64 * 1024

EMPTY = "empty file"
BINARY = "binary file (not text)"

_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27} | {127}
_CONTROL_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Scan:
    """What one pass over a file's bytes tells: hash, size and the first bytes."""

    sha256: str
    size: int
    head: bytes

    @property
    def complete(self) -> bool:
        """Whether ``head`` holds the whole file."""
        return len(self.head) >= self.size


def scan_file(path: Path) -> Scan:
    """Hash a file in 1 MiB chunks (bounded memory), keeping its first 64 KiB."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            if size < HEAD_BYTES:
                head += chunk[: HEAD_BYTES - size]
            digest.update(chunk)
            size += len(chunk)
    return Scan(digest.hexdigest(), size, head)


def scan_bytes(data: bytes) -> Scan:
    """The same as :func:`scan_file`, for a file already read whole."""
    return Scan(hashlib.sha256(data).hexdigest(), len(data), data[:HEAD_BYTES])


def text_problem(scan: Scan) -> str | None:
    """Why the file is not usable text (:data:`EMPTY`, :data:`BINARY`), or ``None``.

    Binary means NUL bytes or mostly control characters in the first 8 KiB,
    judged on the decoded characters when a UTF-16/32 byte-order mark says
    NUL bytes are expected.

    >>> text_problem(scan_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"))
    'binary file (not text)'
    """
    if scan.size == 0:
        return EMPTY
    sniff = scan.head[:SNIFF_BYTES]
    codec = bom_codec(sniff)
    if codec in ("utf-16", "utf-32"):
        text = codecs.getincrementaldecoder(codec)(errors="replace").decode(sniff)
        if scan.complete and not text.strip():
            return EMPTY
        return BINARY if _mostly_control([ord(char) for char in text]) else None
    if codec is not None:
        sniff = sniff[len(codecs.BOM_UTF8) :]
    if scan.complete and not sniff.strip():
        return EMPTY
    return BINARY if _mostly_control(list(sniff)) else None


def _mostly_control(codes: list[int]) -> bool:
    if 0 in codes:
        return True
    if not codes:
        return False
    control = sum(1 for code in codes if code in _CONTROL)
    return control / len(codes) > _CONTROL_SHARE
