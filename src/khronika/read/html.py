"""The main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import trafilatura

from khronika.model import DocumentHints
from khronika.read.hints import clean_string, iso_date, language_code
from khronika.read.unusable import Unusable

logger = logging.getLogger(__name__)

NO_TEXT = "no main text found in the HTML page"

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I
)
_DECLARED_LANGUAGE = re.compile(r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z_-]+)""", re.I)
_SCAN_CHARS = 4096
_REASON_CHARS = 200


def declared_charset(markup: bytes) -> str | None:
    """The charset a ``<meta>`` tag near the top of the page names, if any.

    >>> declared_charset(b'<html><head><meta charset="windows-1252">')
    'windows-1252'
    """
    match = _DECLARED_CHARSET.search(markup[:_SCAN_CHARS])
    return match.group(1).decode("ascii") if match else None


def extract_html(
    markup: str, *, url: str | None = None, fallback_date: str | None = None
) -> tuple[str, DocumentHints]:
    """The page's main text and its hints; raises :class:`Unusable` if there is none.

    ``fallback_date`` (an ISO prefix) is used when the page gives no date.
    """
    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as error:
        # lxml and trafilatura fail in many ways on broken or hostile pages
        # (even RecursionError): any failure skips just this page.
        reason = f"HTML could not be parsed: {type(error).__name__}: {error}"[:_REASON_CHARS]
        # The caller reports the skip; the traceback is kept for debugging.
        logger.debug("%s: %s", url or "HTML page", reason, exc_info=True)
        raise Unusable(reason) from error
    if document is None:
        raise Unusable(NO_TEXT)
    fields = document if isinstance(document, dict) else document.as_dict()
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Unusable(NO_TEXT)
    hints = DocumentHints(
        title=clean_string(fields.get("title")),
        published=iso_date(clean_string(fields.get("date"))),
        byline=clean_string(fields.get("author")),
        url=clean_string(fields.get("url")) or url,
        language=language_code(clean_string(fields.get("language"))) or _page_language(markup),
    )
    if hints.published is None and fallback_date is not None:
        hints = replace(hints, published=fallback_date)
    return text, hints


def _page_language(markup: str) -> str | None:
    match = _DECLARED_LANGUAGE.search(markup[:_SCAN_CHARS])
    return language_code(match.group(1)) if match else None
