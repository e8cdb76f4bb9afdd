"""Jinja filters for the pages. Autoescaping is on; nothing here marks text safe."""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment

from khronika.dates import precision


def safe_url(url: str | None) -> str:
    """The URL if it is http or https (so it may be a link), else ``""``.

    >>> safe_url("javascript:alert(1)"), safe_url("https://example.org/a")
    ('', 'https://example.org/a')
    """
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in {"http", "https"} else ""


def date_precision(value: str | None) -> str:
    """The precision of an ISO-prefix date as a word (``"year"``), ``""`` if none."""
    return (precision(value) or "") if value else ""


def shorten(text: str | None, limit: int = 160) -> str:
    """Whitespace collapsed, cut at ``limit`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def query_string(params: dict[str, str]) -> str:
    """A query string from the non-empty parameters (urlencode escapes them)."""
    return urlencode({k: v for k, v in params.items() if v})


def json_value(text: str | None) -> str:
    """A JSON text of a review value as a reader would write it (lists joined by "; ").

    >>> json_value('["KGB", "Stasi"]'), json_value('null'), json_value('"1978"')
    ('KGB; Stasi', '—', '1978')
    """
    try:
        value = json.loads(text or "null")
    except ValueError:
        return text or ""
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def install_filters(environment: Environment) -> None:
    environment.filters["safe_url"] = safe_url
    environment.filters["date_precision"] = date_precision
    environment.filters["shorten"] = shorten
    environment.filters["query_string"] = query_string
    environment.filters["json_value"] = json_value
