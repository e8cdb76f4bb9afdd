"""Closed word lists the quotation extractor reads (small, so kept in code).

The open-ended list, the speech-cue verbs, is data in
``data/lexicons/speech_cues.txt``; these are the short, closed lists that
decide what a subject or a preceding word is.
"""

from __future__ import annotations

#: Third-person singular pronouns that can stand for a named person.
PERSON_PRONOUNS = frozenset({"he", "she"})

#: Nouns that, after "the", describe a person ("the colonel told me", "said
#: the former head of ...", "the ex-KGB official"). A description whose head
#: is not here ("the ministry said") is not resolved to a person.
PERSON_NOUNS = frozenset(
    {
        *("man", "woman", "boy", "girl", "person", "veteran", "pensioner", "resident"),
        *("general", "colonel", "major", "captain", "lieutenant", "sergeant", "admiral"),
        *("commander", "officer", "official", "agent", "spy", "spymaster", "operative"),
        *("head", "chief", "director", "deputy", "boss", "leader", "founder", "chairman"),
        *("president", "minister", "premier", "ambassador", "diplomat", "envoy", "consul"),
        *("spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "prosecutor"),
        *("judge", "investigator", "detective", "inspector", "doctor", "surgeon", "nurse"),
        *("journalist", "reporter", "editor", "writer", "author", "historian", "scientist"),
        *("expert", "analyst", "professor", "researcher", "activist", "campaigner"),
        *("defector", "dissident", "exile", "émigré", "emigre", "refugee", "survivor"),
        *("victim", "witness", "volunteer", "soldier", "guard", "pilot", "driver"),
        *("mother", "father", "wife", "husband", "son", "daughter", "brother", "sister"),
        *("widow", "widower", "friend", "colleague", "neighbour", "neighbor", "priest"),
        *("mayor", "governor", "senator", "politician", "lawmaker", "deputy", "mp"),
        *("translator", "interpreter", "teacher", "student", "banker", "businessman"),
        *("businesswoman", "candidate", "nominee", "congressman", "congresswoman"),
        *("secretary", "chancellor", "commissioner", "ombudsman", "representative"),
    }
)

#: Nouns whose possessor is the speaker of a quotation they govern ("Trump’s
#: claim that there were “thousands of shootings”", "his warning that “…”").
SPEECH_NOUNS = frozenset(
    {
        *("claim", "claims", "statement", "statements", "words", "remark", "remarks"),
        *("comment", "comments", "warning", "warnings", "promise", "pledge", "vow"),
        *("accusation", "accusations", "assertion", "insistence", "admission"),
        *("description", "answer", "reply", "response", "message", "tweet", "question"),
        *("testimony", "account", "recollection", "complaint", "threat", "appeal"),
    }
)

#: Words beside a name, or pronouns after it, that say a person's gender.
MALE_WORDS = frozenset(
    {
        *("he", "him", "his", "himself", "mr", "sir", "lord", "man", "boy", "husband"),
        *("father", "son", "brother", "widower", "grandfather", "uncle", "nephew"),
        *("spokesman", "businessman", "chairman", "king", "prince"),
    }
)
FEMALE_WORDS = frozenset(
    {
        *("she", "her", "hers", "herself", "mrs", "ms", "miss", "dame", "lady", "woman"),
        *("girl", "wife", "mother", "daughter", "sister", "widow", "grandmother", "aunt"),
        *("niece", "spokeswoman", "businesswoman", "chairwoman", "queen", "princess"),
    }
)

#: Abbreviated titles and the person noun each stands for ("Gen." -> general).
TITLE_ABBREVIATIONS: dict[str, str] = {
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "cpt": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "dr": "doctor",
    "prof": "professor",
    "gov": "governor",
    "sen": "senator",
    "pres": "president",
}

#: Words right before a quotation that make it a name or label, not speech
#: ("the so-called “special operation”", "codenamed “Gladio”").
NAMING_WORDS = frozenset(
    {
        *("so-called", "dubbed", "codenamed", "code-named", "nicknamed", "named"),
        *("titled", "entitled", "headlined", "called"),
    }
)

#: Nouns right before a quotation that make it a title ("his book “…”").
TITLE_NOUNS = frozenset(
    {
        *("book", "novel", "memoir", "memoirs", "biography", "film", "movie"),
        *("documentary", "play", "song", "poem", "album", "article", "essay", "column"),
        *("series", "programme", "program", "show", "podcast", "operation", "campaign"),
        *("project", "exercise", "headline", "newspaper", "magazine", "website", "blog"),
        *("report", "study", "paper", "dossier", "channel", "exhibition", "code-name"),
        *("codename",),
    }
)

#: Words a title may leave in lower case ("The Man from the KGB").
TITLE_FUNCTION_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to"),
        *("for", "from", "by", "with", "into", "over", "under", "upon", "as", "vs"),
        *("de", "von", "van", "der", "la", "le", "du"),
    }
)

#: Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        *TITLE_ABBREVIATIONS,
        *("mr", "mrs", "ms", "st", "jr", "sr", "no", "vs", "etc", "rev", "fr", "hon"),
        *("jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
