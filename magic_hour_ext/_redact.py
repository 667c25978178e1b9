"""Redaction of signed URLs: their query string is a credential, so it is never logged or shown."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

__all__ = ["REDACTED", "redact_text", "redact_url"]

REDACTED = "***"

# A URL inside free text: scheme://... up to whitespace or a quote.
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")


def redact_url(url: str) -> str:
    """*url* with every query value, the fragment and any user info replaced by ``***``.

    The keys of the query string stay, so a reader still sees which parameters were sent.

    Example:
        >>> redact_url("https://cdn.example/id/output.png?expires=1700000000&signature=abc")
        'https://cdn.example/id/output.png?expires=***&signature=***'
    """
    try:
        parts = urlsplit(str(url))
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<unparseable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{host}" + (f":{port}" if port is not None else "")
    query = "&".join(_redact_pair(pair) for pair in parts.query.split("&")) if parts.query else ""
    fragment = REDACTED if parts.fragment else ""
    return urlunsplit(SplitResult(parts.scheme, netloc, parts.path, query, fragment))


def _redact_pair(pair: str) -> str:
    key, sep, _value = pair.partition("=")
    return f"{key}={REDACTED}" if sep else REDACTED if key else ""


def redact_text(text: str) -> str:
    """*text* with every URL in it passed through :func:`redact_url`.

    Example:
        >>> redact_text("GET http://h/x.png?signature=s failed")
        'GET http://h/x.png?signature=*** failed'
    """
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
