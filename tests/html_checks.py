"""Checks on rendered HTML that look at real elements and attributes, not at text."""

from html.parser import HTMLParser

FORBIDDEN_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "input",
    "svg",
    "math",
    "base",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    collector = _Collector()
    collector.feed(html)
    return collector.elements


def active_content(html: str) -> list[str]:
    """Everything in `html` a browser could run: forbidden tags, handlers, script URLs, styles."""
    problems = []
    for tag, attrs in elements(html):
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value:
                scheme = "".join(value.split()).lower().split(":", 1)[0]
                if ":" in value and scheme in {"javascript", "data", "vbscript"}:
                    problems.append(f"<{tag} {name}={value!r}>")
    return problems
