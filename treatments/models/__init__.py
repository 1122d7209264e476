"""
Treatment articles and their clinical sign-off.

An Article is the working copy nurses edit. What the public reads is never
the working copy: it is the article's live ArticleVersion, an immutable copy
made when a clinical approver signed the content off. Review dates come from
ArticleReview records (full clinical reviews), not from edits.
"""

from .article import (
    DEFAULT_REVIEW_INTERVAL_MONTHS,
    Article,
    ArticleResource,
    Category,
    Source,
    add_months,
    leaflet_upload_to,
    treatments_url_prefix,
)
from .editions import NewerEdition
from .glossary import GlossaryTerm, GlossaryTermEdit, GlossaryTermVersion
from .records import (
    ArticleEdit,
    ArticleNotification,
    ArticleReview,
    ArticleTransition,
    ArticleVersion,
    PageFeedback,
    ReviewReminder,
)
from .search import SearchSynonym, SearchWord, UnfoundSearch

__all__ = [
    "DEFAULT_REVIEW_INTERVAL_MONTHS",
    "Article",
    "ArticleEdit",
    "ArticleNotification",
    "ArticleResource",
    "ArticleReview",
    "ArticleTransition",
    "ArticleVersion",
    "Category",
    "GlossaryTerm",
    "GlossaryTermEdit",
    "GlossaryTermVersion",
    "NewerEdition",
    "PageFeedback",
    "ReviewReminder",
    "SearchSynonym",
    "SearchWord",
    "Source",
    "UnfoundSearch",
    "add_months",
    "leaflet_upload_to",
    "treatments_url_prefix",
]
