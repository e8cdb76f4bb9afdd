"""Story splitting and cleaning: from a document as read to its articles.

``split_document(doc, source)`` finds the stories in one document, keeps
site furniture (menus, credits, kickers) out of their bodies while keeping
offsets into the document, and reads each story's title, byline, dateline,
publication date and language.
"""

from __future__ import annotations

from khronika.split.dates import find_dates, normalise_date, parse_date
from khronika.split.language import detect_language
from khronika.split.splitter import split_document

__all__ = ["detect_language", "find_dates", "normalise_date", "parse_date", "split_document"]
