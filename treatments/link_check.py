"""
Watching the links of articles' sources: each link is requested (HEAD, then
GET where HEAD is refused), redirects are followed, and what was found is
recorded on every source with that link. A few links are checked at once,
each with a short timeout, so a slow site cannot hold up the rest.

Written here rather than with django-linkcheck: that app checks links from a
thread inside the web process whenever a model is saved (a nurse's save would
wait on, or race with, other sites), checks one link at a time, and keeps its
own generic tables; we need one status per source, checked from cron.
"""

import socket
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from .models import Source

USER_AGENT = "Mozilla/5.0 (compatible; source-link-check; +https://www.example.org/)"
MAX_REDIRECTS = 10
Status = Source.LinkStatus


@dataclass(frozen=True)
class LinkResult:
    status: str
    code: int | None = None
    moved_to: str = ""
    error: str = ""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects, remembering the first one's code and where the chain ended."""

    max_redirections = MAX_REDIRECTS

    def __init__(self):
        super().__init__()
        self.first_code: int | None = None

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if self.first_code is None:
            self.first_code = code
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(url: str, method: str, timeout: float) -> tuple[int, str, int | None]:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError("not a web address")
    redirects = _Redirects()
    opener = urllib.request.build_opener(redirects)
    # Only http and https get here (checked above; urllib follows redirects to no other scheme).
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)
            return response.status, response.url, redirects.first_code
    except urllib.error.HTTPError as error:
        return error.code, error.url or url, redirects.first_code


def check_url(url: str, timeout: float = 10) -> LinkResult:
    """What is at `url` now."""
    try:
        code, final_url, first_redirect = _fetch(url, "HEAD", timeout)
        if code in (403, 405, 501):  # some servers refuse HEAD: ask properly
            code, final_url, first_redirect = _fetch(url, "GET", timeout)
    except TimeoutError:
        return LinkResult(Status.NO_ANSWER, error=f"no answer within {timeout:g} seconds")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            return LinkResult(Status.NO_ANSWER, error=f"no answer within {timeout:g} seconds")
        return LinkResult(Status.NO_ANSWER, error=str(reason)[:100])
    except (OSError, ValueError) as error:  # connection reset, bad address, too many redirects ...
        return LinkResult(Status.NO_ANSWER, error=f"{type(error).__name__}: {error}"[:100])
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


def check_sources(sources: QuerySet | None = None, *, workers: int = 4, timeout: float = 10) -> CheckSummary:
    """Check every distinct link of these sources (all with a link, by default) and record the results."""
    sources = sources if sources is not None else Source.objects.exclude(url="")
    urls = sorted(set(sources.exclude(url="").values_list("url", flat=True)))
    summary = CheckSummary(links=len(urls))
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        results = dict(zip(urls, pool.map(lambda url: check_url(url, timeout), urls), strict=True))
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
