"""Re-measure the gated tasks and raise their minimums in tests/eval_baseline.json.

    python scripts/gate.py                 # raise minimums to current scores
    python scripts/gate.py --check         # only report what would fail
    python scripts/gate.py --allow-lower   # also lower (say why in CHANGELOG.md)
    python scripts/gate.py --task shared-corpus

The same check runs in CI as tests/test_eval_gate.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from khronika.errors import KhronikaError
from khronika.evaluate.gate import (
    check,
    load_baseline,
    raise_minimums,
    run_task,
    save_baseline,
    task_hash,
)
from khronika.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report failures, change nothing")
    parser.add_argument("--allow-lower", action="store_true", help="allow minimums to go down")
    parser.add_argument("--task", action="append", help="only these tasks (repeatable)")
    args = parser.parse_args()
    tasks = load_baseline(BASELINE)
    updated = []
    failed = False
    for task in tasks:
        if args.task and task.name not in args.task:
            updated.append(task)
            continue
        started = time.perf_counter()
        try:
            scores = run_task(task, ROOT, Settings())
        except KhronikaError as err:
            print(f"{task.name}: cannot run: {err}", file=sys.stderr)
            updated.append(task)
            failed = True
            continue
        seconds = time.perf_counter() - started
        current = task_hash(task, ROOT)
        problems = check(task, scores, current)
        print(f"{task.name}: {len(scores)} figures in {seconds:.1f} s, {len(problems)} problems")
        for problem in problems:
            print(f"  {problem}")
        if args.check:
            failed = failed or bool(problems)
            updated.append(task)
            continue
        try:
            task, changes = raise_minimums(task, scores, current, allow_lower=args.allow_lower)
        except KhronikaError as err:
            print(f"  {err}", file=sys.stderr)
            failed = True
        else:
            for change in changes:
                print(f"  {change}")
        updated.append(task)
    if not args.check:
        save_baseline(BASELINE, updated)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
