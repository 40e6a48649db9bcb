"""Logs without people in them: the error log is kept as clean as the access log.

Gunicorn logs malformed requests with the client's address and the request line,
and failed requests with their whole URL; an exception's message can quote what
someone searched for. `PrivacyFilter` rewrites every record of gunicorn's error
log and of the app's logger, tracebacks included, before it is written.
"""

import logging
import re

from gunicorn.glogging import Logger

REDACTIONS = (
    # A query string: searches, postcodes, coordinates.
    (re.compile(r"\?[^\s'\"]*"), "[query removed]"),
    # IPv4 and IPv6 addresses (a port may follow).
    (re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"), "[address]"),
    (
        re.compile(
            r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|[0-9A-Fa-f:]*::[0-9A-Fa-f:.]*)"
            r"(?![\w:])"
        ),
        "[address]",
    ),
    # UK postcodes, whole or outward part followed by the inward part.
    (re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?(?:\s|\+|%20)*[0-9][A-Z]{2}\b", re.I), "[postcode]"),
    # Coordinates: a number with three or more decimals.
    (re.compile(r"-?\d{1,3}\.\d{3,}"), "[number]"),
)
# What a malformed request quotes back (its request line or a header) is the client's text.
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def scrub(text: str) -> str:
    """Remove addresses, queries, postcodes and coordinates from a log message."""
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class PrivacyFilter(logging.Filter):
    """Rewrite each record's message and traceback with `scrub`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Invalid request"):
            message = QUOTED.sub("'[removed]'", message)
        record.msg, record.args = scrub(message), ()
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = scrub(text), None
        return True


class GunicornLogger(Logger):
    """Gunicorn's logger, with the error log filtered (`logger_class` in gunicorn.conf.py)."""

    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(f, PrivacyFilter) for f in self.error_log.filters):
            self.error_log.addFilter(PrivacyFilter())


def init_app(app) -> None:
    """Filter the app's own logger the same way (it writes to the server's error log)."""
    app.logger.addFilter(PrivacyFilter())
