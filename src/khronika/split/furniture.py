"""Site furniture: menus, credits, category lines and kickers around stories.

The word lists at the top of this module are data, compared casefolded with
surrounding punctuation removed; extend them here rather than in the code
below. A furniture line belongs to no article body: the splitter blanks it.
"""

from __future__ import annotations

import re

# Whole lines that are site navigation, sharing or page chrome. A line is
# furniture when it is one of these, or is made only of these joined by
# separators ("Home | News | World") or spaces ("Home Menu Search").
MENU_LINES: frozenset[str] = frozenset(
    {
        "about",
        "about us",
        "advertisement",
        "advertising",
        "back to top",
        "categories",
        "category",
        "close",
        "comments",
        "contact",
        "contact us",
        "continue reading",
        "copy link",
        "email",
        "eyewitness",
        "facebook",
        "follow us",
        "gallery",
        "home",
        "latest",
        "latest news",
        "leave a comment",
        "leave a reply",
        "like this",
        "linkedin",
        "loading",
        "log in",
        "login",
        "menu",
        "more",
        "more stories",
        "most popular",
        "most read",
        "navigation",
        "news",
        "newsletter",
        "next",
        "next article",
        "next story",
        "photos",
        "popular",
        "previous",
        "previous article",
        "previous story",
        "print",
        "privacy policy",
        "read more",
        "recommended",
        "related",
        "related articles",
        "related news",
        "related stories",
        "reply",
        "search",
        "share",
        "share this",
        "share this article",
        "share this story",
        "sign in",
        "sign up",
        "skip to content",
        "skip to main content",
        "sponsored",
        "subscribe",
        "tags",
        "telegram",
        "top stories",
        "trending",
        "tweet",
        "twitter",
        "video",
        "videos",
        "whatsapp",
        "world",
        "you may also like",
    }
)

# Short lines opening with one of these (as whole words) are furniture:
# tag lists, sharing prompts, comment-form text, cross-links.
FURNITURE_PREFIXES: tuple[str, ...] = (
    "all rights reserved",
    "also read:",
    "cancel reply",
    "categories:",
    "category:",
    "click here",
    "comments (",
    "filed under",
    "follow us on",
    "leave a comment",
    "leave a reply",
    "listen to this article",
    "more on this story",
    "posted in",
    "read more:",
    "read more at",
    "recommended for you",
    "related:",
    "required fields are marked",
    "see also:",
    "share on",
    "share this",
    "share via",
    "sign up for",
    "skip to",
    "subscribe to",
    "tagged:",
    "tags:",
    "this article is more than",
    "you may also like",
    "your email address will not be published",
)

# Words that open a photo or image credit or caption line, when followed by
# a colon or by one of CREDIT_MARKERS ("Photo copyright Jane Doe/Agency",
# "Image: Reuters", "Picture credit ...").
CREDIT_WORDS: tuple[str, ...] = (
    "cover image",
    "featured image",
    "graphic",
    "header image",
    "illustration",
    "image",
    "images",
    "main image",
    "photo",
    "photograph",
    "photos",
    "pic",
    "picture",
    "pictures",
    "top image",
    "video",
)
CREDIT_MARKERS: tuple[str, ...] = ("copyright", "credit", "credits", "courtesy", "source", "by")

# Kickers: labels printed above or before a headline or byline. A line that
# is only a kicker is furniture; a kicker followed by ":" may open a title or
# byline line ("WORLD EXCLUSIVE: By Paul Martin").
KICKERS: frozenset[str] = frozenset(
    {
        "analysis",
        "breaking",
        "breaking news",
        "comment",
        "developing",
        "developing story",
        "exclusive",
        "exclusive interview",
        "explainer",
        "feature",
        "interview",
        "investigation",
        "just in",
        "live",
        "opinion",
        "revealed",
        "special report",
        "watch",
        "world exclusive",
    }
)

# Separators between the items of a category or breadcrumb line.
_STRONG_SEPARATORS = "|»›>·•/"
_ITEM_SPLIT = re.compile(r"\s*[|»›>·•/,]\s*")
_EDGE_PUNCT = " \t\u00a0:;|•·»›>-–—.…!"
MAX_FURNITURE_WORDS = 25
MAX_CATEGORY_ITEM_WORDS = 3

_PREFIX = re.compile(
    "^(?:" + "|".join(re.escape(p) for p in FURNITURE_PREFIXES) + r")(?![a-z])",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    "^(?:"
    + "|".join(re.escape(w) for w in sorted(CREDIT_WORDS, key=len, reverse=True))
    + r")\s*(?::|©|(?:"
    + "|".join(CREDIT_MARKERS)
    + r")\b)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)\s)|all rights reserved", re.IGNORECASE)
_KICKER_ALT = "|".join(re.escape(k) for k in sorted(KICKERS, key=len, reverse=True))
_KICKER_STRICT = re.compile(rf"^\s*(?:{_KICKER_ALT})\s*[:|–—]\s*", re.IGNORECASE)
_KICKER_LOOSE = re.compile(rf"^\s*(?:{_KICKER_ALT})(?:\s*[:!|–—-]\s*|\s+)", re.IGNORECASE)


def normalise(text: str) -> str:
    """Casefold ``text`` and strip whitespace and edge punctuation.

    >>> normalise("  Share: ")
    'share'
    """
    return " ".join(text.strip(_EDGE_PUNCT).casefold().split())


def is_menu_line(text: str) -> bool:
    """True for navigation lines: "Latest News", "Home | News", "Share"."""
    key = normalise(text)
    if not key:
        return False
    if key in MENU_LINES:
        return True
    items = [normalise(i) for i in _ITEM_SPLIT.split(key)]
    items = [i for i in items if i]
    if len(items) >= 2 and all(i in MENU_LINES for i in items):
        return True
    words = key.split()
    return len(words) >= 2 and all(w in MENU_LINES for w in words)


def is_kicker_line(text: str) -> bool:
    """True for a line that is only a kicker ("Exclusive", "BREAKING:")."""
    return normalise(text) in KICKERS


def is_credit_line(text: str) -> bool:
    """True for photo credits and captions, and copyright notices."""
    s = text.strip()
    if len(s.split()) > MAX_FURNITURE_WORDS:
        return False
    return bool(_CREDIT.match(s) or _COPYRIGHT.search(s))


def has_furniture_prefix(text: str) -> bool:
    """True for short lines opening with a furniture phrase ("Tags: ...")."""
    s = text.strip()
    return len(s.split()) <= MAX_FURNITURE_WORDS and bool(_PREFIX.match(s))


def is_category_line(text: str) -> bool:
    """True for short lists of section names: "Russia, Europe, Eyewitness".

    Items are one to three capitalised words; comma lists need three items
    (or a menu word among them), lists with "|", "»", "/" and the like two.
    """
    s = text.strip()
    if not s or len(s) > 120:
        return False
    items = [i.strip() for i in _ITEM_SPLIT.split(s)]
    items = [i for i in items if i]
    if len(items) < 2:
        return False
    strong = any(sep in s for sep in _STRONG_SEPARATORS)
    if not strong and len(items) < 3 and not any(normalise(i) in MENU_LINES for i in items):
        return False
    for item in items:
        words = item.split()
        if len(words) > MAX_CATEGORY_ITEM_WORDS or item.endswith("."):
            return False
        if not all(w[0].isupper() or w[0].isdigit() or w == "&" for w in words):
            return False
    return True


def is_furniture_line(text: str) -> bool:
    """True for any line that is furniture on its own, whatever surrounds it.

    Category lines are tested separately (see :func:`is_category_line`),
    after dates, because "Monday, 3 May, 2025" has the same shape.
    """
    return (
        is_kicker_line(text)
        or is_menu_line(text)
        or is_credit_line(text)
        or has_furniture_prefix(text)
    )


def strip_kicker(text: str, *, loose: bool = False) -> str:
    """``text`` without a leading kicker.

    Strict mode needs a separator after the kicker ("EXCLUSIVE: ..."); loose
    mode, used on metadata lines, also takes a bare space.

    >>> strip_kicker("WORLD EXCLUSIVE: By Paul Martin")
    'By Paul Martin'
    >>> strip_kicker("Breaking news about the talks")
    'Breaking news about the talks'
    """
    pattern = _KICKER_LOOSE if loose else _KICKER_STRICT
    m = pattern.match(text)
    if m is None or not text[m.end() :].strip():
        return text.strip()
    return text[m.end() :].strip()
