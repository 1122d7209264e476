"""
The two boxes nurses can put in an article: "Key facts" and a patient's or
carer's quote. In the editor each is a quote block with a style
(`<blockquote class="key-facts">`, `<blockquote class="patient-quote">`); on
the page they become a labelled aside and a figure whose caption says who
said it. Runs on sanitised HTML, so the pattern match is reliable.
"""

import re

_BOX = re.compile(r'<blockquote class="(key-facts|patient-quote)">(.*?)</blockquote>', re.DOTALL)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_ATTRIBUTION = re.compile(r"^\s*(?:[-\u2013\u2014]|&mdash;|&ndash;)\s*")


def _key_facts(inner: str, number: int) -> str:
    label = f"key-facts-{number}"
    return (
        f'<aside class="key-facts" aria-labelledby="{label}">'
        f'<p class="key-facts-title" id="{label}"><strong>Key facts</strong></p>{inner}</aside>'
    )


def _quote(inner: str) -> str:
    paragraphs = _PARAGRAPH.findall(inner)
    # The last paragraph says who said it when it starts with a dash, or when there are several.
    if len(paragraphs) >= 2 or (paragraphs and _ATTRIBUTION.match(paragraphs[-1])):
        said, who = paragraphs[:-1], _ATTRIBUTION.sub("", paragraphs[-1])
        if said:
            body = "".join(f"<p>{paragraph}</p>" for paragraph in said)
            return f'<figure class="patient-quote"><blockquote>{body}</blockquote><figcaption>{who}</figcaption></figure>'
    return f'<figure class="patient-quote"><blockquote>{inner}</blockquote></figure>'


def render_boxes(html: str) -> str:
    count = 0

    def box(match: re.Match) -> str:
        nonlocal count
        if match.group(1) == "key-facts":
            count += 1
            return _key_facts(match.group(2), count)
        return _quote(match.group(2))

    return _BOX.sub(box, html)
