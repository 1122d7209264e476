"""
How well each way of cutting quoted history from a reply keeps the person's
words and cuts the quote, on the mail corpora in tests/fixtures/mail/: talon's
fixtures, mail-parser-reply's test mails (a set the rules here were not
written against), and the mails written in the shapes talon lacks.

Compares support/reply_text.py with the kept libraries. They are not
dependencies of the site; install them beside this run:

    python3 -m venv /tmp/replies && /tmp/replies/bin/pip install \\
        mail-parser-reply==1.36 quotequail==0.5.4 email-reply-parser==0.5.12
    /tmp/replies/bin/python bench/reply_cutting.py [--verbose]

Every candidate reads the same text: the plain part, or the HTML part turned
into text by support/reply_text.py (quotequail also gets the HTML itself,
which it reads natively).
"""

import argparse
import email
import email.policy
import json
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from support.reply_text import html_reply_text, reply_new_text  # noqa: E402

MAIL = PROJECT / "tests" / "fixtures" / "mail"
LANGUAGES = ["en", "de", "fr", "it", "pt", "es", "nl", "fi", "da", "sv", "pl", "ru"]


def body(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    if path.suffix == ".html":
        return "html", raw.decode("utf-8")
    if path.suffix == ".txt":
        return "plain", raw.decode("utf-8").replace("\r\n", "\n")
    part = email.message_from_bytes(raw, policy=email.policy.default).get_body(
        preferencelist=("plain", "html")
    )
    return part.get_content_subtype(), part.get_content().replace("\r\n", "\n")


def as_text(kind: str, content: str) -> str:
    return html_reply_text(content) if kind == "html" else content


def ours(kind, content):
    return reply_new_text(as_text(kind, content))[0]


def email_reply_parser(kind, content):
    from email_reply_parser import EmailReplyParser

    return EmailReplyParser.parse_reply(as_text(kind, content))


def mail_parser_reply(kind, content):
    from mailparser_reply import EmailReplyParser

    return EmailReplyParser(languages=LANGUAGES).parse_reply(text=as_text(kind, content))


def quotequail(kind, content):
    import quotequail

    if kind == "html":
        return html_reply_text("".join(part for new, part in quotequail.quote_html(content) if new))
    return "".join(part for new, part in quotequail.quote(content) if new)


CANDIDATES = {
    "support/reply_text.py": ours,
    "email-reply-parser 0.5.12": email_reply_parser,
    "mail-parser-reply 1.36": mail_parser_reply,
    "quotequail 0.5.4": quotequail,
}


def spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def score(candidate, expected: dict) -> tuple[int, int, int, list[str]]:
    kept = cut = with_history = 0
    wrong = []
    for name, want in expected.items():
        try:
            result = candidate(*body(MAIL / name))
        except Exception as error:  # a library that fails on a real mail loses its words
            result = f"({type(error).__name__})"
        words_kept = all(spaces(words) in spaces(result) for words in want["keep"])
        quote_cut = all(spaces(words) not in spaces(result) for words in want["cut"])
        kept += words_kept
        if want["cut"]:
            with_history += 1
            cut += quote_cut
        if not words_kept:
            wrong.append(f"{name}: words lost")
        elif want["cut"] and not quote_cut:
            wrong.append(f"{name}: quote kept")
    return kept, cut, with_history, wrong


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    corpora = {
        corpus: json.loads((MAIL / f"expected_{corpus}.json").read_text())
        for corpus in ("talon", "mailparser_reply", "written")
    }
    print("| way | corpus | mails with every new word kept | mails with history whose quote was cut |")
    print("| --- | --- | --- | --- |")
    for label, candidate in CANDIDATES.items():
        for corpus, expected in corpora.items():
            kept, cut, with_history, wrong = score(candidate, expected)
            print(f"| {label} | {corpus} | {kept} of {len(expected)} | {cut} of {with_history} |")
            if options.verbose and wrong:
                print("|  |  | " + "; ".join(wrong) + " |  |")


if __name__ == "__main__":
    main()
