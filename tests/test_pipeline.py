from __future__ import annotations

import inspect

from khronika import pipeline
from khronika.pipeline import STAGES, analyse_text

TEXT = (
    "Blogger detained in Minsk\n\n"
    "9 October 2022 By Maria Ionescu\n\n"
    "Police detained a blogger in Minsk on Friday after a raid on his flat.\n"
)


def test_the_stage_list_names_the_functions_in_order() -> None:
    source = inspect.getsource(pipeline.analyse_source) + inspect.getsource(
        pipeline.analyse_document
    )
    positions = [source.find(f) for f in ("read_source", "split_document", "analyse_article")]
    assert -1 not in positions and positions == sorted(positions)
    assert STAGES == ("read", "split", "analyse")


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
