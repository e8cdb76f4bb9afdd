"""Speed of the per-article pipeline, as ratios measured in one run.

Parses the same article texts twice in this process: once with spaCy alone
(``nlp.pipe``, the bare parse) and once through khronika's whole
per-article pipeline (split, parse, extract). Prints articles per second
per core and the ratio of the two times. The machine's noise affects both
the same way; the ratio is the figure to compare across commits.

    python scripts/bench_speed.py [CORPUS_DIR] [--repeat 3]

The default corpus is the sample corpus shipped with khronika.
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import closing
from pathlib import Path

from khronika import sample_corpus
from khronika.nlp import load_nlp
from khronika.pipeline import analyse_document
from khronika.read import iter_paths, read_source
from khronika.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    corpus = args.corpus or sample_corpus()
    documents = []
    for path in iter_paths([corpus]):
        read = read_source(path, settings)
        with closing(read.documents) as docs:
            documents.extend((read.source, doc) for doc in docs)
    nlp = load_nlp(settings.spacy_model)
    texts = [doc.text for _, doc in documents]
    characters = sum(len(t) for t in texts)

    bare = full = 0.0
    articles = 0
    for _ in range(args.repeat):
        started = time.process_time()
        for _ in nlp.pipe(texts, batch_size=settings.nlp_batch_size):
            pass
        bare += time.process_time() - started
        started = time.process_time()
        articles = sum(len(analyse_document(doc, source, settings)) for source, doc in documents)
        full += time.process_time() - started

    print(f"corpus: {corpus} ({len(documents)} documents, {articles} articles, {characters} chars)")
    print(f"spaCy bare parse: {bare / args.repeat:.3f} s CPU per pass")
    print(f"khronika pipeline: {full / args.repeat:.3f} s CPU per pass")
    print(f"articles per second per core: {articles * args.repeat / full:.1f}")
    print(f"ratio pipeline / bare parse: {full / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
