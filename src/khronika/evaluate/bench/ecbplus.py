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

Prediction, end to end from the rebuilt text. Every document is analysed
whole by :func:`khronika.pipeline.analyse_text` (``split=False``: no header
or furniture removal, offsets into the rebuilt text; the file reader and
splitter of ``khronika ingest`` find the same scored mentions on the dev
topics) and written to one throw-away store, all topics together (no gold
topics); then the cross-article stage that ends every ``ingest``
(:func:`khronika.link.run.link_store`) links events of different
documents, and :meth:`khronika.store.Store.incidents` groups them.
Predicted mentions are the events' trigger spans (``Event.mentions``; the
evidence span for an event with none), snapped outwards to token boundaries
and kept when their first token lies in a listed sentence. Clusters: the
mentions of one event form one within-document cluster; the events of one
incident are merged across documents. A span claimed by two events stays
with the first.

Scoring. Mention detection by exact token span (``mention_*``), and by any
character overlap (``mention_f1_overlap``: a predicted mention is right when
it overlaps a gold mention, a gold mention found when a prediction overlaps
it). Coreference (MUC, B³, CEAF-e and their mean, CoNLL F1) over the whole
corpus taken as one partition: cross-document gold chains are the
``CROSS_DOC_COREF`` instances, with no gold topics or sub-topics (Cattan et
al. 2021's recommendation), singletons included on both sides, predicted
and gold mentions identified by exact span; predicted mentions with no gold
twin (and gold with no predicted twin) are handled as in the reference
scorer (see :mod:`khronika.evaluate.coref`). ``on_found_mentions`` repeats
the coreference figures over the gold mentions khronika also found only
(both partitions cut to them), so that linking can be judged apart from
mention detection. ``gold`` and ``predicted`` count scored mentions.

Not comparable with published ECB+ figures. Published cross-document
event coreference results (such as the 86.7 CoNLL F1 quoted in issue 7)
are measured on the test topics (36-45) with *gold* mentions, over every
ECB+ action, by systems trained on the train topics. khronika predicts its
own mentions, and only for events in its PLOVER scope (attacks, arrests,
releases, threats, ...): most ECB+ actions (saying, hosting, firing from a
job, nominating) are out of scope, so mention recall, and with it every
end-to-end figure, is low by construction. ``on_found_mentions`` is closer
in spirit to the gold-mention setting but is computed over a small,
favourable subset of mentions and is not comparable either.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.bench._common import Report, first
from khronika.evaluate.coref import CorefTotals, clusters_from_labels, f1_of
from khronika.evaluate.metrics import Counts, ratio
from khronika.link.run import link_store
from khronika.model import Event, SourceFile, make_id
from khronika.pipeline import analyse_text
from khronika.settings import Settings
from khronika.store import Store

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


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the pipeline and the cross-article stage made of the documents.

    ``events`` maps document names to their events; ``links`` are pairs of
    event ids that the cross-article stage put in one incident (each
    incident as a chain of consecutive pairs).
    """

    events: dict[str, tuple[Event, ...]]
    links: tuple[tuple[str, str], ...] = ()


def predict(documents: Sequence[EcbDocument], settings: Settings) -> Prediction:
    """Analyse every document, store them together and run the cross-article stage.

    Each rebuilt text is analysed whole (``split=False``) and written to a
    throw-away store the way ``khronika ingest`` writes a file; then
    :func:`khronika.link.run.link_store`, the stage ``ingest`` ends with,
    links events across the documents, and :meth:`Store.incidents` groups
    them. All documents share one store: no gold topics.
    """
    events: dict[str, tuple[Event, ...]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="khronika-ecbplus-") as tmp,
        Store.open(Path(tmp) / "ecbplus.db") as store,
    ):
        for document in documents:
            analyses = analyse_text(
                document.text, split=False, settings=settings, name=document.name
            )
            with store.source_transaction(_source(document), document.name) as writer:
                writer.add_document(analyses)
            events[document.name] = tuple(e for a in analyses for e in a.events)
        link_store(store)
        links = tuple(pair for incident in store.incidents() for pair in pairwise(incident.events))
    return Prediction(events, links)


def _source(document: EcbDocument) -> SourceFile:
    """The source record :func:`analyse_text` gives a text (same hash, same id)."""
    data = document.text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    return SourceFile(make_id("s", sha), document.name, sha, len(data), "txt", "utf-8")


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
) -> Report:
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
    found = gold_labels.keys() & response.keys()
    on_found = CorefTotals()
    on_found.add(
        clusters_from_labels({k: v for k, v in gold_labels.items() if k in found}),
        clusters_from_labels({k: v for k, v in response.items() if k in found}),
    )
    return {
        "gold": len(gold_labels),
        "predicted": len(response),
        "mention_precision": detection.precision,
        "mention_recall": detection.recall,
        "mention_f1": detection.f1,
        "mention_f1_overlap": _overlap_figures(gold_spans, predicted_spans),
        **totals.report(),
        "on_found_mentions": {"gold": len(found), **on_found.report()},
    }


def evaluate(path: Path, settings: Settings, limit: int | None) -> Report:
    """Score the pipeline on ECB+ (the dev topics unless ``path`` names other files)."""
    documents = load_ecbplus(path, limit=limit)
    prediction = predict(documents, settings)
    return {
        "format": "ecbplus",
        "documents": len(documents),
        "coref": score(documents, prediction.events, prediction.links),
    }
