"""The quality gate: minimum scores per task, checked in CI.

The baseline file lists tasks (a gold set, its format, an optional corpus
and document limit), the hash of the gold each was measured on, and a
minimum for each figure. :func:`check` names every figure below its
minimum; :func:`raise_minimums` moves minimums up to current scores and
refuses to lower one unless told to.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from khronika.errors import InputError
from khronika.evaluate import evaluate
from khronika.evaluate.select import Selection
from khronika.settings import Settings

#: Keys of the report that are counts or labels, not scores.
NOT_SCORES = frozenset({"documents", "gold", "predicted", "format", "refinements_flagged"})


@dataclass(frozen=True, slots=True)
class Task:
    """One gated evaluation; paths are relative to the repository root."""

    name: str
    format: str
    gold: str
    corpus: str | None = None
    limit: int | None = None
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    gold_hash: str | None = None
    minimums: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # JSON gives lists; the patterns are part of the frozen task.
        object.__setattr__(self, "only", tuple(self.only))
        object.__setattr__(self, "skip", tuple(self.skip))

    @property
    def selection(self) -> Selection:
        return Selection(self.only, self.skip)

    def paths(self, root: Path) -> tuple[Path, Path | None]:
        return root / self.gold, (root / self.corpus) if self.corpus else None


def load_baseline(path: Path) -> list[Task]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Task(**task) for task in data["tasks"]]


def save_baseline(path: Path, tasks: list[Task]) -> None:
    data = {
        "about": "Minimum scores per task; see khronika.evaluate.gate and scripts/gate.py.",
        "tasks": [
            {
                "name": t.name,
                "format": t.format,
                "gold": t.gold,
                "corpus": t.corpus,
                "limit": t.limit,
                **({"only": list(t.only)} if t.only else {}),
                **({"skip": list(t.skip)} if t.skip else {}),
                "gold_hash": t.gold_hash,
                "minimums": dict(sorted(t.minimums.items())),
            }
            for t in tasks
        ],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def gold_hash(*paths: Path | None, limit: int | None = None, selection: str = "") -> str:
    """sha256 over every file under the given paths (names and contents, sorted),
    the document limit and the selection: what a task's scores were measured on."""
    start = f"limit={limit}" + (f";{selection}" if selection else "")
    digest = hashlib.sha256(start.encode())
    for base in paths:
        if base is None:
            continue
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for file in files:
            digest.update(file.relative_to(base.parent).as_posix().encode("utf-8"))
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def flatten(report: Mapping[str, object], prefix: str = "") -> dict[str, float | None]:
    """``{"quotes.f1": 0.9, "events.by_type.ASSAULT.f1": ...}``: every score in a report."""
    flat: dict[str, float | None] = {}
    for key, value in report.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        elif key not in NOT_SCORES and (value is None or isinstance(value, float | int)):
            flat[name] = None if value is None else float(value)
    return flat


def run_task(task: Task, root: Path, settings: Settings) -> dict[str, float | None]:
    """Evaluate one task and return its flattened scores."""
    gold, corpus = task.paths(root)
    if not gold.exists():
        raise InputError(f"task {task.name}: gold {gold} not found")
    report = evaluate(
        gold,
        corpus=corpus,
        format=task.format,
        settings=settings,
        limit=task.limit,
        selection=task.selection,
    )
    return flatten(report)


def task_hash(task: Task, root: Path) -> str:
    """The hash of what ``task`` measures: its gold, corpus and document limit."""
    gold, corpus = task.paths(root)
    selection = "" if task.selection.everything else task.selection.describe()
    return gold_hash(gold, corpus, limit=task.limit, selection=selection)


def check(task: Task, scores: Mapping[str, float | None], current_hash: str) -> list[str]:
    """Every way ``scores`` fail the task's minimums (empty when they pass)."""
    problems = []
    if task.gold_hash != current_hash:
        problems.append(
            f"{task.name}: the gold changed since the baseline was measured; "
            "re-measure with scripts/gate.py"
        )
    for name, minimum in sorted(task.minimums.items()):
        score = scores.get(name)
        if score is None:
            problems.append(f"{task.name}: {name} is missing (minimum {minimum:.4f})")
        elif score < minimum - 1e-9:
            problems.append(f"{task.name}: {name} = {score:.4f} is below its minimum {minimum:.4f}")
    return problems


def raise_minimums(
    task: Task,
    scores: Mapping[str, float | None],
    current_hash: str,
    *,
    allow_lower: bool = False,
) -> tuple[Task, list[str]]:
    """The task with minimums moved to the current scores, and what changed.

    A minimum never goes down unless ``allow_lower`` is given (then the
    change must be explained in the changelog). Minimums measured on other
    gold (another hash) no longer apply and are replaced.
    """
    minimums = dict(task.minimums) if task.gold_hash == current_hash else {}
    changes = []
    for name, score in sorted(scores.items()):
        if score is None:
            continue
        new = math.floor(score * 10_000) / 10_000
        old = minimums.get(name)
        if old is not None and new < old and not allow_lower:
            raise InputError(
                f"{task.name}: {name} would drop from {old:.4f} to {new:.4f}; "
                "pass --allow-lower and explain it in CHANGELOG.md"
            )
        if old != new:
            changes.append(
                f"{task.name}: {name} {'-' if old is None else f'{old:.4f}'} -> {new:.4f}"
            )
            minimums[name] = new
    return replace(task, minimums=minimums, gold_hash=current_hash), changes
