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


def input_value(html: str, name: str) -> str:
    """The value of the form field called `name` (a hidden token, say), as the browser would send it."""
    for tag, attrs in elements(html):
        if tag == "input" and attrs.get("name") == name:
            return attrs.get("value") or ""
    raise AssertionError(f"no input named {name!r} on the page")


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


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="/media/x.png" onerror="alert(1)">',
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="java&#x09;script:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example/"></iframe>',
    '<form action="https://evil.example/"><input name="q"></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<div onmouseover="alert(1)">hover</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
