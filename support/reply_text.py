"""
The new words of an email a person sends back: their answer without the
earlier messages their mail program quoted, and never without a word of
their own.

Rules, in order of safety:
- Quoted history is cut only where everything after the cut is quotation:
  a run of quoted lines ("> ...") at the end, with the line that introduced
  it ("On ... wrote:", in any language, or any short line ending in ":"
  that carries a date, a time or an address), or an unquoted earlier message
  below a header block ("From: / Sent: / To: / Subject:", in the main
  European languages) or an "Original Message" line. Answers written between
  quoted parts are kept with the quotes they answer.
- A quote at the very top followed by the answer (bottom-posting) is cut, as
  everything before the answer is quotation.
- A forwarded message is content: nothing after a forward marker, or a header
  block whose subject says it was forwarded, is cut.
- "Sent from my iPhone" and a signature after "-- " are trimmed from the end
  of the answer; lines of only spaces and tabs count as blank.
- HTML mail is read with its structure: source line breaks are spaces,
  blockquotes and the quote containers of Gmail and Yahoo become quoted
  lines, Outlook's reply divider a line of its own, so the same rules apply.
The whole original text is stored beside the cut one, so a wrong cut never
hides words from staff.
"""

import re
from html.parser import HTMLParser

# "wrote" in the languages people write to a UK support line in.
_WROTE = (
    r"wrote|schrieb|a écrit|ha scritto|escreveu|escribió|schreef|kirjoitti|skrev|napisał\(a\)|napisał|"
    r"napisała|написал\(а\)|написал|написала|ysgrifennodd|írta|napsal|έγραψε|yazdı"
)
_WROTE_LINE = re.compile(rf"(?:^|\s)(?:{_WROTE})\s*:?\s*$", re.IGNORECASE)
_TIME_OR_ADDRESS = re.compile(r"\d{1,2}[:.]\d{2}|@|\d{4}")
_ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|messaggio originale|"
    r"mensagem original|mensaje original|oorspronkelijk bericht|oprindelig meddelelse|"
    r"ursprungligt meddelande|alkuperäinen viesti|wiadomość oryginalna|исходное сообщение)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_FORWARD_MARKER = re.compile(
    r"^\s*(-{2,}\s*)?(forwarded message|begin forwarded message|weitergeleitete nachricht|"
    r"message transféré|inizio messaggio inoltrato|messaggio inoltrato|mensagem encaminhada|"
    r"mensaje reenviado|doorgestuurd bericht|videresendt meddelelse|vidarebefordrat meddelande|"
    r"välitetty viesti|wiadomość przekazana dalej|пересылаемое сообщение)\b",
    re.IGNORECASE,
)
_DIVIDER = re.compile(r"^\s*_{10,}\s*$")
# Header labels of a quoted or forwarded message, by what they say.
_FROM = r"from|von|de|da|van|fra|från|lähettäjä|od|от|oddíl|feladó"
_OTHER = (
    r"sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|à|a|objet|inviato|oggetto|enviado|enviada|"
    r"fecha|para|asunto|assunto|verzonden|aan|onderwerp|sendt|til|emne|skickat|till|ämne|lähetetty|"
    r"päivämäärä|vastaanottaja|aihe|wysłano|data|do|temat|отправлено|дата|кому|копия|тема"
)
_FROM_LINE = re.compile(rf"^\s*\*?(?:{_FROM})\s?\*?:\s*\S", re.IGNORECASE)
_HEADER_LINE = re.compile(rf"^\s*\*?(?:{_FROM}|{_OTHER})\s?\*?:", re.IGNORECASE)
_SUBJECT_FORWARDED = re.compile(
    r"^\s*\*?(subject|betreff|objet|oggetto|asunto|assunto|onderwerp|emne|ämne|aihe|temat|тема)\s?\*?:\s*"
    r"(fw|fwd|wg|tr|rv|i|vs|vb|doorst|pd|пересл)\s*:",
    re.IGNORECASE,
)
_SENT_FROM_DEVICE = re.compile(
    r"^\s*(sent from my \w+|sent from (mail|outlook|yahoo mail) for \w+|get outlook for \w+|"
    r"von meinem \w+ gesendet|envoyé de mon \w+|inviato da \w+|enviado (desde|do) meu? \w+|"
    r"verzonden met \w+|sendt fra min \w+|skickat från min \w+|lähetetty \w+)",
    re.IGNORECASE,
)
_SIGNATURE_DELIMITER = "-- "
# How far above a quote the line that introduced it may start.
_ATTRIBUTION_LINES = 3
_SIGNATURE_LINES = 10


def _is_quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _is_blank(line: str) -> bool:
    return not line.strip()


def _attribution_start(lines: list[str], end: int) -> int | None:
    """
    The first line of the lines that introduce a quote starting at `end`
    ("On Mon, 30 Nov 2026 at 09:02, Support <...> wrote:"), or None.
    """
    last = end - 1
    while last >= 0 and _is_blank(lines[last]):
        last -= 1
    if last < 0 or not lines[last].rstrip().endswith(":"):
        return None
    start = last
    # Mail programs wrap a long attribution: walk up through lines that look like one.
    while (
        start > 0
        and last - start + 1 < _ATTRIBUTION_LINES
        and not _is_blank(lines[start - 1])
        and _TIME_OR_ADDRESS.search(lines[start - 1])
        and not _is_quoted(lines[start - 1])
    ):
        start -= 1
    joined = " ".join(line.strip() for line in lines[start : last + 1]).lstrip("- ")
    if _WROTE_LINE.search(joined):
        return start
    if len(joined) <= 300 and _TIME_OR_ADDRESS.search(joined):
        return start
    return None


def _header_block_at(lines: list[str], index: int) -> bool:
    """
    Whether a quoted message's header block starts at `index`: three or more
    header lines ("From: / Sent: / To: / Subject:"), one of them the sender,
    within a few lines (HTML mail may put blank lines between them).
    """
    if not _HEADER_LINE.match(lines[index]):
        return False
    block = []
    for line in lines[index : index + 12]:
        if _HEADER_LINE.match(line):
            block.append(line)
        elif (_is_blank(line) and len(block) >= 3) or len(line) > 200:
            break
    return len(block) >= 3 and any(_FROM_LINE.match(line) for line in block)


def _forwarded_block(lines: list[str], index: int) -> bool:
    return any(_SUBJECT_FORWARDED.match(line) for line in lines[index : index + 8])


def _history_start(lines: list[str]) -> int | None:
    """Where an unquoted earlier message below the answer starts, or None."""
    for index, line in enumerate(lines):
        if _FORWARD_MARKER.match(line):
            return None  # a forward and all below it are content
        if _ORIGINAL_MESSAGE.match(line):
            return index
        if _DIVIDER.match(line) and index + 1 < len(lines):
            following = next((i for i in range(index + 1, len(lines)) if not _is_blank(lines[i])), None)
            if following is not None and _header_block_at(lines, following):
                if _forwarded_block(lines, following):
                    return None
                return index
        if _header_block_at(lines, index):
            if _forwarded_block(lines, index):
                return None
            attribution = _attribution_start(lines, index)
            return attribution if attribution is not None else index
        following = next((i for i in range(index + 1, len(lines)) if not _is_blank(lines[i])), None)
        if (
            _WROTE_LINE.search(line)
            and line.rstrip().endswith(":")
            and following is not None
            and not _is_quoted(lines[following])  # a quote marked "> " is judged by its lines
        ):
            start = _attribution_start(lines, index + 1)
            if start is not None:
                return start
    return None


def _trailing_quote_start(lines: list[str]) -> int | None:
    """Where the run of quoted lines that ends the text starts (with the line introducing it), or None."""
    start = len(lines)
    while start > 0 and (_is_quoted(lines[start - 1]) or _is_blank(lines[start - 1])):
        start -= 1
    if not any(_is_quoted(line) for line in lines[start:]):
        return None
    if any(_FORWARD_MARKER.match(line) for line in lines[:start]):
        return None
    attribution = _attribution_start(lines, start)
    return attribution if attribution is not None else start


def _leading_quote_end(lines: list[str]) -> int | None:
    """
    With the answer below the whole quote (bottom-posting): where the answer
    starts, when the text opens with an introduced quote and has none after it.
    """
    first = next((i for i, line in enumerate(lines) if not _is_blank(line)), None)
    if first is None:
        return None
    quote = first
    while quote < len(lines) and not _is_quoted(lines[quote]) and quote - first < _ATTRIBUTION_LINES:
        quote += 1
    if quote >= len(lines) or not _is_quoted(lines[quote]) or _attribution_start(lines, quote) != first:
        return None
    end = quote
    while end < len(lines) and (_is_quoted(lines[end]) or _is_blank(lines[end])):
        end += 1
    rest = lines[end:]
    if not any(not _is_blank(line) for line in rest) or any(_is_quoted(line) for line in rest):
        return None
    return end


def _without_sign_off(lines: list[str]) -> list[str]:
    """The answer without "Sent from my iPhone" or a short signature after "-- " at its end."""
    while lines and _is_blank(lines[-1]):
        lines = lines[:-1]
    if lines and _SENT_FROM_DEVICE.match(lines[-1]):
        lines = lines[:-1]
    for index in range(len(lines) - 1, max(len(lines) - _SIGNATURE_LINES - 1, 0) - 1, -1):
        if lines[index] == _SIGNATURE_DELIMITER and index > 0:
            lines = lines[:index]
            break
    return lines


def _tidy(lines: list[str]) -> str:
    text = "\n".join("" if _is_blank(line) else line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def reply_new_text(text: str) -> tuple[str, bool]:
    """The answer without the quoted history below or above it, and whether anything was cut."""
    lines = text.split("\n")
    cut = _trailing_quote_start(lines)
    if cut is None:
        cut = _history_start(lines)
    if cut is not None and any(not _is_blank(line) for line in lines[:cut]):
        lines = lines[:cut]
    else:
        answer_start = _leading_quote_end(lines)
        if answer_start is not None:
            lines = lines[answer_start:]
    answer = _tidy(_without_sign_off(lines))
    if not answer:  # nothing but a sign-off: keep it, as it is all they sent
        answer = _tidy(lines)
    return answer, answer != _tidy(text.split("\n"))


# --- HTML mail -------------------------------------------------------------------------

_BLOCKS = frozenset(
    {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "dl", "dt", "dd"}
)
_SKIPPED = frozenset({"head", "style", "script", "title", "xml"})
_QUOTE_CONTAINERS = ("gmail_quote", "yahoo_quoted", "protonmail_quote", "zmail_extra")


class _TextWriter(HTMLParser):
    """HTML to lines of text: blocks on lines of their own, quotes as "> " lines, whitespace as in a browser."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.depth = 0  # quote depth
        self.stack: list[tuple[str, bool]] = []  # open elements, and whether each opened a quote
        self.skipping = 0

    def _break(self, blank: bool = False) -> None:
        text = re.sub(r"[ \t\r\n\f\u00a0]+", " ", "".join(self.current)).strip()
        prefix = "> " * self.depth
        if text:
            self.lines.append(prefix + text)
        elif blank and self.lines and self.lines[-1].strip("> "):
            self.lines.append(prefix.rstrip())
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
            return
        attributes = dict(attrs)
        if tag == "br":
            self._break()
            return
        if tag == "hr":
            self._break()
            self.lines.append("> " * self.depth + "_" * 32)
            return
        classes = (attributes.get("class") or "").split()
        opens_quote = tag == "blockquote" or any(
            name.startswith(container) for name in classes for container in _QUOTE_CONTAINERS
        )
        if tag in _BLOCKS or opens_quote or tag == "blockquote":
            self._break(blank=tag == "p")
        if tag in {"img", "meta", "link", "input", "area", "base", "col", "wbr", "source"}:
            return  # empty elements never close
        self.stack.append((tag, opens_quote))
        if opens_quote:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
            return
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return  # a stray end tag (or "<br />"): it closes nothing
        while self.stack:
            open_tag, opened_quote = self.stack.pop()
            if open_tag in _BLOCKS or opened_quote or open_tag == "blockquote":
                self._break(blank=open_tag == "p")
            if opened_quote:
                self.depth -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines)


def html_reply_text(markup: str) -> str:
    """Readable text from an HTML email, with its quotes marked as a plain-text mail program would."""
    writer = _TextWriter()
    writer.feed(re.sub(r"<!--.*?-->", "", markup, flags=re.DOTALL))
    writer.close()
    return writer.text()
