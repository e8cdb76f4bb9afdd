"""MUC-4 role fillers (GRIT's version of MUC-3/4): who attacked whom, with what.

Reading. GRIT's JSON lines (``grit_role_fillers/dev.json`` by default; any
other split file, such as ``train.json``, may be given): one document per
line, ``{"docid", "doctext", "extracts"}``, where ``extracts`` maps each of
the five roles (``PerpInd``, ``PerpOrg``, ``Target``, ``Victim``,
``Weapon``) to the gold entities filling it in the document, each entity a
list of coreferent ``[mention, offset]`` pairs (the offset is the mention's
first occurrence in the text, not necessarily the annotated one). Documents
are taken in file order; about 45% have no filler at all and are kept, as
in the literature (predictions on them are false positives).

Prediction. :func:`khronika.pipeline.analyse_text` runs on each text
(``split=False``) and every predicted event, whatever its type, gives role
fillers (:func:`role_fillers`). An event's actors, recipients and
instruments are canonical names; their entity type is looked up among the
article's :class:`~khronika.model.Entity` records by name or alias
(:func:`khronika.evaluate.names.normalise_name`), and:

- an actor that is a PERSON, or of unknown type, fills ``PerpInd``; an
  ORG or GPE actor fills ``PerpOrg``; actors of other types fill nothing;
- a recipient that is a PERSON, or of unknown type (a description such as
  "three peasants" that names no entity), fills ``Victim``; a recipient of
  any other type (FACILITY, LOC, ORG, GPE, WEAPON, SUBSTANCE) fills
  ``Target``;
- every instrument fills ``Weapon``.

Fillers are deduplicated per document and role by their normalised form.

Lower-cased text. GRIT's texts are lower-cased (the originals are all upper
case), so the spaCy model sees no capitals and its named-entity recogniser
misses most names ("fmln", "san salvador", "cerezo"). The adapter passes
the text unchanged. A simple truecasing step that keeps offsets (capitalise
sentence starts) was tried on 80 dev documents and found no more gold
fillers among spaCy's entities (19 against 21 of 141); capitalising every
word finds more (45) but floods the text with false names. Without a
truecasing model the figures here are therefore a lower bound on what the
extractors do on ordinary mixed-case news.

Scoring. GRIT's exact-match scorer (Du et al. 2021, "CEAF-REE" with
``phi_strict``): strings are normalised as GRIT's ``normalize_string`` does
(lower case, punctuation removed, the articles a/an/the removed wherever
they stand, whitespace collapsed); per document and role, a predicted
filler matches a gold entity when its normalised form equals the normalised
form of one of the entity's mentions; the one-to-one matching of fillers to
gold entities with the most matches is taken (GRIT's optimal assignment).
Matched fillers are true positives, unmatched fillers false positives,
unmatched gold entities false negatives, summed over documents: micro
precision, recall and F1 overall and by role.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.bench._common import Report, first, locate
from khronika.evaluate.coref import max_weight_assignment
from khronika.evaluate.metrics import Counts
from khronika.evaluate.names import normalise_name
from khronika.model import ArticleAnalysis
from khronika.pipeline import analyse_text
from khronika.settings import Settings

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
DEFAULT_SPLIT = "grit_role_fillers/dev.json"

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = str.maketrans("", "", string.punctuation)

#: Predicted role fillers of one document: role -> filler strings.
Fillers = Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One mention of a gold entity: its text and GRIT's character offset."""

    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class MucDocument:
    """One document: its (lower-cased) text and, per role, its gold entities."""

    docid: str
    text: str
    roles: dict[str, tuple[tuple[GoldMention, ...], ...]]


def normalise_filler(text: str) -> str:
    """A filler as GRIT compares it.

    >>> normalise_filler('The  "Santo Tomas" Farm of an army')
    'santo tomas farm of army'
    """
    lowered = text.lower().translate(_PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", lowered).split())


# --- reading -------------------------------------------------------------------


def _parse_line(line: str, where: str) -> MucDocument:
    try:
        record = json.loads(line)
        docid = str(record["docid"])
        text = record["doctext"]
        extracts = record["extracts"]
        roles = {
            role: tuple(
                tuple(GoldMention(str(m), int(o)) for m, o in entity)
                for entity in extracts.get(role, ())
                if entity
            )
            for role in ROLES
        }
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(f"{where}: not a GRIT role-filler record ({error})") from error
    if not isinstance(text, str):
        raise InputError(f"{where}: doctext is not a string")
    return MucDocument(docid, text, roles)


def read_muc4(path: Path, limit: int | None = None) -> list[MucDocument]:
    """The documents of a GRIT split, in file order, the first ``limit`` of them.

    ``path`` is the benchmark directory (its dev split is read), the
    ``grit_role_fillers`` folder (its ``dev.json``) or a split file.
    """
    split = locate(path, DEFAULT_SPLIT, "dev.json")
    if not split.is_file():
        raise InputError(f"{path}: no GRIT split in it (looked for {DEFAULT_SPLIT})")

    def records() -> Iterable[MucDocument]:
        with split.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield _parse_line(line, f"{split}, line {number}")

    return first(records(), limit)


# --- prediction ----------------------------------------------------------------


def role_fillers(analysis: ArticleAnalysis) -> dict[str, list[str]]:
    """The role fillers an article's events give (the mapping in the module doc)."""
    types: dict[str, str] = {}
    for entity in analysis.entities:
        for form in (entity.name, *entity.aliases):
            types.setdefault(normalise_name(form), entity.type)
    fillers: dict[str, list[str]] = {role: [] for role in ROLES}
    for event in analysis.events:
        for actor in event.actors:
            kind = types.get(normalise_name(actor))
            if kind in (None, "PERSON"):
                fillers["PerpInd"].append(actor)
            elif kind in ("ORG", "GPE"):
                fillers["PerpOrg"].append(actor)
        for recipient in event.recipients:
            kind = types.get(normalise_name(recipient))
            fillers["Victim" if kind in (None, "PERSON") else "Target"].append(recipient)
        fillers["Weapon"].extend(event.instrument)
    return {role: _dedupe(items) for role, items in fillers.items()}


def _dedupe(fillers: Iterable[str]) -> list[str]:
    """Fillers with distinct, non-empty normalised forms, first surface form kept."""
    seen: set[str] = set()
    kept: list[str] = []
    for filler in fillers:
        key = normalise_filler(filler)
        if key and key not in seen:
            seen.add(key)
            kept.append(filler)
    return kept


def predict(
    documents: Sequence[MucDocument], settings: Settings
) -> dict[str, dict[str, list[str]]]:
    """Run the pipeline on each text; docid -> role -> fillers."""
    predictions: dict[str, dict[str, list[str]]] = {}
    for document in documents:
        analyses = analyse_text(document.text, split=False, settings=settings, name=document.docid)
        merged: dict[str, list[str]] = {role: [] for role in ROLES}
        for analysis in analyses:
            for role, items in role_fillers(analysis).items():
                merged[role].extend(items)
        predictions[document.docid] = {role: _dedupe(items) for role, items in merged.items()}
    return predictions


# --- scoring -------------------------------------------------------------------


def match_role(gold: Sequence[Sequence[GoldMention]], fillers: Sequence[str]) -> Counts:
    """TP, FP and FN of one role in one document (optimal one-to-one matching)."""
    entities = [{normalise_filler(m.text) for m in entity} for entity in gold]
    keys = [normalise_filler(f) for f in _dedupe(fillers)]
    weights = [[1.0 if key in entity else 0.0 for entity in entities] for key in keys]
    matched = sum(1 for i, j in max_weight_assignment(weights) if weights[i][j] > 0)
    return Counts(tp=matched, fp=len(keys) - matched, fn=len(entities) - matched)


def score(
    documents: Sequence[MucDocument], predictions: Mapping[str, Fillers]
) -> dict[str, object]:
    """The ``roles`` section; a document missing from ``predictions`` predicted nothing."""
    by_role = {role: Counts() for role in ROLES}
    for document in documents:
        predicted = predictions.get(document.docid, {})
        for role in ROLES:
            by_role[role] += match_role(document.roles[role], predicted.get(role, ()))
    overall = Counts()
    for counts in by_role.values():
        overall += counts
    return {**overall.prf(), "by_role": {role: by_role[role].prf() for role in ROLES}}


def evaluate(path: Path, settings: Settings, limit: int | None) -> Report:
    """Score the pipeline's role fillers on a GRIT split of MUC-4 (dev by default)."""
    documents = read_muc4(path, limit)
    predictions = predict(documents, settings)
    return {"format": "muc4", "documents": len(documents), "roles": score(documents, predictions)}
