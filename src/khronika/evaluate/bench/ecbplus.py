"""ECB+ (Cybulska & Vossen 2014): event mentions and their cross-document coreference.

Reading. ECB+ ships tokenised XML (``ECB+/<topic>/<topic>_<n>ecb.xml`` and
``..._<n>ecbplus.xml``) with stand-off markables and coreference relations.
Each document's text is rebuilt by joining its tokens with single spaces and
its sentences with ``"\\n"`` (in file order), remembering every token's
character offsets. Only the sentences listed in
``ECBplus_coreference_sentences.csv`` are scored: they are the ones whose
annotation is complete (the release README's advice, followed by every
published ECB+ evaluation). Documents with no listed sentence are skipped
(they would score nothing either way). By default the dev topics of the
Cybulska setup (``splits_cybulska_setup.json``: 2, 5, 12, 18, 21, 23, 34, 35)
are read, in topic order, then ECB before ECB+ documents, then by number;
``limit`` takes the first documents of that order.

Gold. Event mentions are the ``ACTION_*`` and ``NEG_ACTION_*`` markables
with token anchors whose first anchored token lies in a listed sentence;
a mention spans from its first to its last anchored token (a discontinuous
mention is taken whole). Clusters come from the relations: a
``CROSS_DOC_COREF`` relation puts its sources in the cross-document
instance named by its ``note`` (the instance id of its target markable), an
``INTRA_DOC_COREF`` relation makes a chain of its own within the document;
a mention in no relation is a singleton. A mention named by two relations
(once in the dev and train topics) stays in the first.

Prediction. :func:`khronika.pipeline.analyse_text` runs on each rebuilt
text (``split=False``). Each event's mention spans (its ``mentions``, or its
evidence span when it has none) are snapped outwards to token boundaries and
kept when their first token lies in a listed sentence. The mentions of one
event form one cluster; events of different documents are merged when a
cross-document link joins them (``links``, pairs of event ids: none are
predicted until the cross-document stage lands). A span claimed by two
events stays with the first.

Scoring. Mention detection by exact token span (``mention_*``), and by any
character overlap (``mention_f1_overlap``: a predicted mention is right when
it overlaps a gold mention, a gold mention found when a prediction overlaps
it). Coreference over the whole corpus taken as one partition, with no gold
topics (Cattan et al. 2021's recommendation), singletons included,
predicted and gold mentions identified by exact span; predicted mentions
with no gold twin (and gold with no predicted twin) are handled as in the
reference scorer (see :mod:`khronika.evaluate.coref`).
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.bench._common import Report, first
from khronika.evaluate.coref import CorefTotals, clusters_from_labels, f1_of
from khronika.evaluate.metrics import Counts, ratio
from khronika.model import Event
from khronika.pipeline import analyse_text
from khronika.settings import Settings

#: Dev topics of the Cybulska setup, used when the split file is absent.
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
CORPUS_DIR = "ECB+"
SENTENCES_FILE = "ECBplus_coreference_sentences.csv"
SPLITS_FILE = "splits_cybulska_setup.json"
EVENT_TAGS = ("ACTION_", "NEG_ACTION_")

_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)$")

#: A mention as scored: (document name, start, end) in the rebuilt text.
MentionKey = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its id, its sentence and its characters in the rebuilt text."""

    id: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A gold event mention: characters, the markable, its tag and its cluster."""

    start: int
    end: int
    markable: str
    tag: str
    cluster: str


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ document rebuilt as text, with its scored sentences and gold mentions."""

    name: str
    topic: int
    text: str
    tokens: tuple[Token, ...]
    sentences: frozenset[int]
    mentions: tuple[GoldMention, ...]


# --- reading -------------------------------------------------------------------


def document_order(name: str) -> tuple[int, int, int]:
    """Sort key of a document name such as ``"2_11ecbplus"``: topic, ECB first, number."""
    match = _NAME.match(name)
    if match is None:
        raise InputError(f"{name}: not an ECB+ document name (<topic>_<n>ecb[plus])")
    topic, number, kind = match.groups()
    return int(topic), int(kind == "ecbplus"), int(number)


def read_sentence_index(path: Path) -> dict[str, frozenset[int]]:
    """``ECBplus_coreference_sentences.csv``: document name -> listed sentence numbers."""
    index: dict[str, set[int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        for row in rows:
            try:
                topic, file, sentence = row["Topic"], row["File"], int(row["Sentence Number"])
            except (KeyError, TypeError, ValueError) as error:
                raise InputError(
                    f"{path}: bad row {row!r} (want Topic,File,Sentence Number)"
                ) from error
            index.setdefault(f"{topic.strip()}_{file.strip()}", set()).add(sentence)
    return {name: frozenset(s) for name, s in index.items()}


def read_dev_topics(root: Path) -> tuple[int, ...]:
    """The dev topics named by the split file in ``root``, else :data:`DEV_TOPICS`."""
    path = root / SPLITS_FILE
    if not path.is_file():
        return DEV_TOPICS
    try:
        topics = json.loads(path.read_text(encoding="utf-8"))["dev_topics"]
        return tuple(int(t) for t in topics)
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: no list of dev_topics in it") from error


def read_document(path: Path, sentences: frozenset[int]) -> EcbDocument:
    """One ECB+ XML file, gold restricted to mentions in ``sentences``."""
    name = path.name.removesuffix(".xml")
    topic = document_order(name)[0]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise InputError(f"{path}: not well-formed XML ({error})") from error
    try:
        return _read_tree(root, name, topic, sentences)
    except ValueError as error:  # a sentence number or token id that is not a number
        raise InputError(f"{path}: not in the ECB+ format ({error})") from error


def _read_tree(root: ET.Element, name: str, topic: int, sentences: frozenset[int]) -> EcbDocument:
    pieces: list[str] = []
    tokens: list[Token] = []
    offset = 0
    previous: int | None = None
    for element in root.iter("token"):
        sentence = int(element.get("sentence", "0"))
        word = element.text or ""
        if previous is not None:
            pieces.append(" " if sentence == previous else "\n")
            offset += 1
        tokens.append(Token(int(element.get("t_id", "0")), sentence, offset, offset + len(word)))
        pieces.append(word)
        offset += len(word)
        previous = sentence
    by_id = {t.id: t for t in tokens}
    anchored: dict[str, tuple[str, list[Token]]] = {}
    instances: dict[str, str] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        m_id = markable.get("m_id", "")
        anchors = [
            token
            for a in markable.iter("token_anchor")
            if (token := by_id.get(int(a.get("t_id", "0")))) is not None
        ]
        if anchors:
            anchored[m_id] = (markable.tag, sorted(anchors, key=lambda t: t.start))
        elif markable.get("instance_id"):
            instances[m_id] = markable.get("instance_id", "")
    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        target = relation.find("target")
        target_id = target.get("m_id", "") if target is not None else ""
        if relation.tag == "CROSS_DOC_COREF":
            cluster = (
                relation.get("note")
                or instances.get(target_id)
                or f"{name}#r{relation.get('r_id')}"
            )
        elif relation.tag == "INTRA_DOC_COREF":
            cluster = f"{name}#intra{relation.get('r_id')}"
        else:
            continue
        members = [s.get("m_id", "") for s in relation.findall("source")]
        if target_id in anchored:
            members.append(target_id)
        for m_id in members:
            cluster_of.setdefault(m_id, cluster)
    mentions: list[GoldMention] = []
    seen: set[tuple[int, int]] = set()
    for m_id, (tag, anchors) in anchored.items():
        if not tag.startswith(EVENT_TAGS) or anchors[0].sentence not in sentences:
            continue
        span = (anchors[0].start, anchors[-1].end)
        if span in seen:
            continue
        seen.add(span)
        cluster = cluster_of.get(m_id, f"{name}#m{m_id}")
        mentions.append(GoldMention(span[0], span[1], m_id, tag, cluster))
    mentions.sort(key=lambda m: (m.start, m.end))
    return EcbDocument(name, topic, "".join(pieces), tuple(tokens), sentences, tuple(mentions))


def _resolve(path: Path) -> tuple[Path, list[Path] | None, tuple[int, ...] | None]:
    """Benchmark root, explicit files (or None) and topics (or None: the dev split)."""
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_file() and path.suffix == ".xml":
        return path.parent.parent.parent, [path], None
    if path.is_file():  # the split file (or the sentence index) in the benchmark root
        return path.parent, None, None
    if (path / CORPUS_DIR).is_dir():
        return path, None, None
    if path.name == CORPUS_DIR or any(p.is_dir() and p.name.isdigit() for p in path.iterdir()):
        return path.parent, None, None
    if path.name.isdigit():
        return path.parent.parent, None, (int(path.name),)
    raise InputError(f"{path}: not an ECB+ benchmark directory (no {CORPUS_DIR}/ folder in it)")


def load_ecbplus(
    path: Path, *, topics: Sequence[int] | None = None, limit: int | None = None
) -> list[EcbDocument]:
    """The documents to score, in the documented order.

    ``path`` is the benchmark directory (dev topics), its ``ECB+`` folder,
    one topic folder, one document, or the split file. ``topics`` overrides
    the topics read.
    """
    root, files, wanted = _resolve(path)
    index_path = root / SENTENCES_FILE
    if not index_path.is_file():
        raise InputError(f"{index_path}: the list of annotated sentences is missing")
    index = read_sentence_index(index_path)
    if files is None:
        chosen = tuple(topics) if topics is not None else wanted or read_dev_topics(root)
        files = []
        for topic in chosen:
            folder = root / CORPUS_DIR / str(topic)
            if folder.is_dir():
                files.extend(p for p in folder.glob("*.xml") if _NAME.match(p.stem))
    files = sorted(files, key=lambda p: document_order(p.stem))
    listed = (p for p in files if p.stem in index)
    return [read_document(p, index[p.stem]) for p in first(listed, limit)]


# --- prediction ----------------------------------------------------------------


def predict(documents: Sequence[EcbDocument], settings: Settings) -> dict[str, tuple[Event, ...]]:
    """Run the pipeline on each rebuilt text; document name -> its events."""
    predictions: dict[str, tuple[Event, ...]] = {}
    for document in documents:
        analyses = analyse_text(document.text, split=False, settings=settings, name=document.name)
        predictions[document.name] = tuple(e for a in analyses for e in a.events)
    return predictions


def snap(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """Indices of the first and last token that ``start:end`` touches, if any.

    A span is widened outwards to whole tokens; an empty span selects the
    token it falls inside. ``tokens`` must be in text order.
    """
    ends = [t.end for t in tokens]
    first_token = bisect_right(ends, start)  # the first token ending after start
    if start == end:
        inside = first_token < len(tokens) and tokens[first_token].start <= start
        return (first_token, first_token) if inside else None
    last_token = bisect_left([t.start for t in tokens], end) - 1  # the last starting before end
    return (first_token, last_token) if first_token <= last_token else None


def predicted_mentions(document: EcbDocument, events: Sequence[Event]) -> dict[MentionKey, int]:
    """Each scored predicted mention and the index of the event it belongs to.

    Spans are the event's ``mentions`` (else its evidence span) widened to
    whole tokens and kept when they start in a listed sentence; a span that
    two events claim stays with the first.
    """
    tokens = document.tokens
    found: dict[MentionKey, int] = {}
    for number, event in enumerate(events):
        spans = event.mentions or ((event.prov.start, event.prov.end),)
        for start, end in spans:
            snapped = snap(tokens, start, end)
            if snapped is None or tokens[snapped[0]].sentence not in document.sentences:
                continue
            key = (document.name, tokens[snapped[0]].start, tokens[snapped[1]].end)
            found.setdefault(key, number)
    return found


# --- scoring -------------------------------------------------------------------


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(self, node: tuple[str, int]) -> tuple[str, int]:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _overlap_figures(
    gold: Mapping[str, list[tuple[int, int]]], predicted: Mapping[str, list[tuple[int, int]]]
) -> float | None:
    """F1 of mention detection where any shared character counts."""

    def hits(
        spans: Mapping[str, list[tuple[int, int]]], others: Mapping[str, list[tuple[int, int]]]
    ) -> int:
        return sum(
            1
            for name, items in spans.items()
            for s, e in items
            if any(min(e, oe) > max(s, os) for os, oe in others.get(name, ()))
        )

    n_gold = sum(len(v) for v in gold.values())
    n_predicted = sum(len(v) for v in predicted.values())
    precision = ratio(hits(predicted, gold), n_predicted)
    recall = ratio(hits(gold, predicted), n_gold)
    return f1_of(precision, recall)


def score(
    documents: Sequence[EcbDocument],
    predictions: Mapping[str, Sequence[Event]],
    links: Iterable[tuple[str, str]] = (),
) -> dict[str, float | None]:
    """The ``coref`` section: mention detection and MUC, B³, CEAF-e, CoNLL F1.

    ``predictions`` maps document names to their events (a missing document
    predicted nothing); ``links`` are predicted cross-document pairs of event
    ids whose events are the same.
    """
    gold_labels: dict[MentionKey, str] = {}
    predicted_labels: dict[MentionKey, tuple[str, int]] = {}
    gold_spans: dict[str, list[tuple[int, int]]] = {}
    predicted_spans: dict[str, list[tuple[int, int]]] = {}
    union = _Union()
    nodes_of_id: dict[str, list[tuple[str, int]]] = {}
    for document in documents:
        for mention in document.mentions:
            gold_labels[(document.name, mention.start, mention.end)] = mention.cluster
        gold_spans[document.name] = [(m.start, m.end) for m in document.mentions]
        events = predictions.get(document.name, ())
        for number, event in enumerate(events):
            nodes_of_id.setdefault(event.id, []).append((document.name, number))
        mentions = predicted_mentions(document, events)
        predicted_spans[document.name] = [(s, e) for _, s, e in mentions]
        for key, number in mentions.items():
            predicted_labels[key] = (document.name, number)
    for left, right in links:
        for a in nodes_of_id.get(left, ()):
            for b in nodes_of_id.get(right, ()):
                union.join(a, b)
    response = {key: union.find(node) for key, node in predicted_labels.items()}
    detection = Counts(
        tp=len(gold_labels.keys() & response.keys()),
        fp=len(response.keys() - gold_labels.keys()),
        fn=len(gold_labels.keys() - response.keys()),
    )
    totals = CorefTotals()
    totals.add(clusters_from_labels(gold_labels), clusters_from_labels(response))
    return {
        "mention_precision": detection.precision,
        "mention_recall": detection.recall,
        "mention_f1": detection.f1,
        "mention_f1_overlap": _overlap_figures(gold_spans, predicted_spans),
        **totals.report(),
    }


def evaluate(path: Path, settings: Settings, limit: int | None) -> Report:
    """Score the pipeline on ECB+ (the dev topics unless ``path`` names other files)."""
    documents = load_ecbplus(path, limit=limit)
    predictions = predict(documents, settings)
    return {
        "format": "ecbplus",
        "documents": len(documents),
        "coref": score(documents, predictions),
    }
