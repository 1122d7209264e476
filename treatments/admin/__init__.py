"""Admin for nurses and clinical approvers; one module per model."""

from . import article, category, glossary, staff_profile  # noqa: F401
