"""
Watching the links of articles' sources: each link is requested (HEAD, then
GET where HEAD is refused), web redirects are followed, and what was found is
recorded on every source with that link. Only web addresses on the public
internet are requested: every address is resolved and checked before each
connection, the first and every redirect's (a nurse's link must never make the
server reach into its own network); a redirect to another scheme is not followed. A few links are checked at once,
each with a short timeout, so a slow site cannot hold up the rest.

Written here rather than with django-linkcheck: that app checks links from a
thread inside the web process whenever a model is saved (a nurse's save would
wait on, or race with, other sites), checks one link at a time, and keeps its
own generic tables; we need one status per source, checked from cron.
"""

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from .models import Source

USER_AGENT = "Mozilla/5.0 (compatible; source-link-check; +https://www.example.org/)"
MAX_REDIRECTS = 10
WEB_SCHEMES = ("http", "https")
Status = Source.LinkStatus

# What is recorded instead of a connection error's own text, which can tell one
# internal address or port from another.
NOT_PUBLIC = "the address is not on the public internet, so it was not checked"
OTHER_SCHEME = "it sends visitors to something other than a web page, so it was not followed"
NO_CONNECTION = "the site could not be reached"


@dataclass(frozen=True)
class LinkResult:
    status: str
    code: int | None = None
    moved_to: str = ""
    error: str = ""


class NotFollowed(Exception):
    """A link or redirect this check will not follow: its recorded reason is the message."""


def address_allowed(address: str) -> bool:
    """
    Only addresses on the public internet are requested: never this machine,
    the charity's own network, link-local (cloud metadata), multicast or
    reserved ranges. SOURCE_CHECK_ALLOWED_NETWORKS adds networks on purpose.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in ipaddress.ip_network(network) for network in settings.SOURCE_CHECK_ALLOWED_NETWORKS):
        return True
    return ip.is_global and not (
        ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local or ip.is_unspecified
    )


def _connect(host: str, port: int, timeout: float) -> socket.socket:
    """Resolve once, refuse if any address is not allowed, then connect to the address checked."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise OSError(NO_CONNECTION) from None
    if not found or not all(address_allowed(info[4][0]) for info in found):
        raise NotFollowed(NOT_PUBLIC)
    family, kind, proto, _, address = found[0]
    connection = socket.socket(family, kind, proto)
    connection.settimeout(timeout)
    try:
        connection.connect(address)
    except BaseException:
        connection.close()
        raise
    return connection


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = _connect(self.host, self.port, self.timeout)


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        self.sock = self._context.wrap_socket(
            _connect(self.host, self.port, self.timeout), server_hostname=self.host
        )


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self):
        super().__init__(context=ssl.create_default_context())

    def https_open(self, req):
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows web redirects only, remembering the first one's code and where the chain ended."""

    max_redirections = MAX_REDIRECTS

    def __init__(self):
        super().__init__()
        self.first_code: int | None = None

    def http_error_302(self, req, fp, code, msg, headers):
        # Checked before urllib's own handling, which answers a redirect to file:
        # or data: with the redirect itself (recorded as a working link).
        target = urllib.parse.urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urllib.parse.urlsplit(target).scheme not in WEB_SCHEMES:
            raise NotFollowed(OTHER_SCHEME)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if self.first_code is None:
            self.first_code = code
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(url: str, method: str, timeout: float) -> tuple[int, str, int | None]:
    if urllib.parse.urlsplit(url).scheme not in WEB_SCHEMES:
        raise NotFollowed("not a web address")
    redirects = _Redirects()
    # Only these handlers: no file:, ftp: or data: opener, whatever a redirect says.
    opener = urllib.request.OpenerDirector()
    for handler in (
        _CheckedHTTPHandler(),
        _CheckedHTTPSHandler(),
        redirects,
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)
            return response.status, response.url, redirects.first_code
    except urllib.error.HTTPError as error:
        return error.code, error.url or url, redirects.first_code


def _not_followed(error: BaseException) -> NotFollowed | None:
    """urllib wraps what a handler raises while connecting in URLError; find ours."""
    while error is not None:
        if isinstance(error, NotFollowed):
            return error
        error = getattr(error, "reason", None) if isinstance(error, urllib.error.URLError) else None
    return None


def url_check(url: str, timeout: float = 10) -> LinkResult:
    """What is at `url` now. Recorded errors are fixed phrases, never the connection's own words."""
    no_answer = LinkResult(Status.NO_ANSWER, error=f"no answer within {timeout:g} seconds")
    try:
        code, final_url, first_redirect = _fetch(url, "HEAD", timeout)
        if code in (403, 405, 501):  # some servers refuse HEAD: ask properly
            code, final_url, first_redirect = _fetch(url, "GET", timeout)
    except NotFollowed as refusal:
        return LinkResult(Status.NOT_FOLLOWED, error=str(refusal))
    except TimeoutError:
        return no_answer
    except urllib.error.URLError as error:
        if refusal := _not_followed(error):
            return LinkResult(Status.NOT_FOLLOWED, error=str(refusal))
        if isinstance(error.reason, TimeoutError | socket.timeout):
            return no_answer
        return LinkResult(Status.NO_ANSWER, error=NO_CONNECTION)
    except (OSError, ValueError, http.client.HTTPException):  # reset, bad address, too many redirects
        return LinkResult(Status.NO_ANSWER, error=NO_CONNECTION)
    if code >= 400:
        return LinkResult(Status.BROKEN, code=code)
    if first_redirect in (301, 308) and final_url != url:
        return LinkResult(Status.MOVED, code=first_redirect, moved_to=final_url)
    return LinkResult(Status.WORKS, code=code)


@dataclass
class CheckSummary:
    links: int = 0
    works: int = 0
    moved: int = 0
    broken: int = 0
    no_answer: int = 0
    not_followed: int = 0


def sources_check(sources: QuerySet | None = None, *, workers: int = 4, timeout: float = 10) -> CheckSummary:
    """Check every distinct link of these sources (all with a link, by default) and record the results."""
    sources = sources if sources is not None else Source.objects.exclude(url="")
    urls = sorted(set(sources.exclude(url="").values_list("url", flat=True)))
    summary = CheckSummary(links=len(urls))
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        results = dict(zip(urls, pool.map(lambda url: url_check(url, timeout), urls), strict=True))
    now = timezone.now()
    for url, result in results.items():
        Source.objects.filter(url=url).update(
            link_status=result.status,
            link_status_code=result.code,
            link_moved_to=result.moved_to,
            link_error=result.error,
            link_checked_at=now,
        )
        setattr(summary, result.status, getattr(summary, result.status) + 1)
    return summary
