"""TempEval-3 (TimeML ``.tml``): time expression extents and values.

Reading: each ``.tml`` file is one document. Its creation time is the
``TIMEX3`` inside ``<DCT>`` (``functionInDocument="CREATION_TIME"``); the
text analysed is the content of ``<TEXT>`` with every inline tag (``EVENT``,
``SIGNAL``, ``TIMEX3``) stripped, and gold is each ``TIMEX3`` inside
``<TEXT>`` with its character offsets in that stripped text, its ``value``
and its ``type``. Given the benchmark directory, the development data
``train_TBAQ-cleaned`` (TimeBank and AQUAINT together) is read; a folder
below it or a single ``.tml`` file also works. Documents are taken in the
sorted order of their paths relative to the folder read.

Predicting: :func:`khronika.pipeline.analyse_text` on the stripped text with
``split=False`` and the DCT's date (``YYYY-MM-DD`` prefix of its value) as
the publication date.

Scoring: :func:`khronika.evaluate.sections.score_time_spans`, micro-averaged
over documents: relaxed extent match (any overlap), one-to-one; value
accuracy over matched expressions; value F1 counts a prediction right when
its extent matched and its value equals the gold value (TempEval-3's
attribute F1). Every TempEval-3 expression is mandatory (none is optional).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.align import Span
from khronika.evaluate.bench._common import Report, first, locate
from khronika.evaluate.gold import GoldTime
from khronika.evaluate.sections import TimeTotals, score_time_spans
from khronika.model import TimeExpression
from khronika.pipeline import analyse_text
from khronika.settings import Settings

FORMAT = "tempeval3"
#: The development data inside the benchmark directory.
DEV_FOLDER = "train_TBAQ-cleaned"

_DATE_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Timex:
    """A gold TIMEX3: ``text == document.text[start:end]``."""

    tid: str
    start: int
    end: int
    text: str
    value: str | None
    type: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """One ``.tml`` file: the DCT value, the stripped ``<TEXT>`` and its TIMEX3s."""

    name: str
    dct: str | None
    text: str
    timexes: tuple[Timex, ...]


def parse_timeml(data: str | bytes, name: str = "<tml>") -> TimeMLDocument:
    """Read one TimeML document from its XML."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise InputError(f"{name}: not well-formed TimeML: {err}") from err
    body = root.find("TEXT")
    if body is None:
        raise InputError(f"{name}: no <TEXT> element")
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    _strip(body, parts, found, 0)
    text = "".join(parts)
    timexes = tuple(
        Timex(
            tid=element.get("tid", ""),
            start=start,
            end=end,
            text=text[start:end],
            value=element.get("value"),
            type=element.get("type"),
        )
        for start, end, element in sorted(found, key=lambda f: (f[0], f[1]))
    )
    return TimeMLDocument(name=name, dct=_dct(root), text=text, timexes=timexes)


def _strip(
    element: ET.Element, parts: list[str], found: list[tuple[int, int, ET.Element]], at: int
) -> int:
    """Append the text inside ``element`` (not its tail) to ``parts``; return the new length.

    Every TIMEX3 met is added to ``found`` with its offsets in the joined text.
    """
    start = at
    if element.text:
        parts.append(element.text)
        at += len(element.text)
    for child in element:
        at = _strip(child, parts, found, at)
        if child.tail:
            parts.append(child.tail)
            at += len(child.tail)
    if element.tag == "TIMEX3":
        found.append((start, at, element))
    return at


def _dct(root: ET.Element) -> str | None:
    """The value of the creation-time TIMEX3 (in ``<DCT>``, else anywhere)."""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return timex.get("value")
    dct = root.find("DCT/TIMEX3")
    return None if dct is None else dct.get("value")


def read_timeml(path: Path, name: str | None = None) -> TimeMLDocument:
    """Read one ``.tml`` file."""
    return parse_timeml(path.read_bytes(), name or path.name)


def document_paths(path: Path) -> list[tuple[str, Path]]:
    """``(name, file)`` of every ``.tml`` file to read, sorted by name.

    ``path`` is the benchmark directory (its ``train_TBAQ-cleaned`` is
    read), any folder of ``.tml`` files (searched recursively), or one file.
    """
    root = locate(path, DEV_FOLDER)
    if root.is_file():
        return [(root.name, root)]
    found = [(p.relative_to(root).as_posix(), p) for p in root.rglob("*.tml") if p.is_file()]
    if not found:
        raise InputError(f"{path}: no TimeML (.tml) files found")
    return sorted(found)


def published(dct: str | None) -> str | None:
    """The ISO date prefix of a DCT value (``"1998-08-07T06:18"`` → ``"1998-08-07"``).

    >>> published("1998-08-07T06:18"), published("1998-08"), published("PRESENT_REF")
    ('1998-08-07', '1998-08', None)
    """
    match = _DATE_PREFIX.match(dct or "")
    return match.group(0) if match else None


def predict(document: TimeMLDocument, settings: Settings) -> list[TimeExpression]:
    """The time expressions the pipeline finds in one document (offsets into its text)."""
    analyses = analyse_text(
        document.text,
        published=published(document.dct),
        settings=settings,
        name=document.name,
        split=False,
    )
    return [time for analysis in analyses for time in analysis.times]


def score(
    gold: Sequence[TimeMLDocument], predicted: Sequence[Sequence[TimeExpression]]
) -> dict[str, float | None]:
    """The ``times`` section: extent P/R/F1, value accuracy and value F1.

    ``predicted[i]`` are the predictions for ``gold[i]``, with offsets into
    its text (document number 0, as :func:`analyse_text` gives them).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} predictions")
    totals = TimeTotals()
    for document, times in zip(gold, predicted, strict=True):
        spans = [
            (Span(0, t.start, t.end), GoldTime(t.text, t.value, optional=False))
            for t in document.timexes
        ]
        score_time_spans(spans, times, totals)
    return totals.report()


def evaluate(path: Path, settings: Settings, limit: int | None) -> Report:
    """Read, predict and score; ``limit`` keeps the first documents in sorted order."""
    documents = [read_timeml(file, name) for name, file in first(document_paths(path), limit)]
    predictions = [predict(document, settings) for document in documents]
    return {
        "format": FORMAT,
        "documents": len(documents),
        "times": score(documents, predictions),
    }
