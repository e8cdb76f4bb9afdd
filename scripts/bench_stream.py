"""Peak memory while streaming a large JSON lines feed (issue 2).

Writes a feed of about 200 MB into a temporary directory, then in a fresh
child process reads and splits every record (the ingest path before NLP)
and prints the child's peak resident memory beside the file size. A
streaming reader keeps the peak far below the file size.

    python scripts/bench_stream.py [--megabytes 200]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import resource, sys, time
from pathlib import Path
from khronika.read import read_source
from khronika.settings import Settings
from khronika.split import split_document

base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
read = read_source(Path(sys.argv[1]), Settings())
records = articles = 0
for doc in read.documents:
    records += 1
    articles += len(split_document(doc, read.source))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(records, articles, base, peak, round(seconds, 1))
"""

PARAGRAPH = (
    "Police in Kharkiv detained activist number {n} on Tuesday after a search of his flat, "
    "relatives said. The regional security service did not answer questions about the case. "
    "“They took his phone and his notebooks,” his sister told reporters outside the court. "
)


def write_feed(path: Path, megabytes: int) -> int:
    size = records = 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes * 1024 * 1024:
            text = "\n\n".join(PARAGRAPH.format(n=records) for _ in range(12))
            record = {"title": f"Activist {records} detained", "date": "2024-03-12", "text": text}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            records += 1
    return size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        size = write_feed(feed, args.megabytes)
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(feed)], capture_output=True, text=True, check=True
        ).stdout.split()
        wall = time.perf_counter() - started
    records, articles, base_kb, peak_kb, seconds = out
    print(f"feed: {size / 2**20:.0f} MiB, {records} records, {articles} articles")
    print(f"read + split: {seconds} s ({wall:.1f} s with interpreter start-up)")
    print(
        f"peak resident memory: {int(peak_kb) / 1024:.0f} MiB "
        f"(after imports: {int(base_kb) / 1024:.0f} MiB)"
    )
    print(f"peak / file size: {int(peak_kb) * 1024 / size:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
