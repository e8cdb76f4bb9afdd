"""Word lists that tell where a place name is, and what kind of phrase holds it.

Small closed classes, kept in code beside the rules that read them; the
open-ended lists (regions, historical names, place names that are common
words) are data files read by :mod:`khronika.extract.gazetteer_tables`.
"""

from __future__ import annotations

from khronika.extract.gazetteer_tables import REGION_WORDS

#: Prepositions after which a capitalised gazetteer name is a place ("in Bucha").
PLACE_PREPOSITIONS = frozenset(
    (
        *("in", "near", "from", "to", "outside", "at", "into", "across", "around"),
        *("towards", "toward", "via", "inside", "through", "within", "throughout"),
        *("nearby", "beyond", "between", "out", "reached", "visited"),
    )
)

#: Prepositions that also head people and organisations ("the poisoning of
#: Navalny", "sanctions on Moscow"): only a large place counts after them.
WEAK_PREPOSITIONS = frozenset(("of", "on", "over", "for", "against", "by"))

#: Nouns after which "of" introduces a place ("the town of Bucha", "residents
#: of Irpin", "north-west of Kyiv").
OF_PLACE_NOUNS = frozenset(
    (
        *("town", "city", "village", "region", "province", "district", "suburb", "suburbs"),
        *("outskirts", "port", "capital", "centre", "center", "streets", "residents"),
        *("mayor", "governor", "north", "south", "east", "west", "edge", "heart"),
    )
)

#: Modifiers that may stand between the preposition and the name
#: ("in central London", "in the occupied Kherson region").
PLACE_MODIFIERS = frozenset(
    (
        *("the", "a", "central", "northern", "southern", "eastern", "western", "downtown"),
        *("north", "south", "east", "west", "occupied", "rural", "suburban", "nearby"),
        *("neighbouring", "neighboring", "besieged", "frontline", "liberated", "annexed"),
        *("greater", "native", "city", "town", "village"),
    )
)

#: Words after a name that make it a part of a city ("the Saltivka district").
DISTRICT_WORDS = frozenset(
    ("district", "quarter", "neighbourhood", "neighborhood", "suburb", "borough", "area")
)

#: Words after a name that make it a region ("the Perm region").
REGION_NOUNS = frozenset(REGION_WORDS)

#: Head nouns of named facilities and landmarks ("London Bridge", "Zoo
#: station", "Lefortovo prison"). Hospitals, ministries and agencies are left
#: out: they act as organisations far more often than they are places.
FACILITY_HEADS = frozenset(
    (
        *("bridge", "station", "prison", "jail", "gaol", "wall", "square", "street"),
        *("avenue", "road", "boulevard", "airport", "airfield", "embassy", "consulate"),
        *("cathedral", "church", "mosque", "synagogue", "monastery", "palace", "castle"),
        *("bunker", "barracks", "stadium", "park", "harbour", "harbor"),
        *("port", "base", "camp", "colony", "checkpoint", "crossing", "dam", "plant"),
    )
)

#: Small words allowed inside a multi-word place name ("Rostov-on-Don",
#: "Bosnia and Herzegovina", "Isle of Man").
NAME_JOINERS = frozenset(
    ("-", "on", "upon", "de", "del", "la", "le", "am", "an", "der", "sur", "of", "and")
)

#: Words that are never a place on their own, whatever the model says.
NOT_PLACES = frozenset(
    (
        *("west", "east", "north", "south", "western", "eastern", "northern", "southern"),
        *("the west", "the east", "kremlin", "motherland", "homeland"),
    )
)

#: spaCy entity labels whose tokens are never part of a place name.
BLOCKING_LABELS = frozenset(
    (
        *("PERSON", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"),
        *("CARDINAL", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT", "WEAPON", "SUBSTANCE"),
    )
)

#: Possessive endings as the tokenizer splits them.
POSSESSIVES = frozenset(("’s", "'s", "’", "'"))

#: Head nouns of described places ("a bus stop in central London", "the
#: presidential bunker", "a café in the Innere Stadt").
PHRASE_NOUNS = frozenset(
    (
        *("stop", "bunker", "room", "cafe", "café", "hotel", "restaurant", "bar", "hospital"),
        *("clinic", "prison", "jail", "cell", "camp", "colony", "flat", "apartment", "house"),
        *("basement", "building", "block", "checkpoint", "station", "embassy", "consulate"),
        *("street", "square", "park", "market", "bridge", "airport", "port", "base"),
        *("barracks", "kindergarten", "school", "church", "mosque", "village", "forest"),
        *("courtyard", "garage", "kiosk", "shop", "headquarters", "compound", "residence"),
        *("dacha", "villa", "crossing", "motorway", "highway", "road", "playground"),
    )
)

#: Prepositions that put a described place where something happened.
PHRASE_PREPOSITIONS = frozenset(
    ("in", "at", "near", "outside", "inside", "from", "into", "on", "beside", "behind", "under")
)

#: Prepositions that join a described place to the named place it is in.
PHRASE_LINKS = frozenset(("in", "at", "near", "outside", "on", "of"))
