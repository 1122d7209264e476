"""Admin for nurses and clinical approvers; one module per model."""

from . import article, article_version, category, glossary, page_feedback  # noqa: F401
