import pytest

from khronika.link.translit import skeleton


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Khokhlov", "Chochlow"),
        ("Dobrokhotov", "Dobrochotow"),
        ("Gennady", "Gennadij"),
        ("Gennadiy", "Gennadi"),
        ("Yelena", "Jelena"),
        ("Tchaikovsky", "Tschaikowski"),
        ("Smirnoff", "Smirnov"),
        ("Šuvalov", "Shuvalov"),
    ],
)
def test_romanisations_of_one_name_share_a_key(left: str, right: str) -> None:
    assert skeleton(left) == skeleton(right)


@pytest.mark.parametrize(("left", "right"), [("Ivanov", "Petrov"), ("Markov", "Marlov")])
def test_different_names_keep_different_keys(left: str, right: str) -> None:
    assert skeleton(left) != skeleton(right)
