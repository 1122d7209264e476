"""
Server-side sanitising of article HTML with nh3.

The editor is not a security boundary: anything can be POSTed to the admin.
Article HTML is cleaned when it is approved into a version and again when it
is rendered, so nothing that reaches a page has skipped this policy. Around
nh3, normalise.py gives it the structure a page needs (headings, lists,
tables, no empty or sourceless elements), from whatever it came from.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import slugify

from core.text import remove_bidi_overrides

from .normalise import after_sanitising, before_sanitising

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "span",
    "h2", "h3", "h4",
    "ul", "ol", "li",
    "a",
    "blockquote", "aside",
    "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "sup": {"class"},
    "span": {"class"},
    "blockquote": {"class"},
    "aside": {"class", "aria-labelledby"},
    "figure": {"class"},
    "p": {"class", "id"},
    "h2": {"id"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}

# Classes our own markup uses (citations, the two boxes, "explained here"); no other class survives,
# and no style attribute.
ALLOWED_CLASSES = {
    "citation",
    "visually-hidden",
    "key-facts",
    "key-facts-title",
    "patient-quote",
    "explained-here",  # a nurse's mark: the text explains this word here, so it gets no glossary link
}

# Relative URLs pass; absolute ones must use one of these.
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_H2 = re.compile(r'<h2(?: id="[^"]*")?>(.*?)</h2>', re.DOTALL)
_ANCHOR_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


_ENCODED_SEPARATOR = re.compile(r"%(2e|2f|5c)", re.IGNORECASE)


def is_our_media(url: str) -> bool:
    """
    Whether `url` is a file under MEDIA_URL: the same scheme and host, a path
    inside its folder segment by segment, with no "." or ".." segment, no
    encoded dot, slash or backslash, no backslash, query or fragment. A plain
    prefix check would pass MEDIA_URL/../other-bucket/..., which on path-style
    object storage is another bucket on an origin the page trusts.
    """
    media = urlsplit(settings.MEDIA_URL)
    try:
        candidate = urlsplit(url)
    except ValueError:
        return False
    if (candidate.scheme, candidate.netloc) != (media.scheme, media.netloc) or url.startswith("//"):
        return False
    path = candidate.path
    if candidate.query or candidate.fragment or "\\" in path or _ENCODED_SEPARATOR.search(path):
        return False
    inside = path[len(media.path) :].split("/") if path.startswith(media.path) else []
    return bool(inside) and all(segment not in ("", ".", "..") for segment in inside)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Images only from our own media; heading ids only as plain anchors; no language or title noise."""
    if tag == "img" and attribute == "src" and not is_our_media(value):
        return None
    if attribute == "lang" or (attribute == "title" and tag != "a"):
        return None  # Word marks every run with its language; the page says it is English
    if attribute in ("id", "aria-labelledby") and not _ANCHOR_ID.match(value):
        return None
    if attribute == "class":
        kept = [name for name in value.split() if name in ALLOWED_CLASSES]
        return " ".join(kept) or None
    return value


def sanitise_html(html: str, *, structure: bool = True) -> str:
    """
    Clean rich text to the article policy. Safe to run on its own output.
    `structure=False` leaves out the structure pass (normalise.py) for HTML
    that had it when it was approved, where only the policy is re-applied.
    """
    html = html or ""
    if structure:
        html = before_sanitising(html)
    cleaned = nh3.clean(
        remove_bidi_overrides(html),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
    return after_sanitising(cleaned) if structure else cleaned


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML, one block element per line."""
    with_breaks = re.sub(r"</(p|h2|h3|h4|li|blockquote|figcaption|tr|caption)>|<br>", "\n", html)
    lines = (unescape(strip_tags(line)).strip() for line in with_breaks.splitlines())
    return "\n".join(line for line in lines if line)


def add_section_anchors(html: str) -> tuple[str, list[dict]]:
    """
    Give every h2 in sanitised HTML an id and return the "On this page" list.
    Sanitised HTML has only <h2> or <h2 id="plain-anchor"> tags, so a
    pattern match is reliable here.
    """
    sections: list[dict] = []
    used: set[str] = set()

    def anchor(match: re.Match) -> str:
        inner = match.group(1)
        text = unescape(strip_tags(inner)).strip()
        base = slugify(text)[:60] or "section"
        anchor_id, n = base, 2
        while anchor_id in used:
            anchor_id, n = f"{base}-{n}", n + 1
        used.add(anchor_id)
        sections.append({"id": anchor_id, "text": text})
        return f'<h2 id="{anchor_id}">{inner}</h2>'

    return _H2.sub(anchor, html), sections


# A tag, or a character reference (sanitised HTML writes "&" as "&amp;").
_TAG_OR_ENTITY = re.compile(r"(<[^>]+>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")


def text_pieces(html: str, skip_inside: frozenset[str]):
    """
    (is_text, piece) for each tag, character reference and run of text in
    sanitised HTML; text inside any of the `skip_inside` elements (say, links)
    counts as not text, and so does a reference like "&amp;", so callers that
    add markup to text never add it there or inside an entity.
    """
    depth = 0
    for piece in _TAG_OR_ENTITY.split(html):
        if piece.startswith("<"):
            name = piece[1:].split(None, 1)[0].rstrip(">/").lower() if len(piece) > 2 else ""
            if name.lstrip("/") in skip_inside and not piece.endswith("/>"):
                depth = max(depth - 1, 0) if name.startswith("/") else depth + 1
            yield False, piece
        elif piece.startswith("&") and piece.endswith(";"):
            yield False, piece
        else:
            yield depth == 0, piece
