"""``khronika eval``: scoring extraction against gold annotations.

``native`` reads khronika-gold/1 (``ANNOTATION.md``); the other formats are
public benchmarks read in their own formats (``khronika.evaluate.bench``).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate.gold import load_gold_dir
from khronika.evaluate.native import score_native
from khronika.evaluate.run import predict_corpus
from khronika.evaluate.select import Selection
from khronika.settings import Settings

Report = dict[str, object]

#: Benchmark adapters: format name -> module in khronika.evaluate.bench whose
#: ``evaluate(path, settings, limit)`` returns the report object.
BENCHMARKS = ("tempeval3", "muc4", "polnear", "ecbplus", "conll2003")
FORMATS = ("native", *BENCHMARKS)


def evaluate_native(
    gold: Path, corpus: Path | None, settings: Settings, selection: Selection | None = None
) -> Report:
    """Run the pipeline on ``corpus`` and score it against the gold directory
    (the ``selection`` of its documents)."""
    if corpus is None:
        raise InputError("--corpus is required with the native format")
    selection = selection or Selection()
    gold_files, links = selection.gold(*load_gold_dir(gold))
    documents, predicted_links = predict_corpus(corpus, settings, selection=selection)
    return score_native(gold_files, documents, links, predicted_links)


def evaluate(
    gold: Path,
    *,
    corpus: Path | None = None,
    format: str = "native",
    settings: Settings | None = None,
    limit: int | None = None,
    selection: Selection | None = None,
) -> Report:
    """Score the pipeline on ``gold`` in ``format``; ``limit`` caps benchmark
    documents; ``selection`` picks native documents by name."""
    settings = settings or Settings()
    if not gold.exists():
        raise InputError(f"{gold}: no such file or directory")
    if format == "native":
        return evaluate_native(gold, corpus, settings, selection)
    if selection is not None and not selection.everything:
        raise InputError("--only and --skip apply to the native format")
    if format not in BENCHMARKS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    module = import_module(f"khronika.evaluate.bench.{format}")
    run: Callable[[Path, Settings, int | None], Report] = module.evaluate
    return run(gold, settings, limit)
