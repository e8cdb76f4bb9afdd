"""Reports: an article's events keyed by their cross-article entities."""

from khronika.link.reports import reports
from khronika.model import Article, ArticleAnalysis, Entity, Event, Provenance

TEXT = "Men of the FSB, Russia's Federal Security Service, took Halyna Savchuk away."


def analysis() -> ArticleAnalysis:
    prov = Provenance("wire.txt", "0" * 64, 0, "a_1", 0, len(TEXT))
    article = Article("a_1", prov, 0, TEXT, None, None, None, None, "en", None)
    entities = (
        Entity("e_fsb", prov, "Federal Security Service", "ORG", ("FSB",)),
        Entity("e_savchuk", prov, "Halyna Savchuk", "PERSON"),
    )
    event = Event(
        "v_1", prov, "ASSAULT", TEXT, mode=("abduct",),
        actors=("FSB", "Russia"), recipients=("Halyna Savchuk",),
    )  # fmt: skip
    return ArticleAnalysis(article, entities, events=(event,))


def test_actors_and_recipients_are_their_cross_article_entities() -> None:
    canonical = {"e_fsb": "c_fsb", "e_savchuk": "c_savchuk"}
    (report,) = reports([analysis()], canonical)
    assert report.recipients == {"c_savchuk"}
    # "FSB" is an alias of the entity; "Russia" names no entity of the article
    assert report.actors == {"c_fsb", "russia"}
    assert report.specific_actors == report.bodies == {"c_fsb"}


def test_a_name_outside_the_cross_article_groups_is_its_normalised_form() -> None:
    (report,) = reports([analysis()], {})
    assert report.recipients == {"halyna savchuk"}
    assert report.bodies == {"federal security service"}
