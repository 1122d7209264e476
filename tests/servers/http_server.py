"""
A small local web server whose pages answer 200, 301, 404, 500, or never: for
checking links. It also answers as Crossref and PubMed's E-utilities do, from
real recorded answers (tests/fixtures/sources/), for publication-date lookups.
"""

import http.server
import json
import threading
import urllib.parse
from pathlib import Path

SOURCES = Path(__file__).parent.parent / "fixtures" / "sources"
CROSSREF_WORKS = {"10.7554/elife.01567": SOURCES / "crossref-work-10.7554-elife.01567.json"}
PUBMED_ESUMMARY = SOURCES / "pubmed-esummary-5683731-22144687.json"


def _api_answer(path: str, query: dict) -> bytes | None:
    """Crossref's /works/{doi} and E-utilities' esummary, for the recorded identifiers; None: not found."""
    if path.startswith("/crossref/works/"):
        doi = urllib.parse.unquote(path.removeprefix("/crossref/works/")).lower()
        if doi in CROSSREF_WORKS:
            work = json.loads(CROSSREF_WORKS[doi].read_text())
            return json.dumps({"status": "ok", "message-type": "work", "message": work}).encode()
    if path == "/pubmed/esummary.fcgi":
        recorded = json.loads(PUBMED_ESUMMARY.read_text())["result"]
        wanted = [uid for uid in query.get("id", [""])[0].split(",") if uid in recorded]
        if wanted:
            return json.dumps({"result": {"uids": wanted, **{uid: recorded[uid] for uid in wanted}}}).encode()
    return None


class _Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, body: bool):
        self.server.requests.append(self.path)
        path = self.path.split("?")[0]
        if path.startswith(("/crossref/", "/pubmed/")):
            answer = _api_answer(path, urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query))
            self.send_response(200 if answer else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer or b"")))
            self.end_headers()
            if body and answer:
                self.wfile.write(answer)
            return
        if path.startswith("/ok"):
            self.send_response(200)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok-new-home")
        elif path == "/redirect":  # to wherever ?to= says, as a hostile site might
            self.send_response(302)
            self.send_header(
                "Location", urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["to"][0]
            )
        elif path == "/temporary":
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif path == "/gone":
            self.send_response(404)
        elif path == "/error":
            self.send_response(500)
        elif path == "/no-head":
            self.send_response(405 if self.command == "HEAD" else 200)
        elif path == "/never":
            self.server.stop.wait()  # holds the connection open, answering nothing, until shutdown
            return
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def do_BAN(self):  # a cache's purge listener (core/frontend_cache.py) that accepts every ban
        self.server.requests.append(f"BAN {self.path} {self.headers.get('X-Ban-Tag', '')}")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class LinkServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stop = threading.Event()
        self.requests: list[str] = []  # every path asked for, in order
        self.base = f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.shutdown()
        self.server_close()
