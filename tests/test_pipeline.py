from __future__ import annotations

from khronika.pipeline import analyse_text

TEXT = (
    "Blogger detained in Minsk\n\n"
    "9 October 2022 By Maria Ionescu\n\n"
    "Police detained a blogger in Minsk on Friday after a raid on his flat.\n"
)


def test_analysis_is_deterministic() -> None:
    first, second = analyse_text(TEXT), analyse_text(TEXT)
    assert first == second
    [analysis] = first
    assert analysis.article.title == "Blogger detained in Minsk"
    assert analysis.article.published == "2022-10-09"


def test_publication_date_given_by_the_caller_fills_a_gap() -> None:
    [analysis] = analyse_text(
        "Police detained a blogger in Minsk on Friday.", published="2022-10-09"
    )
    assert analysis.article.published == "2022-10-09"
