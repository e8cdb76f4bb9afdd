"""Tests for guessing legacy code pages, short texts included."""

from __future__ import annotations

import pytest

from khronika.read.detect import ascii_compatible, detect_codecs

SAMPLES = [
    ("Café crème brûlée à Paris, été 1978. Le garçon a déjà mangé.\n", "cp1252"),
    ("Die Polizei sucht Zeugen für die Entführung eines Journalisten.\n", "cp1252"),
    ("El niño comió en la señora\n", "cp1252"),
    ("The café said the “crème brûlée” sold out by noon — a record.\n", "cp1252"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Policie vyšetřuje únos v Brně.\n", "cp1250"),
    ("Президент заявил во вторник, что правительство рассмотрит новый закон.\n", "cp1251"),
    ("Ο πρωθυπουργός δήλωσε την Τρίτη ότι η κυβέρνηση θα εξετάσει τον νόμο.\n", "cp1253"),
    # Turkish needs enough text for its letters to outweigh the preference for
    # Western pages: shorter sentences can decode as cp1252 ("salý" for "salı").
    (
        "Cumhurbaşkanı salı günü yaptığı açıklamada hükümetin yeni yasayı"
        " inceleyeceğini söyledi.\n",
        "cp1254",
    ),
    ("東京で火曜日、首相は新しい法律について記者会見を行った。\n", "shift_jis"),
]


@pytest.mark.parametrize(("text", "codec"), SAMPLES)
def test_the_first_guess_decodes_the_text(text: str, codec: str) -> None:
    guesses = detect_codecs(text.encode(codec))
    assert guesses
    assert text.encode(codec).decode(guesses[0]) == text


def test_only_ascii_compatible_codecs_are_offered() -> None:
    guesses = detect_codecs("Ein Bericht über München.".encode("cp1252"))
    assert all(ascii_compatible(name) for name in guesses)
    assert not ascii_compatible("utf-16")


def test_nothing_for_noise() -> None:
    assert detect_codecs(bytes(range(128, 256)) * 3) == []
