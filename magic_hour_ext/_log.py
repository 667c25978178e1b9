"""The ``magic_hour_ext`` logger, and the redaction of signed URLs in every log record of a request.

magic_hour_ext logs to the ``magic_hour_ext`` logger (silent by default: it has a NullHandler):
DEBUG for each poll, INFO for each status change and each saved file, WARNING once per unknown
status. URLs in its lines are redacted.

The libraries under it log URLs too, signed query strings included:

- ``httpx`` logs every request at INFO (the URL is an argument of the record);
- httpcore logs every step of a connection at DEBUG on ``httpcore.http11``, ``httpcore.http2``,
  ``httpcore.connection``, ``httpcore.proxy`` and ``httpcore.socks``, as ready-made messages
  holding ``repr``s of the response headers (a redirect's ``Location`` is a signed URL);
- stamina logs each retry on ``stamina`` at WARNING, with the exception that caused it in the
  ``stamina.caused_by`` extra.

A logger's filters only see the records created on that very logger (not those its children
propagate), so importing magic_hour_ext adds :class:`SignedURLFilter` to each of these loggers
(:data:`FILTERED_LOGGERS`, plus any other ``httpx.*`` / ``httpcore.*`` logger that exists then).
In each record it rewrites the message, the arguments and stamina's extras: the values of every
query string that carries a signature-like parameter (``signature``, ``X-Amz-Signature``,
``token``, ``expires``, ``Key-Pair-Id``, ...) become ``***``. Other URLs are left as they are. A
handler anywhere (the root logger's included) thus only ever sees redacted text. None of these
libraries logs request headers, so the ``Authorization`` header (the API token) is never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import httpx

from ._redact import redact_signed_queries

__all__ = [
    "FILTERED_LOGGERS",
    "SignedURLFilter",
    "install_httpx_filter",
    "install_log_filters",
    "logger",
]

logger = logging.getLogger("magic_hour_ext")

#: The loggers that log URLs of our requests (filters apply per logger, not to children).
FILTERED_LOGGERS = (
    "magic_hour_ext",
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "stamina",
)


def _redacted(value: object) -> object:
    """*value* with its signed query strings redacted: as text if that changed anything, else as is."""
    if isinstance(value, str):
        return redact_signed_queries(value)
    if isinstance(value, httpx.URL | bytes | BaseException):
        text = repr(value) if isinstance(value, bytes) else str(value)
        redacted = redact_signed_queries(text)
        return value if redacted == text else redacted
    if isinstance(value, tuple):
        return tuple(_redacted(item) for item in value)
    return value


class SignedURLFilter(logging.Filter):
    """Redacts signed query strings in a record's message, arguments and stamina extras.

    It never drops a record.

    Example:
        >>> record = logging.LogRecord("httpx", 20, "", 0, "GET %s", ("http://h/x?signature=s",), None)
        >>> SignedURLFilter().filter(record), record.getMessage()
        (True, 'GET http://h/x?signature=***')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_signed_queries(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redacted(arg) for arg in record.args)
        elif isinstance(record.args, Mapping):
            record.args = {key: _redacted(arg) for key, arg in record.args.items()}
        for key, value in record.__dict__.items():
            if key.startswith("stamina."):
                record.__dict__[key] = _redacted(value)
        return True


def install_log_filters() -> None:
    """Add SignedURLFilter, once, to every logger in FILTERED_LOGGERS and every existing httpx/httpcore one.

    Example:
        >>> install_log_filters()
        >>> any(isinstance(f, SignedURLFilter) for f in logging.getLogger("httpcore.http11").filters)
        True
    """
    existing = [
        name
        for name in logging.Logger.manager.loggerDict
        if name.startswith(("httpx.", "httpcore.", "stamina.", "magic_hour_ext."))
    ]
    for name in (*FILTERED_LOGGERS, *existing):
        target = logging.getLogger(name)
        if not any(isinstance(f, SignedURLFilter) for f in target.filters):
            target.addFilter(SignedURLFilter())


#: The name ``magic_hour_ext/__init__.py`` calls at import.
install_httpx_filter = install_log_filters
