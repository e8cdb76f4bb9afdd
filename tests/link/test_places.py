from khronika.link.places import Located, relation
from khronika.model import Place, Provenance

PROV = Provenance("x.txt", "0" * 64, 0, "a_1", 0, 1)


def place(
    name: str, gid: int | None, lat: float, lon: float, country: str, precision: str
) -> Place:
    return Place(f"p_{name}", PROV, name, gid, lat, lon, country, None, precision)  # type: ignore[arg-type]


TBILISI = Located(place("Tbilisi", 611717, 41.69, 44.83, "GE", "city"), 1_049_498)
VAKE = Located(place("Vake", 9_000_001, 41.71, 44.77, "GE", "city"), 20_000)
IRPIN = Located(place("Irpin", 707565, 50.52, 30.25, "UA", "city"), 65_167)
BUCHA = Located(place("Bucha", 711350, 50.55, 30.21, "UA", "city"), 42_279)
KYIV = Located(place("Kyiv", 703448, 50.45, 30.52, "UA", "city"), 2_952_301)
KYIV_REGION = Located(place("Kyiv region", None, 50.4, 30.4, "UA", "region"))
UKRAINE = Located(place("Ukraine", 690791, 49.0, 31.0, "UA", "country"), 40_000_000)
CAFE = Located(place("café in the centre", None, 50.45, 30.52, "UA", "city"))


def test_a_district_lies_inside_its_city() -> None:
    assert relation(VAKE, TBILISI) == "inside"
    assert relation(TBILISI, VAKE) == "contains"


KHARKIV = Located(place("Kharkiv", 706483, 49.98177, 36.25475, "UA", "city"), 1_421_125)
SALTIVKA = Located(place("Saltivka", 6722148, 50.02207, 36.34901, "UA", "city"), 409_300)
# an invented town of Saltivka's size, 16 km out: a neighbour, not a district
FAR = Located(place("Farside", 9_000_002, 50.12, 36.25, "UA", "city"), 409_300)


def test_a_large_district_near_the_centre_lies_inside_its_city() -> None:
    assert relation(SALTIVKA, KHARKIV) == "inside"
    assert relation(FAR, KHARKIV) == "apart"


def test_neighbouring_towns_of_similar_size_are_apart() -> None:
    assert relation(IRPIN, BUCHA) == "apart"


def test_country_and_named_region_contain_their_towns() -> None:
    assert relation(UKRAINE, IRPIN) == "contains"
    assert relation(KYIV, KYIV_REGION) == "inside"
    assert relation(IRPIN, KYIV_REGION) == "unknown"  # no admin-1 shapes: undecided


def test_a_described_place_lies_in_the_town_it_was_attached_to() -> None:
    assert relation(CAFE, KYIV) == "inside"
    assert relation(CAFE, CAFE) == "same"


def test_a_described_place_is_undecided_against_a_district_at_the_centre() -> None:
    # "her hotel in the Pechersk district" (attached to Kyiv, at Kyiv's point)
    # against a district of Kyiv 70 m from that point: neither inside nor apart
    centre = Located(place("Khreshchatyk", 9_000_003, 50.4506, 30.5206, "UA", "city"), 16_000)
    assert relation(CAFE, centre) == "unknown"


def test_different_countries_are_apart() -> None:
    assert relation(TBILISI, KYIV) == "apart"
