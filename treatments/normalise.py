"""
What nh3 cannot do for article HTML: give it the structure a page needs,
whatever it came from (the editor, a Word or Google Docs clipboard, or HTML
posted without the editor at all). Called by sanitise.py around nh3:

Before nh3, on the raw input (where the meaning still is):
- the document's top heading level becomes the page's first section level
  (h2) and the rest follow: Heading 1 moves every heading down one level, a
  document that starts at Heading 3 moves up (h5 and h6 become h4);
- Google Docs' outer <b id="docs-internal-guid-..."> (which is not bold) goes;
- Word's list paragraphs ("·" or "1." typed into paragraphs marked
  mso-list) become real lists, nested by their level.

After nh3, on its well-formed output:
- an image without a usable source, and a figure left with only its
  caption, go;
  an image without alt text gets an empty one (the content checks ask the
  nurse for a real one);
- empty paragraphs, headings, list items and inline elements go;
- an inline element (a, b, span ...) holding blocks is unwrapped, and so is
  a link with no address (Word's bookmarks);
- list items outside a list are put in one;
- a table without header cells takes its first row as its header;
- an id used twice keeps only its first use.
Running it on its own output changes nothing.
"""

import re
from html import escape
from html.parser import HTMLParser

# --- Before nh3 ----------------------------------------------------------------------

_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_DOCS_WRAPPER = re.compile(r"<b\b[^>]*\bid=[\"']?docs-internal-guid-[^>]*>", re.IGNORECASE)
_WORD_LIST_PARAGRAPH = re.compile(
    r"<p\b(?P<attributes>[^>]*mso-list:\s*l(?P<list>\d+)\s+level(?P<level>\d+)[^>]*)>(?P<content>.*?)</p>",
    re.IGNORECASE | re.DOTALL,
)
_LIST_MARKER_SPAN = re.compile(r"<span\b[^>]*mso-list:\s*ignore[^>]*>", re.IGNORECASE)
_SUPPORT_LISTS = re.compile(
    r"<!--\[if !supportLists\]-->|<!\[if !supportLists\]>|<!--\[endif\]-->|<!\[endif\]>", re.IGNORECASE
)
_ORDERED_MARKER = re.compile(r"^\s*(\d+|[a-z]|[ivxlc]+)[.)]\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _headings_shifted(html: str) -> str:
    """
    The document's top heading level becomes the page's first section level
    (h2, under the page title) and the others follow it: Heading 1 moves down
    one level, a document that starts at Heading 3 moves up one.
    """
    levels = {int(level) for level in re.findall(r"<h([1-6])\b", html, re.IGNORECASE)}
    if not levels or min(levels) == 2:
        return html
    shift = 2 - min(levels)
    return _HEADING_TAG.sub(lambda tag: f"<{tag.group(1)}h{max(2, min(int(tag.group(2)) + shift, 4))}", html)


def _span_end(html: str, start: int) -> int:
    """The index just after the </span> that closes the span opening at `start`."""
    depth = 0
    for tag in re.finditer(r"<(/?)span\b[^>]*>", html[start:], re.IGNORECASE):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start + tag.end()
    return len(html)


def _list_item(match: re.Match) -> tuple[int, int, bool, str]:
    """(list, level, ordered, content) of one of Word's list paragraphs."""
    content = _SUPPORT_LISTS.sub("", match.group("content"))
    marker = ""
    found = _LIST_MARKER_SPAN.search(content)
    if found:
        end = _span_end(content, found.start())
        marker = _TAG.sub("", content[found.start() : end]).replace("&nbsp;", " ")
        content = content[: found.start()] + content[end:]
    ordered = bool(_ORDERED_MARKER.match(marker.strip()))
    return int(match.group("list")), int(match.group("level")), ordered, content.strip()


def _lists_from_items(items: list[tuple[int, int, bool, str]]) -> str:
    """Nested <ul>/<ol> from Word's list paragraphs, in order."""
    out: list[str] = []
    open_lists: list[str] = []  # the tag of each open list, outermost first
    for _list, level, ordered, content in items:
        level = max(1, min(level, len(open_lists) + 1))
        while len(open_lists) > level:
            out.append(f"</li></{open_lists.pop()}>")
        if len(open_lists) == level:
            out.append("</li>")
        while len(open_lists) < level:
            tag = "ol" if ordered else "ul"
            open_lists.append(tag)
            out.append(f"<{tag}>")
        out.append(f"<li>{content}")
    while open_lists:
        out.append(f"</li></{open_lists.pop()}>")
    return "".join(out)


def _word_lists(html: str) -> str:
    """Runs of Word's list paragraphs, next to each other, become real lists."""
    if "mso-list" not in html:
        return html
    out: list[str] = []
    position = 0
    run: list[tuple[int, int, bool, str]] = []
    for match in _WORD_LIST_PARAGRAPH.finditer(html):
        between = html[position : match.start()]
        if run and (between.strip() and not re.fullmatch(r"(\s|<!--.*?-->)*", between, re.DOTALL)):
            out.append(_lists_from_items(run))
            run = []
        if not run:
            out.append(between)
        run.append(_list_item(match))
        position = match.end()
    if run:
        out.append(_lists_from_items(run))
    out.append(html[position:])
    return "".join(out)


def before_sanitising(html: str) -> str:
    return _word_lists(_DOCS_WRAPPER.sub("", _headings_shifted(html)))


# --- After nh3 -----------------------------------------------------------------------

_VOID = frozenset({"br", "hr", "img"})
_INLINE = frozenset({"a", "b", "strong", "em", "i", "u", "s", "span", "sub", "sup"})
_BLOCK = frozenset(
    {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "aside", "figure", "figcaption", "table",
        "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "hr",
    }
)  # fmt: skip
_DROPPED_WHEN_EMPTY = frozenset({"p", "h2", "h3", "h4", "li", "ul", "ol", "figure", "blockquote", "aside"})
_BLANK = re.compile(r"^[\s\u00a0\u200b]*$")


class _Element:
    def __init__(self, tag: str, attributes: list[tuple[str, str | None]]):
        self.tag = tag
        self.attributes = attributes
        self.children: list[_Element | str] = []

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)

    def remove(self, name: str) -> None:
        self.attributes = [(key, value) for key, value in self.attributes if key != name]


class _TreeBuilder(HTMLParser):
    """A tree of nh3's output (well-formed, our tags only)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = _Element("", [])
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Element(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_entityref(self, name):
        self.stack[-1].children.append(f"&{name};")

    def handle_charref(self, name):
        self.stack[-1].children.append(f"&#{name};")


def _text_of(node: "_Element | str") -> str:
    if isinstance(node, str):
        return node.replace("&nbsp;", " ").replace("&#160;", " ").replace("&#xa0;", " ")
    return "".join(_text_of(child) for child in node.children)


def _has(node: _Element, tags: frozenset[str]) -> bool:
    return any(
        isinstance(child, _Element) and (child.tag in tags or _has(child, tags)) for child in node.children
    )


def _is_empty(element: _Element) -> bool:
    return bool(_BLANK.match(_text_of(element))) and not _has(element, frozenset({"img", "table", "hr"}))


def _with_header_row(table: _Element) -> None:
    if _has(table, frozenset({"th"})):
        return
    sections = [child for child in table.children if isinstance(child, _Element)]
    body = next((section for section in sections if section.tag == "tbody"), None)
    rows = [child for child in (body or table).children if isinstance(child, _Element) and child.tag == "tr"]
    if len(rows) < 2 or any(section.tag == "thead" for section in sections):
        return
    first = rows[0]
    for cell in first.children:
        if isinstance(cell, _Element) and cell.tag == "td":
            cell.tag = "th"
            cell.attributes = [*cell.attributes, ("scope", "col")]
    (body or table).children.remove(first)
    head = _Element("thead", [])
    head.children.append(first)
    position = next(
        (index for index, child in enumerate(table.children) if child is body), len(table.children)
    )
    if body is None:
        position = 0 if not sections or sections[0].tag != "caption" else 1
    table.children.insert(position, head)


def _fixed(children: list, parent_tag: str, seen_ids: set[str]) -> list:
    fixed: list = []
    for child in children:
        if isinstance(child, str):
            fixed.append(child)
            continue
        child.children = _fixed(child.children, child.tag, seen_ids)
        identifier = child.get("id")
        if identifier is not None:
            if identifier in seen_ids:
                child.remove("id")
            seen_ids.add(identifier)
        if child.tag == "img":
            if not child.get("src"):
                continue  # nothing to show: never an empty image on a page
            if child.get("alt") is None:
                child.attributes.append(("alt", ""))
        if child.tag == "figure" and not _has(child, frozenset({"img", "table", "blockquote"})):
            continue  # an image's figure left with its caption alone
        if child.tag in _DROPPED_WHEN_EMPTY and _is_empty(child):
            continue
        if child.tag in _INLINE and not child.children:
            continue  # an empty span or bold: Word leaves them around its markers
        if (child.tag in _INLINE and _has(child, _BLOCK)) or (child.tag == "a" and not child.get("href")):
            # A block inside an inline element, or a link to nowhere (Word's bookmarks): keep what is inside.
            fixed.extend(child.children)
            continue
        if child.tag == "table":
            _with_header_row(child)
        fixed.append(child)
    if parent_tag in {"ul", "ol"}:
        return _items_only(fixed)
    return _lists_around_loose_items(fixed)


def _items_only(children: list) -> list:
    """A list's children are its items: anything else in it is put in an item of its own."""
    out: list = []
    loose: _Element | None = None
    for child in children:
        if isinstance(child, _Element) and child.tag == "li":
            loose = None
            out.append(child)
        elif isinstance(child, str) and _BLANK.match(child):
            out.append(child)
        else:
            if loose is None:
                loose = _Element("li", [])
                out.append(loose)
            loose.children.append(child)
    return out


def _lists_around_loose_items(children: list) -> list:
    """List items outside any list, next to each other, put in one."""
    out: list = []
    made: _Element | None = None
    for child in children:
        if isinstance(child, _Element) and child.tag == "li":
            if made is None:
                made = _Element("ul", [])
                out.append(made)
            made.children.append(child)
        elif made is not None and isinstance(child, str) and _BLANK.match(child):
            made.children.append(child)
        else:
            made = None
            out.append(child)
    return out


def _html_of(nodes: list) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
            continue
        attributes = "".join(
            f' {key}="{escape(value, quote=True)}"' if value is not None else f" {key}"
            for key, value in node.attributes
        )
        parts.append(f"<{node.tag}{attributes}>")
        if node.tag not in _VOID:
            parts.append(_html_of(node.children) + f"</{node.tag}>")
    return "".join(parts)


def after_sanitising(html: str) -> str:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return _html_of(_fixed(builder.root.children, "", set()))
