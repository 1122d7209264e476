import logging
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, TemplateView

from core.page_cache import current_content_value
from core.pages import counted_page, page_number_or_404
from core.rate_limit import rate_limited
from core.same_origin import is_same_origin
from core.security_log import security_event

from . import services
from .forms import FeedbackCommentForm, HelpfulForm
from .glossary.linking import approved_definitions, link_first_uses, words_explained_html
from .models import Article, Category, PageFeedback, treatments_url_prefix
from .sanitise import sanitise_html
from .search import (
    MAX_QUERY_LENGTH,
    canonical_query,
    parse_query,
    search_articles,
    suggestion,
    unfound_search_record,
    uses_postgres_search,
)
from .structured_data import medical_web_page

FEEDBACK_SESSION_KEY = "page_feedback"

logger = logging.getLogger(__name__)


class ArticleIndexView(TemplateView):
    """The published articles, grouped by category in the editors' order, the first few of each."""

    template_name = "treatments/article_list.html"
    extra_context = {
        "page_title": "Treatments for mesothelioma",
        "page_description": "Plain-English guides to the treatments for mesothelioma, written and checked by specialist nurses.",
    }
    # Each category's first pages; a category with more links to its own page, which lists them all.
    PER_CATEGORY = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = self.categories()
        return context

    @classmethod
    def categories(cls) -> list[dict]:
        rows = Article.objects.index_rows(per_category=cls.PER_CATEGORY)
        prefix = treatments_url_prefix()
        categories = []
        for (category_id, name), articles in groupby(rows, key=lambda row: (row[1], row[2])):
            articles = list(articles)
            categories.append(
                {
                    "id": category_id,
                    "name": name,
                    "articles": [
                        {"url": f"{prefix}{slug}/", "title": title, "summary": summary}
                        for slug, _, _, title, summary, _ in articles
                    ],
                    "total": articles[0][5],
                    "url": reverse("treatments:category", args=[category_id]),
                }
            )
        return categories


class CategoryView(TemplateView):
    """Every public page of one category, a page of them at a time."""

    template_name = "treatments/category.html"
    PER_PAGE = 30

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        category = get_object_or_404(Category, pk=kwargs["category_id"])
        number = page_number_or_404(self.request.GET.get("page", ""))
        start = (number - 1) * self.PER_PAGE
        rows = list(Article.objects.category_rows(category.pk)[start : start + self.PER_PAGE])
        # Counted on their own, from the category's index alone (the rows' query joins the versions).
        total = Article.objects.public().filter(category_id=category.pk).count()
        page = counted_page(rows, number, self.PER_PAGE, total)
        prefix = treatments_url_prefix()
        context.update(
            category=category,
            page_obj=page,
            articles=[
                {"url": f"{prefix}{slug}/", "title": title, "summary": summary}
                for slug, title, summary in page
            ],
            page_title=category.name if page.number == 1 else f"{category.name} (page {page.number})",
            page_description=f"Our pages about {category.name.lower()}, written and checked by specialist nurses.",
        )
        return context


class HomeView(TemplateView):
    """
    The home page: what mesothelioma is, the support line, and every public
    page by topic. With the database down it still shows the rest, the support
    line first of all, and that page is not cached.
    """

    template_name = "pages/home.html"

    def get(self, request, *args, **kwargs):
        try:
            categories = ArticleIndexView.categories()
        except DatabaseError:
            logger.warning("Home page shown without its list of pages: the database is not answering.")
            response = super().get(request, *args, categories=[], **kwargs)
            response.is_public_page = False
            return response
        return super().get(request, *args, categories=categories, **kwargs)


class ArticleDetailView(DetailView):
    """One article as last approved. Never the working copy."""

    template_name = "treatments/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.for_public_page()

    def get(self, request, *args, **kwargs):
        article = self.get_object()
        if article.live_version is None:
            raise Http404("This article has never been approved.")
        if article.status == Article.Status.ARCHIVED:
            return render(request, "treatments/article_gone.html", {"article": article}, status=410)
        self.object = article
        return self.render_to_response(self.get_context_data(object=article))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        version = article.live_version
        given = self.request.session.get(FEEDBACK_SESSION_KEY, {}).get(str(article.pk))
        context.update(
            page_title=version.title,
            page_description=version.summary,
            version=version,
            # Sanitised again at render: approval already cleaned it, but nothing
            # reaches a page without passing the policy as it stands today.
            **glossary_context(version.body_html, title=version.title),
            sections=version.sections,
            sources_html=mark_safe(version.sources_html),  # noqa: S308 - rendered by our template at approval
            resources=version.resources,
            review_overdue=article.is_review_overdue(),
            other_articles=self.other_articles(article),
            structured_data=medical_web_page(article),
            feedback_given=given is not None,
            feedback_comment_form=FeedbackCommentForm() if given else None,
        )
        return context

    @staticmethod
    def other_articles(article) -> list[dict]:
        """Links to the other public articles: chosen by the editors, else the same category."""

        def build():
            chosen = list(article.related_articles.public_links())
            others = chosen or list(
                Article.objects.public_links().filter(category_id=article.category_id).exclude(pk=article.pk)
            )
            return [{"url": other.get_absolute_url(), "title": other.live_version.title} for other in others]

        # Changes only when something is published, withdrawn or moved.
        return current_content_value(f"other-articles:{article.pk}", build)


@csrf_exempt  # the form is on cached pages, so it has no token; same-origin is checked instead
@require_POST
def article_feedback(request, slug):
    """Yes/no, then an optional comment. Plain form posts: no JavaScript needed."""
    article = get_object_or_404(Article.objects.public().select_related("live_version"), slug=slug)
    if not is_same_origin(request):
        security_event("feedback.cross_origin_refused", article_id=article.pk)
        return HttpResponseForbidden("Feedback must be sent from this website.")
    given = request.session.get(FEEDBACK_SESSION_KEY, {})
    anchor = f"{article.get_absolute_url()}#feedback"

    if "comment" in request.POST:
        feedback = PageFeedback.objects.filter(pk=given.get(str(article.pk)), article=article).first()
        form = FeedbackCommentForm(request.POST)
        if feedback is None:
            return redirect(anchor)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["comment"]))
            return redirect(anchor)
        services.feedback_add_comment(feedback=feedback, comment=form.cleaned_data["comment"])
        given.pop(str(article.pk))
        request.session[FEEDBACK_SESSION_KEY] = given
        messages.success(request, "Thank you. Your comment will help us improve this page.")
        return redirect(anchor)

    form = HelpfulForm(request.POST)
    if not form.is_valid():
        return redirect(anchor)
    if rate_limited(request, scope="feedback", per_hour=settings.FEEDBACK_RATE_LIMIT_PER_HOUR):
        security_event("feedback.rate_limited", article_id=article.pk)
        messages.info(request, "Thank you. We have already had a lot of answers from your connection.")
        return redirect(anchor)
    feedback = services.feedback_record(
        article=article, helpful=form.cleaned_data["helpful"], version_id=form.cleaned_data["version"]
    )
    request.session[FEEDBACK_SESSION_KEY] = {**given, str(article.pk): feedback.pk}
    return redirect(anchor)


def search(request):
    # Shown as the search and the page cache read it, so a cached page shows its own query.
    raw = canonical_query(request.GET.get("q", ""))
    terms = parse_query(raw)
    results = search_articles(terms, request.GET.get("page", "").strip())
    suggested, suggested_results = None, None
    if results.total == 0 and not terms.empty:
        unfound_search_record(raw)
        if found := suggestion(terms):
            suggested, suggested_results = found.query, found.results
    context = {
        "page_title": (f"Search results for “{raw[:60]}”" if raw.strip() else "Search")
        + (f" (page {results.page.number})" if results.page and results.page.number > 1 else ""),
        "page_description": "Search the treatment pages.",
        "query": raw[:MAX_QUERY_LENGTH],
        "terms": terms,
        "results": results,
        "page_obj": results.page,
        "page_query": urlencode({"q": raw[:MAX_QUERY_LENGTH]}) + "&",
        "searched": bool(raw.strip()),
        "full_text": uses_postgres_search(),
        "suggested": suggested,
        "suggested_results": suggested_results,
    }
    response = render(request, "treatments/search.html", context)
    # Only searches that find something are stored: one page per search people make,
    # not one per string a bot can invent.
    response.is_public_page = results.total > 0
    return response


def glossary_context(body_html: str, *, title: str) -> dict:
    """
    The article body as a page shows it: sanitised again (nothing reaches a page
    without passing the policy as it stands today), with the first use of each
    approved glossary term linked to its definition below the article. Its
    structure was made when it was approved (and for versions approved before
    that pass existed, by migration 0026), so only the policy runs here.
    """
    # Changes only when a definition is approved (which, like publishing, starts a new generation).
    definitions = current_content_value("glossary-definitions", approved_definitions)
    linked, used = link_first_uses(sanitise_html(body_html, structure=False), definitions, subject=title)
    return {
        "body": mark_safe(linked),  # noqa: S308 - sanitised just above; only our own links added
        "words_explained": mark_safe(words_explained_html(used, reverse("glossary"))),  # noqa: S308 - escaped
    }


def glossary(request):
    """The A to Z of approved definitions."""
    definitions = sorted(
        current_content_value("glossary-definitions", approved_definitions),
        key=lambda item: item.term.casefold(),
    )
    letters: dict[str, list] = {}
    for definition in definitions:
        first = definition.term[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(definition)
    context = {
        "page_title": "Words explained: an A to Z",
        "page_description": "Medical words used on our treatment pages, explained in plain English.",
        "letters": letters,
    }
    return render(request, "treatments/glossary.html", context)
