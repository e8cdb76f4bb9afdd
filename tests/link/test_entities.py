from khronika.link.entities import entity_links
from khronika.link.groups import components
from khronika.model import Entity, Provenance


def entity(eid: str, article: str, name: str, kind: str = "PERSON", *aliases: str) -> Entity:
    prov = Provenance("x.txt", "0" * 64, 0, article, 0, 1)
    return Entity(eid, prov, name, kind, aliases)  # type: ignore[arg-type]


def groups(entities: list[Entity]) -> list[list[str]]:
    links = entity_links(entities)
    found = components((e.id for e in entities), ((x.left, x.right) for x in links))
    return sorted(found)


def test_transliterated_names_merge_with_the_evidence_kept() -> None:
    people = [
        entity("e_1", "a_1", "Nikolai Khokhlov"),
        entity("e_2", "a_2", "Nikolai Chochlow"),
        entity("e_3", "a_3", "Gen. Nikolai Khokhlov"),
    ]
    links = entity_links(people)
    assert groups(people) == [["e_1", "e_2", "e_3"]]
    assert any("transliteration" in (x.reason or "") for x in links)


def test_different_first_names_stay_apart() -> None:
    people = [entity("e_1", "a_1", "Nikolai Khokhlov"), entity("e_2", "a_2", "Yevgeny Khokhlov")]
    assert groups(people) == [["e_1"], ["e_2"]]


def test_a_bare_surname_joins_only_a_unique_full_name() -> None:
    one = [entity("e_1", "a_1", "Nikolai Khokhlov"), entity("e_2", "a_2", "Khokhlov")]
    assert groups(one) == [["e_1", "e_2"]]
    two = [*one, entity("e_3", "a_3", "Yevgeny Khokhlov")]
    assert groups(two) == [["e_1"], ["e_2"], ["e_3"]]


def test_people_of_one_article_are_never_merged_here() -> None:
    people = [entity("e_1", "a_1", "Anna Petrova"), entity("e_2", "a_1", "Anna Petrova")]
    assert entity_links(people) == []


def test_organisations_merge_by_name_or_alias_but_not_generic_names() -> None:
    orgs = [
        entity("e_1", "a_1", "KGB", "ORG"),
        entity("e_2", "a_2", "Committee for State Security", "ORG", "KGB"),
        entity("e_3", "a_1", "Security Service", "ORG"),
        entity("e_4", "a_2", "Security Service", "ORG"),
        entity("e_5", "a_3", "Moscow", "GPE"),
        entity("e_6", "a_4", "Moscow", "LOC"),
    ]
    assert groups(orgs) == [["e_1", "e_2"], ["e_3"], ["e_4"], ["e_5", "e_6"]]
