"""Quotation marks found character by character (khronika.extract.quote_marks)."""

from __future__ import annotations

import pytest

from khronika.extract.quote_marks import find_marked_spans, paragraphs


def inside(text: str) -> list[tuple[str, bool]]:
    """(quoted text, unclosed) of every span found in ``text``."""
    return [(text[s.start : s.end], s.unclosed) for s in find_marked_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we left at dawn" and sat down.', [("we left at dawn", False)]),
        ("He said “we left at dawn” and sat down.", [("we left at dawn", False)]),
        ("Il a dit «nous sommes partis» hier.", [("nous sommes partis", False)]),
        ("Er sagte »wir gingen früh« und schwieg.", [("wir gingen früh", False)]),
        ("Sie sagte „wir wussten nichts“ und ging.", [("wir wussten nichts", False)]),
        ("She said ‘we left at dawn’ and sat down.", [("we left at dawn", False)]),
        ("She said 'we left at dawn' and sat down.", [("we left at dawn", False)]),
        # a mark glued to the word before it still opens a curly quotation
        ("The clerk told“nobody came” to me.", [("nobody came", False)]),
    ],
)
def test_each_mark_style(text: str, expected: list[tuple[str, bool]]) -> None:
    assert inside(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia’s spies don’t talk about Putin’s past.",
        "Russia's spies don't talk about Putin's past.",
        "The officers’ mess closed in the 1970s’ purge, and the ’90s were worse.",
        "The officers' mess closed in the 1970s' purge, and the '90s were worse.",
        "Rock 'n' roll was banned, said the clerk.",
        'A pipe 12" long and a man 5\'9" tall.',
    ],
)
def test_apostrophes_open_nothing(text: str) -> None:
    assert [t for t, _ in inside(text) if len(t.split()) > 1] == []


def test_apostrophes_inside_a_single_quotation() -> None:
    text = "She recalls: ‘I didn’t trust the 1970s’ men, and Putin’s even less.’ Then she left."
    assert inside(text) == [("I didn’t trust the 1970s’ men, and Putin’s even less.", False)]


def test_nested_marks_stay_inside() -> None:
    text = "“He told me ‘you are next’ and left,” she said."
    assert inside(text) == [("He told me ‘you are next’ and left,", False)]


def test_three_paragraph_quotation_is_one() -> None:
    text = (
        "The guard spoke first.\n\n"
        "“We had no names for them, only numbers.\n\n"
        "“Some of them sang at night.\n\n"
        "“I still hear it,” he said."
    )
    [(quoted, unclosed)] = inside(text)
    assert quoted.startswith("We had no names") and quoted.endswith("I still hear it,")
    assert "“Some of them sang" in quoted and not unclosed


def test_paragraphs_by_single_lines_when_no_blank_line() -> None:
    assert paragraphs("One.\nTwo.\n\n") != [(0, 4)]
    assert paragraphs("One.\nTwo.") == [(0, 4), (5, 9)]
    assert paragraphs("One.\nstill one.\n\nTwo.") == [(0, 15), (17, 21)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # never closed, and the next paragraph does not reopen
        (
            "“We were never told why.\n\nThe archive stayed shut.",
            [("We were never told why.", True)],
        ),
        # opened inside brackets: the bracket closes it
        (
            "[“The unit had no orders. We did it anyway.]\n\n“Next one.”",
            [
                ("The unit had no orders. We did it anyway.", True),
                ("Next one.", False),
            ],
        ),
        # a single mark never closed is an apostrophe, not a quotation
        ("The ‘80s began badly.", []),
    ],
)
def test_unclosed(text: str, expected: list[tuple[str, bool]]) -> None:
    assert inside(text) == expected


def test_stray_single_mark_hides_nothing() -> None:
    text = "The ‘Lubyanka files were gone. Then “we left at dawn,” he said."
    assert inside(text) == [("we left at dawn,", False)]


def test_interrupted_quotation_is_two_spans() -> None:
    text = "“We took him at noon,” the driver said, “and nobody saw.”"
    assert inside(text) == [("We took him at noon,", False), ("and nobody saw.", False)]
