"""Tests for hashing files and telling text from binary."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from khronika.read.probe import BINARY, EMPTY, HEAD_BYTES, scan_bytes, scan_file, text_problem


def test_scan_file_hashes_in_chunks_and_keeps_the_head(tmp_path: Path) -> None:
    data = random.Random(1).randbytes(3 * 1024 * 1024 + 17)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    scan = scan_file(path)
    assert scan.sha256 == hashlib.sha256(data).hexdigest()
    assert scan.size == len(data)
    assert scan.head == data[:HEAD_BYTES]
    assert not scan.complete
    assert scan_bytes(data) == scan


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(2).randbytes(2000)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", EMPTY),
        (b"  \n\t\r\n ", EMPTY),
        (b"\xef\xbb\xbf \n", EMPTY),
        (" \n".encode("utf-16"), EMPTY),
        (PNG, BINARY),
        (bytes(range(1, 9)) * 100, BINARY),
        (b"text\x00with a NUL", BINARY),
        (b"plain text\n", None),
        ("UTF-16 text\n".encode("utf-16"), None),
        ("UTF-32 text\n".encode("utf-32"), None),
        (b"\x1b[1mbold terminal text\x1b[0m\n\x0c", None),
    ],
)
def test_text_problem(data: bytes, problem: str | None) -> None:
    assert text_problem(scan_bytes(data)) == problem
