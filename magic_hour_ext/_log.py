"""The ``magic_hour_ext`` logger, and the redaction of signed URLs in the log records of a request.

magic_hour_ext logs to the ``magic_hour_ext`` logger (silent by default: it has a NullHandler):
DEBUG for each poll, INFO for each status change and each saved file, WARNING once per unknown
status. URLs in its lines are redacted where they are logged, and the logger also carries a
:class:`SignedURLFilter`. Importing magic_hour_ext touches no other logger.

The libraries under it log URLs too, signed query strings included, on loggers that are theirs:

- ``httpx`` logs every request at INFO (the URL is an argument of the record);
- httpcore logs every step of a connection at DEBUG on ``httpcore.http11``, ``httpcore.http2``,
  ``httpcore.connection``, ``httpcore.proxy`` and ``httpcore.socks``, as ready-made messages
  holding ``repr``s of the response headers (a redirect's ``Location`` is a signed URL);
- stamina logs each retry on ``stamina`` at WARNING, with the exception that caused it in the
  ``stamina.caused_by`` extra.

An application that shows those records calls :func:`redact_signed_urls_in_logs` once (the
command line does). A logger's filters only see the records created on that very logger (not those
its children propagate), so it adds a SignedURLFilter to each of :data:`OTHER_LOGGERS`, plus any
other ``httpx.*`` / ``httpcore.*`` / ``stamina.*`` logger that exists then. In each record the
filter rewrites the message, the arguments and stamina's extras: the values of every query string
that carries a signature-like parameter (``signature``, ``X-Amz-Signature``, ``token``,
``expires``, ``Key-Pair-Id``, ...) become ``***``. Other URLs are left as they are. A handler
anywhere (the root logger's included) then only ever sees redacted text. None of these libraries
logs request headers, so the ``Authorization`` header (the API token) is never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import httpx

from ._redact import redact_signed_queries

__all__ = ["OTHER_LOGGERS", "SignedURLFilter", "logger", "redact_signed_urls_in_logs"]

logger = logging.getLogger("magic_hour_ext")

#: The loggers of other libraries that log URLs of our requests (filters apply per logger).
OTHER_LOGGERS = (
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


def redact_signed_urls_in_logs() -> None:
    """Redact signed URLs in the log records of httpx, httpcore and stamina (process-wide, opt-in).

    httpx logs each request's URL at INFO, httpcore each response's headers at DEBUG (a redirect's
    ``Location`` is a signed URL), stamina each retry with its cause. Call this once, where the
    application configures logging, if it shows those records (``logging.basicConfig(level=...)``,
    a handler on the root logger, ...): a :class:`SignedURLFilter` is added, once, to each of
    :data:`OTHER_LOGGERS` and to every existing ``httpx.*``, ``httpcore.*`` and ``stamina.*``
    logger, so the values of signed query strings show as ``***``. Nothing else changes: no
    handler, no level, and a record is never dropped. Records of ``magic_hour_ext`` itself are
    redacted without it. The ``magic-hour-ext`` command line calls it.

    Example:
        >>> import logging
        >>> from magic_hour_ext import redact_signed_urls_in_logs
        >>> redact_signed_urls_in_logs()
        >>> url = "https://cdn.example/id/output.png?expires=1700000000&signature=abc"
        >>> record = logging.LogRecord("httpx", logging.INFO, "", 0, "HTTP Request: GET %s", (url,), None)
        >>> bool(logging.getLogger("httpx").filter(record)), record.getMessage()
        (True, 'HTTP Request: GET https://cdn.example/id/output.png?expires=***&signature=***')
    """
    existing = [name for name in logging.Logger.manager.loggerDict if name.startswith(_CHILDREN)]
    for name in (*OTHER_LOGGERS, *existing):
        target = logging.getLogger(name)
        if not any(isinstance(f, SignedURLFilter) for f in target.filters):
            target.addFilter(SignedURLFilter())


_CHILDREN = tuple(f"{name}." for name in ("httpx", "httpcore", "stamina"))
