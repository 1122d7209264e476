"""Admin for nurses and clinical approvers; one module per model."""

from . import article, article_version, category, glossary, newer_edition, page_feedback, search_synonym  # noqa: F401
