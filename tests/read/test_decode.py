"""Tests for decoding bytes into the text as read."""

from __future__ import annotations

import pytest

from khronika.read.decode import bom_codec, decode_sample, decode_text

FRENCH = "Café crème brûlée à Paris, été 1978. Le garçon a déjà mangé.\n"
GERMAN = "Die Polizei sucht Zeugen für die Entführung eines Journalisten in Wien.\n"
POLISH = "Policja prowadzi śledztwo w sprawie zaginięcia dziennikarza w Łodzi.\n"
RUSSIAN = "Президент заявил во вторник, что правительство рассмотрит новый закон.\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Ünïcödé\r\nlines\n".encode(), "Ünïcödé\r\nlines\n", "utf-8"),
        ("\ufeffwith mark".encode(), "with mark", "utf-8-sig"),
        ("UTF-16 é\n".encode("utf-16"), "UTF-16 é\n", "utf-16"),
        (b"\xfe\xff" + "UTF-16 BE".encode("utf-16-be"), "UTF-16 BE", "utf-16"),
        ("UTF-32 é".encode("utf-32"), "UTF-32 é", "utf-32"),
    ],
)
def test_marks_and_utf8_are_decoded_exactly(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data) == (text, encoding)


@pytest.mark.parametrize(
    ("text", "codec"),
    [(FRENCH, "cp1252"), (GERMAN, "cp1252"), (POLISH, "cp1250"), (RUSSIAN, "cp1251")],
)
def test_legacy_code_pages_are_detected(text: str, codec: str) -> None:
    decoded = decode_text(text.encode(codec))
    assert decoded is not None
    assert decoded[0] == text


def test_a_declared_charset_is_tried_after_utf8() -> None:
    assert decode_text(FRENCH.encode("cp1252"), declared="iso-8859-1") == (FRENCH, "cp1252")
    assert decode_text(FRENCH.encode(), declared="iso-8859-1") == (FRENCH, "utf-8")


def test_bogus_or_wide_declared_charsets_are_ignored() -> None:
    data = GERMAN.encode("cp1252")
    for declared in ("no-such-charset", "utf-16"):
        decoded = decode_text(data, declared=declared)
        assert decoded is not None
        assert decoded[0] == GERMAN


def test_undetectable_bytes_give_none() -> None:
    assert decode_text(bytes(range(128, 256)) * 3) is None


def test_a_sample_cut_inside_a_character_still_counts_as_utf8() -> None:
    data = "é".encode() * 10
    assert decode_sample(data[:-1], complete=False) == ("é" * 9, "utf-8")


def test_bom_codec() -> None:
    assert bom_codec(b"\xff\xfe\x00\x00") == "utf-32"
    assert bom_codec(b"\xef\xbb\xbfx") == "utf-8-sig"
