"""
Site search over approved content only.

On PostgreSQL each approved version stores a weighted tsvector (title A,
summary B, body C, sources D) written when it is approved, with a GIN index;
a query ranks public articles by their live version's vector and highlights
a snippet of the body. Elsewhere (SQLite in development) a substring match
stands in, ranking title matches above summary above body.

When a search finds nothing, PostgreSQL suggests a spelling from the words of
the public pages (pg_trgm similarity) and shows what that finds; the words of
searches that found nothing are counted by day (nothing else about who searched).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.paginator import Page
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Sum, TextField, Value, When, Window
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.pages import counted_page, page_number_or_404
from core.personal_data import without_personal_data

from .diff import format_source
from .glossary.linking import approved_definitions
from .models import Article, ArticleVersion, SearchSynonym, SearchWord, UnfoundSearch

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
CONFIG = "english"

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


# One clause per word the reader typed (or per phrase a synonym names): each is a list of
# alternatives, and each alternative the words that must all be found.
Clause = list[tuple[str, ...]]


def search_clauses(terms: SearchTerms) -> list[Clause]:
    """
    The reader's words with the synonyms nurses keep (SearchSynonym): "pleurx"
    also finds "indwelling pleural catheter", "stage 4" also finds "stage".
    The longest synonym that matches at each point wins.
    """
    synonyms = {
        tuple(typed.split()): [tuple(re.findall(r"\w+", other.lower())) for other in finds.split(",")]
        for typed, finds in SearchSynonym.objects.filter(active=True).values_list("typed", "finds")
    }
    longest = max((len(typed) for typed in synonyms), default=1)
    words, clauses, at = terms.words, [], 0
    while at < len(words):
        for size in range(min(longest, len(words) - at), 0, -1):
            span = tuple(words[at : at + size])
            if span in synonyms:
                clauses.append([span, *(other for other in synonyms[span] if other)])
                at += size
                break
        else:
            clauses.append([(words[at],)])
            at += 1
    return clauses


def _tsquery(clauses: list[Clause]) -> SearchQuery:
    # Each word may be the start of a longer one ("immuno" finds "immunotherapy"), and a
    # synonym's words are another way to match. Words are \w+ only, so this raw query
    # cannot carry tsquery operators from the visitor.
    def alternative(words: tuple[str, ...]) -> str:
        return "(" + " & ".join(f"{word}:*" for word in words) + ")"

    query = " & ".join("(" + " | ".join(alternative(option) for option in clause) + ")" for clause in clauses)
    return SearchQuery(query, search_type="raw", config=CONFIG)


def highlighted(snippet: str) -> SafeString:
    """Escape a snippet, then turn the match markers into <mark>."""
    safe = escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped just above; only our own tags added


@dataclass(frozen=True)
class SearchResults:
    articles: list[Article]  # the page's matches, best first, each with a `snippet`
    total: int  # every public article that matched
    page: Page | None = None  # which page of them, for the links to the others

    @property
    def first_number(self) -> int:
        """The place of the page's first result among all of them (an <ol>'s start)."""
        return self.page.start_index() if self.page else 1


# A page of results: each one's snippet is the costly part, so only the page's are made.
RESULTS_SHOWN = 20


def _headline(query) -> SearchHeadline:
    return SearchHeadline(
        "body_text",
        query,
        config=CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )


def _one_page(ranked, page_number: str) -> tuple[list[Article], Page]:
    """The asked-for page of `ranked`, and how many there are in all, in one query."""
    number = page_number_or_404(page_number)
    start = (number - 1) * RESULTS_SHOWN
    articles = list(ranked.annotate(total_matches=Window(Count("pk")))[start : start + RESULTS_SHOWN])
    total = articles[0].total_matches if articles else 0
    return articles, counted_page(articles, number, RESULTS_SHOWN, total)


def search_articles(terms: SearchTerms, page_number: str = "") -> SearchResults:
    """
    Public articles matching every word, best first, a page of RESULTS_SHOWN at a time
    (Http404 for a page there is not), and how many matched in all. The database ranks every
    match; snippets are made for the page's results only.
    """
    if terms.empty:
        return SearchResults(articles=[], total=0)
    public = (
        Article.objects.public()
        .select_related("live_version", "category")
        .only("slug", "category__name", "live_version__title", "live_version__summary")
    )
    clauses = search_clauses(terms)
    if uses_postgres_search():
        query = _tsquery(clauses)
        ranked = (
            public.filter(live_version__search_vector=query)
            .annotate(rank=SearchRank(F("live_version__search_vector"), query))
            .order_by("-rank", "live_version__title", "pk")
        )
        articles, page = _one_page(ranked, page_number)
        snippets = dict(
            ArticleVersion.objects.filter(pk__in=[article.live_version_id for article in articles])
            .annotate(snippet=_headline(query))
            .values_list("pk", "snippet")
        )
        for article in articles:
            article.snippet = highlighted(snippets[article.live_version_id])
        return SearchResults(articles=articles, total=page.paginator.count, page=page)

    # Development fallback: every word somewhere in the title, summary or body.
    condition = Q()
    for clause in clauses:
        any_option = Q()
        for option in clause:
            every_word = Q()
            for word in option:
                every_word &= (
                    Q(live_version__title__icontains=word)
                    | Q(live_version__summary__icontains=word)
                    | Q(live_version__body_text__icontains=word)
                )
            any_option |= every_word
        condition &= any_option
    # Ranked as the full-text search weighs them: a word in the title counts most.
    in_title, in_summary = Q(), Q()
    for word in terms.words:
        in_title &= Q(live_version__title__icontains=word)
        in_summary &= Q(live_version__summary__icontains=word)
    score = Case(When(in_title, then=3), When(in_summary, then=2), default=1, output_field=IntegerField())
    ranked = public.filter(condition).annotate(score=score).order_by("-score", "live_version__title", "pk")
    articles, page = _one_page(ranked, page_number)
    for article in articles:
        article.snippet = highlighted(article.live_version.summary)
    return SearchResults(articles=articles, total=page.paginator.count, page=page)


# --- "Did you mean …?" and what readers could not find ------------------------------

_WORD = re.compile(r"[^\W\d_]{3,40}")
# How close a respelling must be (pg_trgm similarity): at 0.5 "side efects" finds "side
# effects", but "hospice" is not turned into "hospital" (0.42), nor "steroids" into
# "sterile" (0.31), nor "stage" into "stay" (0.38).
SUGGESTION_SIMILARITY = 0.5
UNFOUND_KEEP_DAYS = 90
# Different searches kept a day at most: enough to see what readers miss, never a growing log.
UNFOUND_MAX_PER_DAY = 500


def _words(text: str) -> set[str]:
    return {match.lower() for match in _WORD.findall(text)}


@dataclass
class PageWords:
    """Words of the public pages: every one is known (never "corrected"); the suggestible may be offered."""

    known: set[str] = field(default_factory=set)
    suggestible: set[str] = field(default_factory=set)

    def add_version(self, title: str, summary: str, body_text: str, sections: list | None) -> None:
        self.known |= _words(f"{title} {summary} {body_text}")
        # Only words of a title, a heading or the glossary are offered as "Did you mean …?".
        self.suggestible |= _words(
            " ".join([title, *(section.get("text", "") for section in sections or [])])
        )

    def add_definition(self, forms: tuple[str, ...]) -> None:
        self.suggestible |= _words(" ".join(forms))


def _lock_word_list(mode: str) -> None:
    """
    PostgreSQL: a rebuild (SHARE ROW EXCLUSIVE) waits for every transaction
    that added words to commit, and they wait for it; two rebuilds take turns.
    So a rebuild reads the pages only once every approval before it is
    visible, and never deletes a word an approval added meanwhile. (SQLite
    lets one writer in at a time anyway.)
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {SearchWord._meta.db_table} IN {mode} MODE")


@transaction.atomic
def search_words_add(words: PageWords) -> None:
    """
    Add a newly public page's (or definition's) words: the cost of the page,
    not of the site, and safe beside another approval adding the same words.
    """
    _lock_word_list("ROW EXCLUSIVE")
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, suggestible=False) for word in sorted(words.known - words.suggestible)],
        batch_size=1000,
        ignore_conflicts=True,
    )
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, suggestible=True) for word in sorted(words.suggestible)],
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["word"],
        update_fields=["suggestible"],
    )


def search_words_add_version(version: ArticleVersion) -> None:
    words = PageWords()
    words.add_version(version.title, version.summary, version.body_text, version.sections)
    search_words_add(words)


@transaction.atomic
def search_words_refresh() -> int:
    """
    Rebuild the list of words on the public pages from them all, dropping the
    words no page uses any more (after a withdrawal). Returns how many there
    are. Its cost grows with the site, so approvals add their words instead.
    """
    _lock_word_list("SHARE ROW EXCLUSIVE")
    words = PageWords()
    live = ArticleVersion.objects.filter(pk__in=Article.objects.public().values("live_version"))
    for row in live.values_list("title", "summary", "body_text", "sections").iterator():
        words.add_version(*row)
    for definition in approved_definitions():
        words.add_definition(definition.forms)
    SearchWord.objects.all().delete()
    every = words.known | words.suggestible
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, suggestible=word in words.suggestible) for word in sorted(every)],
        batch_size=1000,
    )
    return len(every)


@dataclass(frozen=True)
class Suggestion:
    query: str
    results: SearchResults


def _words_never_respelt() -> set[str]:
    """The glossary's words and the synonyms' own words: what a reader typed on purpose."""
    words = {
        word for typed in SearchSynonym.objects.values_list("typed", flat=True) for word in typed.split()
    }
    for definition in approved_definitions():
        words |= {word.lower() for form in definition.forms for word in re.findall(r"\w+", form)}
    return words


def suggestion(terms: SearchTerms) -> Suggestion | None:
    """
    A respelling of a query that found nothing, with what it finds (PostgreSQL
    only). Only a close respelling, from the words of titles, headings and the
    glossary, and only one that finds something; never of a word the pages,
    the glossary or the synonyms already know.
    """
    if terms.empty or not uses_postgres_search():
        return None
    kept = set(SearchWord.objects.filter(word__in=terms.words).values_list("word", flat=True))
    kept |= _words_never_respelt()
    corrected, changed = [], False
    try:
        with connection.cursor() as cursor:
            for word in terms.words:
                if word in kept or word.isdigit() or len(word) < 3:
                    corrected.append(word)
                    continue
                cursor.execute(
                    "SELECT word FROM treatments_searchword WHERE suggestible AND similarity(word, %s) >= %s "
                    "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                    [word, SUGGESTION_SIMILARITY, word],
                )
                row = cursor.fetchone()
                corrected.append(row[0] if row else word)
                changed |= bool(row)
    except DatabaseError:  # pg_trgm missing: no suggestion rather than no search
        return None
    if not changed:
        return None
    query = " ".join(corrected)
    results = search_articles(parse_query(query))
    return Suggestion(query, results) if results.total else None


def unfound_search_record(raw: str, today: datetime.date | None = None) -> None:
    """
    Count a search that found nothing: its words and the day, nothing else.
    People type their own details into search boxes (an email address, an NHS
    number, a date of birth): those are taken out before anything is kept, and
    a day keeps at most UNFOUND_MAX_PER_DAY different searches. Never raises.
    """
    terms = parse_query(without_personal_data(raw))
    if terms.empty:
        return
    today = today or timezone.localdate()
    query = " ".join(terms.words)[:200]
    try:
        with transaction.atomic():
            if not UnfoundSearch.objects.filter(day=today, query=query).update(count=F("count") + 1):
                if UnfoundSearch.objects.filter(day=today).count() >= UNFOUND_MAX_PER_DAY:
                    return
                try:
                    with transaction.atomic():
                        UnfoundSearch.objects.create(day=today, query=query)
                except IntegrityError:  # counted by another request at the same moment
                    UnfoundSearch.objects.filter(day=today, query=query).update(count=F("count") + 1)
            UnfoundSearch.objects.filter(day__lt=today - datetime.timedelta(days=UNFOUND_KEEP_DAYS)).delete()
    except DatabaseError:
        pass


def unfound_this_month(limit: int = 10, today: datetime.date | None = None) -> list[dict]:
    """The searches that found nothing most often this month, for the review dashboard."""
    today = today or timezone.localdate()
    return list(
        UnfoundSearch.objects.filter(day__gte=today.replace(day=1))
        .values("query")
        .annotate(times=Sum("count"))
        .order_by("-times", "query")[:limit]
    )
