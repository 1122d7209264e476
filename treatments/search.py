"""
Site search over approved content only.

On PostgreSQL each approved version stores a weighted tsvector (title A,
summary B, body C, sources D) written when it is approved, with a GIN index;
a query ranks public articles by their live version's vector and highlights
a snippet of the body. Elsewhere (SQLite in development) a plain substring
match stands in.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F, Q, TextField, Value, Window
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .diff import format_source
from .models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
CONFIG = "english"

# Names people search with for the medicines our pages describe by their generic names.
SYNONYMS = {
    "keytruda": ["pembrolizumab"],
    "opdivo": ["nivolumab"],
    "yervoy": ["ipilimumab"],
    "alimta": ["pemetrexed"],
    "tecentriq": ["atezolizumab"],
    "bavencio": ["avelumab"],
    "imfinzi": ["durvalumab"],
    "chemo": ["chemotherapy"],
    "radio": ["radiotherapy"],
    "mdt": ["multidisciplinary"],
}

# Marks the match in a snippet; characters that cannot occur in page text.
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchTerms:
    words: list[str]
    truncated: bool

    @property
    def empty(self) -> bool:
        return not self.words


def canonical_query(raw: str) -> str:
    """A query as the search and the page cache treat it: lower case, single spaces."""
    return " ".join((raw or "").split()).lower()


def parse_query(raw: str) -> SearchTerms:
    """Words only (letters and digits, any script); punctuation and operators are dropped."""
    text = (raw or "")[:MAX_QUERY_LENGTH]
    words = re.findall(r"\w+", text.lower())
    truncated = len(raw or "") > MAX_QUERY_LENGTH or len(words) > MAX_TERMS
    return SearchTerms(words=words[:MAX_TERMS], truncated=truncated)


def searchable_text(text: str) -> str:
    """
    Plain text as PostgreSQL's parser should see it. The parser reads "<" before a
    letter as the start of an HTML tag and skips what follows, so text that
    merely mentions one ("<script>") would lose words from the index.
    """
    return re.sub(r"<(?=[A-Za-z/!?])", "< ", text)


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


def version_search_vector(*, title: str, summary: str, body_text: str, sources: list[dict]):
    """The stored vector for a new version, or None where PostgreSQL search is not available."""
    if not uses_postgres_search():
        return None
    sources_text = " ".join(format_source(source) for source in sources)

    def part(text: str, weight: str):
        return SearchVector(Value(text, output_field=TextField()), weight=weight, config=CONFIG)

    return part(title, "A") + part(summary, "B") + part(body_text, "C") + part(sources_text, "D")


def _tsquery(terms: SearchTerms) -> SearchQuery:
    # Each word may be the start of a longer one ("immuno" finds "immunotherapy"), and
    # a brand name also finds the generic name. Words are \w+ only, so this raw
    # query cannot carry tsquery operators from the visitor.
    clauses = []
    for word in terms.words:
        options = [word, *SYNONYMS.get(word, [])]
        clauses.append("(" + " | ".join(f"{option}:*" for option in options) + ")")
    return SearchQuery(" & ".join(clauses), search_type="raw", config=CONFIG)


def highlighted(snippet: str) -> SafeString:
    """Escape a snippet, then turn the match markers into <mark>."""
    safe = escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped just above; only our own tags added


@dataclass(frozen=True)
class SearchResults:
    articles: list[Article]  # the best matches, each with a `snippet`
    total: int  # every public article that matched

    @property
    def more(self) -> bool:
        return self.total > len(self.articles)

    @classmethod
    def of(cls, articles: list[Article]) -> "SearchResults":
        """From articles annotated with `total_matches` (the same on every row)."""
        return cls(articles=articles, total=articles[0].total_matches if articles else 0)


# Each result's snippet is the costly part of a search: only the best are shown.
RESULTS_SHOWN = 20


def search_articles(terms: SearchTerms) -> SearchResults:
    """Public articles matching every word, best first, and how many matched in all."""
    if terms.empty:
        return SearchResults(articles=[], total=0)
    public = (
        Article.objects.public()
        .select_related("live_version", "category")
        .only("slug", "category__name", "live_version__title", "live_version__summary")
        # Counted over every match before the limit, in the same query.
        .annotate(total_matches=Window(Count("pk")))
    )
    if uses_postgres_search():
        query = _tsquery(terms)
        articles = list(
            public.filter(live_version__search_vector=query)
            .annotate(
                rank=SearchRank(F("live_version__search_vector"), query),
                raw_snippet=SearchHeadline(
                    "live_version__body_text",
                    query,
                    config=CONFIG,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                ),
            )
            .order_by("-rank", "live_version__title")[:RESULTS_SHOWN]
        )
        for article in articles:
            article.snippet = highlighted(article.raw_snippet)
        return SearchResults.of(articles)

    # Development fallback: every word somewhere in the title, summary or body.
    condition = Q()
    for word in terms.words:
        options = [word, *SYNONYMS.get(word, [])]
        any_option = Q()
        for option in options:
            any_option |= (
                Q(live_version__title__icontains=option)
                | Q(live_version__summary__icontains=option)
                | Q(live_version__body_text__icontains=option)
            )
        condition &= any_option
    articles = list(public.filter(condition).order_by("live_version__title")[:RESULTS_SHOWN])
    for article in articles:
        article.snippet = highlighted(article.live_version.summary)
    return SearchResults.of(articles)
