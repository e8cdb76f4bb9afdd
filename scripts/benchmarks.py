"""Regenerate docs/benchmarks.md: current scores on every development set.

    python scripts/benchmarks.py [--shared ../shared] [--limit N]

Runs ``khronika eval`` on the development gold and on the development split
of each public benchmark, times each run, and writes the table beside the
published figures below. Takes several minutes (the full development splits).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from khronika import __version__, sample_corpus, sample_gold
from khronika.evaluate import evaluate
from khronika.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

#: (name, format, gold path relative to shared/ or None for the sample, corpus,
#:  [(figure label, key path in the report)], published reference)
RUNS: list[tuple[str, str, str | None, str | None, list[tuple[str, str]], str]] = [
    (
        "khronika sample corpus",
        "native",
        None,
        None,
        [
            ("articles split", "articles.split_accuracy"),
            ("entities F1", "entities.f1"),
            ("quotes F1", "quotes.f1"),
            ("times value F1", "times.value_f1"),
            ("events F1", "events.f1"),
            ("duplicates F1", "links.duplicates.f1"),
        ],
        "project's own gold; no published figure",
    ),
    (
        "development corpus (shared/corpus)",
        "native",
        "corpus/gold",
        "corpus/articles",
        [
            ("articles split", "articles.split_accuracy"),
            ("entities F1", "entities.f1"),
            ("quotes F1", "quotes.f1"),
            ("speaker accuracy", "quotes.speaker_accuracy"),
            ("times value accuracy", "times.value_accuracy"),
            ("events F1", "events.f1"),
        ],
        "issue targets: quotes F1 ≥ 0.95, entities F1 ≥ 0.90, times value accuracy ≥ 0.90, "
        "events F1 ≥ 0.80",
    ),
    (
        "TempEval-3 (TimeBank + AQUAINT)",
        "tempeval3",
        "benchmarks/tempeval3",
        None,
        [
            ("relaxed extent F1", "times.extent_f1"),
            ("value F1", "times.value_f1"),
            ("value accuracy", "times.value_accuracy"),
        ],
        "HeidelTime on the TE3 platinum test: value F1 77.61 (quoted in issue 5); "
        "issue 5 targets value F1 ≥ 0.80, relaxed extent F1 ≥ 0.88 on this data",
    ),
    (
        "CoNLL-2003 English dev (eng.testa)",
        "conll2003",
        "benchmarks/conll2003",
        None,
        [("PER/ORG/LOC F1", "ner.f1"), ("precision", "ner.precision"), ("recall", "ner.recall")],
        "SOURCE.md names none; for scale, supervised CoNLL-trained taggers report test F1 "
        "above 0.90 (Lample et al. 2016: 90.94), while khronika uses spaCy's OntoNotes model "
        "untrained on CoNLL",
    ),
    (
        "PolNeAR dev (direct quotes)",
        "polnear",
        "benchmarks/polnear",
        None,
        [
            ("content F1", "quotes.f1"),
            ("precision", "quotes.precision"),
            ("speaker accuracy", "quotes.speaker_accuracy"),
        ],
        "SOURCE.md names none for this subset",
    ),
    (
        "MUC-4 dev (TST1+TST2, GRIT role fillers)",
        "muc4",
        "benchmarks/muc4",
        None,
        [
            ("role filler F1", "roles.f1"),
            ("precision", "roles.precision"),
            ("recall", "roles.recall"),
        ],
        "SOURCE.md names none; trained document-level extractors (GRIT, GTT) report test "
        "micro F1 in the 0.5–0.6 range",
    ),
    (
        "ECB+ dev topics (event coreference)",
        "ecbplus",
        "benchmarks/ecbplus",
        None,
        [("mention F1", "coref.mention_f1"), ("CoNLL F1", "coref.conll_f1")],
        "SOURCE.md names none; trained cross-document coreference models report event "
        "CoNLL F1 around 0.8 on the test topics with gold mentions",
    ),
]


def _get(report: Mapping[str, object], path: str) -> object:
    value: object = report
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _cell(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=None, help="cap documents per benchmark")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    settings = Settings()
    rows = []
    for name, fmt, gold, corpus, figures, published in RUNS:
        gold_path = args.shared / gold if gold else sample_gold()
        corpus_path = (
            args.shared / corpus if corpus else (sample_corpus() if fmt == "native" else None)
        )
        started = time.perf_counter()
        report = evaluate(
            gold_path, corpus=corpus_path, format=fmt, settings=settings, limit=args.limit
        )
        seconds = time.perf_counter() - started
        shown = "; ".join(f"{label} {_cell(_get(report, key))}" for label, key in figures)
        documents = _get(report, "documents")
        rows.append(f"| {name} | `{fmt}` | {documents} | {shown} | {seconds:.0f} s | {published} |")
        print(rows[-1], flush=True)
    text = HEADER.format(version=__version__, day=date.today().isoformat(), limit=args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n".join(rows) + "\n" + FOOTER, encoding="utf-8")
    return 0


HEADER = """# Benchmarks

Generated by `python scripts/benchmarks.py` (khronika {version}, {day}, document
limit: {limit}). Every figure is a fraction in [0, 1] printed by `khronika eval
GOLD --format FORMAT --json`; time is wall-clock on a 2-core machine,
including the spaCy model load.

| development set | format | documents | current figures | time | published / targets |
| --- | --- | --- | --- | --- | --- |
"""

FOOTER = """
## How each set is read and scored

- **native** (khronika-gold/1): every rule of `ANNOTATION.md`, implemented in
  `khronika/evaluate/` (`native.py`, `sections.py`, `events.py`). The corpus is
  ingested into a temporary database; the user's database is never touched.
- **tempeval3**: TimeML `.tml` files; the text of `<TEXT>` is analysed with the
  document creation time as publication date; TIMEX3 spans are scored by
  relaxed (overlap) one-to-one extent match, then value accuracy and value F1
  (a prediction counts for value F1 when its extent matched and its value is
  equal), as in TempEval-3 Task A.
- **conll2003**: tokens joined by spaces, sentences by newlines; predicted
  entity mentions snapped to token boundaries and compared exactly
  (type, first token, last token). PERSON→PER, ORG→ORG, GPE/LOC/FACILITY→LOC;
  MISC is reported apart.
- **polnear**: brat attributions whose content holds a quotation mark are the
  direct quotes; content detection by one-to-one overlap; speaker accuracy over
  matched quotes whose gold relation names a source.
- **muc4**: GRIT role fillers (PerpInd, PerpOrg, Target, Victim, Weapon) from
  the lower-cased texts; a predicted filler matches a gold entity when it
  equals one of its mentions after normalisation; micro P/R/F1 overall and by
  role. The texts are lower-cased, which hurts the spaCy tagger; see the
  adapter's docstring for what khronika does about it.
- **ecbplus**: dev topics of the Cybulska split, restricted to the sentences
  listed in `ECBplus_coreference_sentences.csv`; event mention detection by
  exact token span; MUC, B³, CEAF-e and their mean (CoNLL F1) over clusters,
  without gold topics.

Cross-document links (duplicates, incidents, contradictions, ECB+ coreference
across documents) arrive with issue 7; until then those figures are zero.
"""


if __name__ == "__main__":
    sys.exit(main())
