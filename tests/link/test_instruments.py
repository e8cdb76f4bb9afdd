import pytest

from khronika.link.instruments import canonical, compare


def test_names_are_brought_to_the_lexicon_form() -> None:
    assert canonical("guided aerial bomb") == "glide bomb"
    assert canonical("Iskander-M") == "iskander"


@pytest.mark.parametrize(
    ("left", "right", "verdict"),
    [
        (("nerve agent",), ("thallium",), "contradicts"),
        (("guided aerial bomb",), ("Iskander-M",), "contradicts"),
        (("poisoned dart",), ("ricin pellet",), "contradicts"),
        (("Novichok",), ("nerve agent",), "refines"),
        (("missile",), ("Kalibr missile",), "refined"),
        (("Novichok",), ("novichok nerve agent",), "same"),
        (("rifle",), ("nerve agent",), "unknown"),  # a gun and a poison may both be used
        (("kitchen knife",), ("rifle",), "unknown"),  # not in the table: never a finding
    ],
)
def test_instruments_compare(left: tuple[str, ...], right: tuple[str, ...], verdict: str) -> None:
    assert compare(left, right) == verdict
