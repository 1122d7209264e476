"""The request id on every log line, so an error page's reference finds its log entry."""

import contextvars
import logging
import sys

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


def logging_config(*, level: str) -> dict:
    """Django's LOGGING setting: one plain line per record, to stderr, with the request id."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "core.logging.RequestIdFilter"},
        },
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": sys.stderr,
                "formatter": "plain",
                "filters": ["request_id"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Replaces Django's own console handler, which would print every line twice.
            "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
            # One line per task state otherwise; failures still show.
            "django_tasks": {"level": "WARNING"},
            # Sign-in lockouts, refusals, bot hits, approvals, purges: see core/security_log.py.
            "security": {"handlers": ["console"], "level": "INFO", "propagate": False},
            # axes logs every failed attempt with the typed username; our security log
            # records lockouts without it.
            "axes": {"level": "WARNING"},
        },
    }
