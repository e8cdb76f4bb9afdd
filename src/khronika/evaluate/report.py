"""A readable table of an evaluation report (the JSON object, laid out)."""

from __future__ import annotations

from collections.abc import Mapping


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render_table(report: Mapping[str, object]) -> str:
    """Sections as blocks, figures as ``name  value`` rows, nested tables indented."""
    lines: list[str] = []

    def walk(mapping: Mapping[str, object], depth: int) -> None:
        flat = {k: v for k, v in mapping.items() if not isinstance(v, Mapping)}
        if flat:
            lines.append("  " * depth + "  ".join(f"{k} {_cell(v)}" for k, v in flat.items()))
        for key, value in mapping.items():
            if isinstance(value, Mapping):
                lines.append("  " * depth + f"{key}:")
                walk(value, depth + 1)

    walk(report, 0)
    return "\n".join(lines)
