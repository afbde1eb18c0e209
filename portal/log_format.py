"""How the portal logs: one line per record, with the request id (portal/audit/middleware.py) in every record, so
that everything one request did can be found together. JSON in production (LOG_FORMAT=json), for the log
collector; plain text in development."""

import json
import logging
from datetime import UTC, datetime

from portal.audit.middleware import current_request_id

PLAIN = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record ("" outside a request: the worker, commands)."""

    def filter(self, record):
        record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(*, log_format, level):
    """The LOGGING setting: one console handler, JSON or plain, with the request id."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "portal.log_format.RequestIdFilter"}},
        "formatters": {"plain": {"format": PLAIN}, "json": {"()": "portal.log_format.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format, "filters": ["request_id"]}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "jieba": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            "portal.audit.anchor": {"level": "INFO"},  # audit anchors reach the log whatever LOG_LEVEL says
        },
    }
