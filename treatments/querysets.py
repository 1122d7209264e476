"""
Every read of articles: the public pages, the admin, the dashboard and the
reminders all ask through these named QuerySet methods.
"""

import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, models
from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery, Window
from django.db.models.functions import ExtractYear, JSONObject, RowNumber
from django.utils import timezone

from .workflow import Status

MOSTLY_UNHELPFUL_DAYS = 90
MOSTLY_UNHELPFUL_MIN_ANSWERS = 3


class ArticleQuerySet(models.QuerySet):
    def public(self):
        """Articles the public may read: signed off at least once and not withdrawn."""
        return self.filter(live_version__isnull=False).exclude(status=Status.ARCHIVED)

    def review_overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.exclude(status=Status.ARCHIVED).filter(next_review_due_on__lt=today)

    def sources_need_a_look(self):
        """Articles with a source whose link needs a look (Source.NEEDS_A_LOOK), however far off their review is."""
        return (
            self.exclude(status=Status.ARCHIVED)
            .filter(sources__link_status__in=self.model._meta.get_field("sources").related_model.NEEDS_A_LOOK)
            .distinct()
        )

    def out_of_date_with_sources(self):
        """Public articles a source's dates or a newer edition say need a full review (SourceQuerySet.trust_flagged)."""
        from .models import Source  # models import this module

        flagged = Source.objects.trust_flagged().filter(article=OuterRef("pk"))
        return self.public().filter(Exists(flagged))

    def review_due_within(self, days: int, today: datetime.date | None = None):
        """Not yet overdue, but due within `days` days."""
        today = today or timezone.localdate()
        return self.exclude(status=Status.ARCHIVED).filter(
            next_review_due_on__gte=today,
            next_review_due_on__lte=today + datetime.timedelta(days=days),
        )

    def awaiting_approval(self):
        return self.filter(status=Status.AWAITING_APPROVAL)

    # --- What waits for one member of staff (the dashboard) ----------------------

    def _latest_action(self):
        transitions = self.model._meta.get_field("transitions").related_model
        return Subquery(
            transitions.objects.filter(article_id=OuterRef("pk")).order_by("-at", "-id").values("action")[:1]
        )

    def returned_to(self, user):
        """Drafts this person last edited that an approver sent back."""
        return (
            self.filter(status=Status.DRAFT, last_edited_by=user)
            .annotate(latest_action=self._latest_action())
            .filter(latest_action="return")
        )

    def drafts_of(self, user):
        """Drafts this person last edited, other than those sent back to them (taken back ones included)."""
        return (
            self.filter(status=Status.DRAFT, last_edited_by=user)
            .annotate(latest_action=self._latest_action())
            # A draft never moved has no latest move (NULL), which `exclude` would drop too.
            .filter(Q(latest_action__isnull=True) | ~Q(latest_action="return"))
        )

    def awaiting_approval_by(self, user):
        """Waiting for approval, and this person may approve them: they edited none of the drafts."""
        if not user.has_perm("treatments.approve_article"):
            return self.none()
        edits = self.model._meta.get_field("edits").related_model
        own_edit = edits.objects.filter(article_id=OuterRef("pk"), editor_id=user.pk).filter(
            Q(article__live_version__isnull=True) | Q(at__gt=OuterRef("live_version__approved_at"))
        )
        return self.awaiting_approval().exclude(last_edited_by=user).exclude(Exists(own_edit))

    # --- Public pages ------------------------------------------------------------

    # Only what the article page shows: the live version's stored fragments, never
    # the working copy or the search data. Fewer columns make this hot query cheaper
    # to build and to read; the query-count tests catch a field left out.
    PUBLIC_PAGE_FIELDS = (
        "slug",
        "status",
        "last_reviewed_on",
        "next_review_due_on",
        "category__name",
        "live_version__title",
        "live_version__summary",
        "live_version__sources",
        "live_version__resources",
        "live_version__body_html",
        "live_version__sections",
        "live_version__sources_html",
        "live_version__written_by_name",
        "last_review__reviewer_name",
        "last_review__reviewer_role",
    )

    def for_public_page(self):
        """One article page's row, found by slug: no sort, only the columns the page shows."""
        return (
            self.select_related("category", "live_version", "last_review")
            .only(*self.PUBLIC_PAGE_FIELDS)
            .order_by()
        )

    # The order of pages within a category, wherever they are listed.
    IN_CATEGORY_ORDER = ("position", "live_version__title", "pk")

    def index_rows(self, per_category: int) -> list[tuple]:
        """
        (slug, category id, category name, title, summary, pages in the category) of the first
        `per_category` public articles of each category, grouped by category in the editors' order.
        Plain values, not model instances: three objects per article were most of the index
        page's cost. However many pages there are, the index holds at most `per_category` of each.
        """
        if connection.vendor == "postgresql":
            return self._index_rows_by_category(per_category)
        in_category = [F(name).asc() for name in self.IN_CATEGORY_ORDER]
        return list(
            self.public()
            .annotate(
                place=Window(RowNumber(), partition_by=F("category_id"), order_by=in_category),
                in_category=Window(Count("pk"), partition_by=F("category_id")),
            )
            .filter(place__lte=per_category)
            # Each category's articles together, even if two categories share a name.
            .order_by("category__position", "category__name", "category_id", *self.IN_CATEGORY_ORDER)
            .values_list(
                "slug",
                "category_id",
                "category__name",
                "live_version__title",
                "live_version__summary",
                "in_category",
            )
        )

    def _index_rows_by_category(self, per_category: int) -> list[tuple]:
        """
        index_rows on PostgreSQL, in one query that reads each category's first pages and its
        count from the article_public_in_category index: its cost stays the same however many
        pages a category has (the window over every public page grew with them: 17 ms at 10,000).
        """
        in_category = self.public().filter(category_id=OuterRef("pk"))
        first_pages = in_category.order_by(*self.IN_CATEGORY_ORDER).values_list(
            JSONObject(slug="slug", title="live_version__title", summary="live_version__summary")
        )[:per_category]
        # COUNT(*) as a plain function: no GROUP BY and no column to fetch, so it counts the index alone.
        count = in_category.order_by().annotate(count=Func(template="COUNT(*)", output_field=IntegerField()))
        count = count.values("count")
        categories = (
            self.model._meta.get_field("category")
            .related_model.objects.annotate(pages=ArraySubquery(first_pages), total=Subquery(count))
            .order_by("position", "name", "pk")
            .values_list("pk", "name", "pages", "total")
        )
        return [
            (page["slug"], category_id, name, page["title"], page["summary"], total)
            for category_id, name, pages, total in categories
            for page in pages  # a category without public pages has none, and is left out
        ]

    def category_rows(self, category_id: int):
        """(slug, title, summary) of a category's public articles, in the editors' order."""
        return (
            self.public()
            .filter(category_id=category_id)
            .order_by(*self.IN_CATEGORY_ORDER)
            .values_list("slug", "live_version__title", "live_version__summary")
        )

    def public_links(self):
        """Public articles with just what a link to them needs, in the editors' order."""
        return (
            self.public()
            .select_related("live_version")
            .only("slug", "live_version__title")
            .order_by("position", "live_version__title")
        )

    # --- Staff pages ----------------------------------------------------------

    def with_live_feedback(self):
        """
        Annotate `live_answers` and `live_yes`: readers' answers on the live version.
        Subqueries, not a GROUP BY over the articles' long text columns.
        """
        feedback = self.model._meta.get_field("feedback").related_model
        live = feedback.objects.filter(version_id=OuterRef("live_version_id")).order_by()
        count = Func(F("pk"), function="COUNT")
        return self.annotate(
            live_answers=Subquery(live.annotate(n=count).values("n")[:1], output_field=IntegerField()),
            live_yes=Subquery(
                live.filter(helpful=True).annotate(n=count).values("n")[:1], output_field=IntegerField()
            ),
        )

    def mostly_unhelpful(self, now: datetime.datetime | None = None):
        """Articles whose answers in the last 90 days are mostly "no" (at least 3 answers)."""
        since = (now or timezone.now()) - datetime.timedelta(days=MOSTLY_UNHELPFUL_DAYS)
        recent = Q(feedback__created_at__gte=since)
        return (
            self.annotate(
                recent_answers=Count("feedback", filter=recent),
                recent_no=Count("feedback", filter=recent & Q(feedback__helpful=False)),
            )
            .filter(recent_answers__gte=MOSTLY_UNHELPFUL_MIN_ANSWERS, recent_no__gt=F("recent_answers") / 2.0)
            .order_by("-recent_no", "title")
        )

    def due_for_review_reminder(
        self, *, within_days: int, not_reminded_since: datetime.datetime, today: datetime.date | None = None
    ):
        """
        Overdue or due within `within_days`, unless a reminder for the same due
        date went out since `not_reminded_since`.
        """
        today = today or timezone.localdate()
        reminders = self.model._meta.get_field("review_reminders").related_model
        reminded = reminders.objects.filter(
            article_id=OuterRef("pk"), due_on=OuterRef("next_review_due_on"), sent_at__gte=not_reminded_since
        )
        return (
            self.exclude(status=Status.ARCHIVED)
            .filter(next_review_due_on__lte=today + datetime.timedelta(days=within_days))
            .exclude(Exists(reminded))
            .order_by("next_review_due_on", "title")
        )


class SourceQuerySet(models.QuerySet):
    """
    The trust checks, one home: what a page's sources say about its review.
    A page must have had a full review on or after the day each source it
    cites was published (only the year known: after that year), and after
    any day its sources say they were checked; a source with a newer edition
    recorded needs the page read against the new one.
    """

    def with_trust_flags(self):
        from .models import NewerEdition  # models import this module

        reviewed = F("article__last_reviewed_on")
        reviewed_year = ExtractYear("article__last_reviewed_on")
        newer = NewerEdition.objects.filter(
            newer_edition_of(doi=OuterRef("doi"), url=OuterRef("url"), title=OuterRef("title"))
        )
        # The newest edition comes with the flags: the one to read the page against and cite.
        newest = newer.order_by("-published_on", "-id")
        return self.annotate(
            newest_edition_title=Subquery(newest.values("title")[:1]),
            newest_edition_published_on=Subquery(newest.values("published_on")[:1]),
            published_after_review=Q(published_on__gt=reviewed)
            | Q(published_on__isnull=True, year__gt=reviewed_year),
            published_day_unknown=Q(published_on__isnull=True, year=reviewed_year),
            checked_after_review=Q(accessed_on__gt=reviewed),
            has_newer_edition=Exists(newer),
        )

    def trust_flagged(self):
        return self.with_trust_flags().filter(
            Q(published_after_review=True)
            | Q(published_day_unknown=True)
            | Q(checked_after_review=True)
            | Q(has_newer_edition=True)
        )


def newer_edition_of(*, doi, url, title) -> Q:
    """NewerEditions that replaced a source with this DOI, link or title (any case)."""
    return (
        Q(replaces_doi__iexact=doi, replaces_doi__gt="")
        | Q(replaces_url=url, replaces_url__gt="")
        | Q(replaces_title__iexact=title, replaces_title__gt="")
    )
