"""Jinja filters for the pages. Autoescaping is on; nothing here marks text safe."""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment
from markupsafe import Markup

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


#: Characters that reorder or hide text: bidirectional embeddings, overrides and
#: isolates, the directional marks, and zero-width characters. Raw in a title
#: or URL they make "gpj.exe" read as "exe.jpg"; every page shows them visibly.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\ufeff"
)
_SHOWN = str.maketrans({char: f"⟨U+{ord(char):04X}⟩" for char in INVISIBLE})


def visible_controls(value: object) -> object:
    """Jinja's ``finalize``: every string printed with its invisible controls shown.

    The mark is plain text, so it is safe inside attributes and already-safe
    markup alike (a :class:`markupsafe.Markup` stays markup).

    >>> visible_controls("invoice\u202egpj.exe")
    'invoice⟨U+202E⟩gpj.exe'
    """
    if isinstance(value, str) and not INVISIBLE.isdisjoint(value):
        return (
            value.translate(_SHOWN)
            if not isinstance(value, Markup)
            else Markup(str(value).translate(_SHOWN))
        )
    return value


def install_filters(environment: Environment) -> None:
    environment.finalize = visible_controls
    environment.filters["safe_url"] = safe_url
    environment.filters["date_precision"] = date_precision
    environment.filters["shorten"] = shorten
    environment.filters["query_string"] = query_string
    environment.filters["json_value"] = json_value
