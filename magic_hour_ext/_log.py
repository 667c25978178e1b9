"""The ``magic_hour_ext`` logger, and the redaction of signed URLs in httpx's own log lines.

magic_hour_ext logs to the ``magic_hour_ext`` logger (silent by default: it has a NullHandler):
DEBUG for each poll, INFO for each status change and each saved file, WARNING once per unknown
status. URLs in its lines are redacted.

httpx logs every request at INFO on the ``httpx`` logger, signed query string included. Importing
magic_hour_ext adds :class:`SignedURLFilter` to that logger: in its records, the query values of URLs
that carry a signature-like parameter (``signature``, ``X-Amz-Signature``, ``token``, ``expires``,
``Key-Pair-Id``, ...) become ``***``. Other URLs are left as they are.
"""

from __future__ import annotations

import logging
import re

import httpx

from ._redact import redact_url

__all__ = ["SignedURLFilter", "install_httpx_filter", "logger"]

logger = logging.getLogger("magic_hour_ext")

_SIGNED_KEY = re.compile(
    r"(^|[&?])[^=&]*(sig|token|key|expires|credential|policy|auth)[^=&]*=", re.IGNORECASE
)


def _redacted(arg: object) -> object:
    if isinstance(arg, httpx.URL | str) and "?" in str(arg):
        text = str(arg)
        query = text.split("?", 1)[1]
        if _SIGNED_KEY.search(query):
            return redact_url(text)
    return arg


class SignedURLFilter(logging.Filter):
    """Redacts signed URLs in the arguments of a log record (it never drops a record).

    Example:
        >>> record = logging.LogRecord("httpx", 20, "", 0, "GET %s", ("http://h/x?signature=s",), None)
        >>> SignedURLFilter().filter(record), record.getMessage()
        (True, 'GET http://h/x?signature=***')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_redacted(arg) for arg in record.args)
        return True


def install_httpx_filter() -> None:
    """Add SignedURLFilter to the ``httpx`` logger, once."""
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, SignedURLFilter) for f in httpx_logger.filters):
        httpx_logger.addFilter(SignedURLFilter())
