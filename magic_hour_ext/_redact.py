"""Redaction of signed URLs: their query string is a credential, so it is never logged or shown."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

__all__ = ["REDACTED", "is_signed_query", "redact_signed_queries", "redact_text", "redact_url"]

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


# A query key that marks a signed URL (``signature``, ``X-Amz-Signature``, ``sig``, ``token``,
# ``expires``, ``Key-Pair-Id``, ``X-Amz-Credential``, ``Policy``, ...).
_SIGNED_KEY = re.compile(
    r"(^|[&?])[^=&]*(sig|token|key|expires|credential|policy|auth)[^=&]*=", re.IGNORECASE
)

# A query string inside free text (a URL, a bare path such as a relative ``Location``, or one inside
# a ``repr`` of bytes): a ``?`` after a path character, up to whitespace or a bracket. A quote ends
# it only where a repr would close its string (before ``,``, ``)``, ``]``, ``}``, whitespace or the
# end), so a quote inside a signature does not let the rest of it through; ``\'`` is kept whole.
_QUERY_IN_TEXT = re.compile(r"(?<=[\w/.~%:-])\?(?:\\.|['\"](?![\s,)\]}>]|$)|[^\s'\"<>\\])*")


def is_signed_query(query: str) -> bool:
    """Whether a query string (with or without its ``?``) carries a signature-like parameter.

    Example:
        >>> is_signed_query("expires=1&signature=abc"), is_signed_query("?q=cats")
        (True, False)
    """
    return _SIGNED_KEY.search(query if query.startswith("?") else "?" + query) is not None


def _redact_query(match: re.Match[str]) -> str:
    query = match.group(0)
    if not is_signed_query(query):
        return query
    return "?" + "&".join(_redact_pair(pair) for pair in query[1:].split("&"))


def redact_signed_queries(text: str) -> str:
    """*text* with the values of every signed query string in it replaced by ``***``.

    Finds query strings anywhere: in full URLs, in bare paths (a relative ``Location`` header), in
    the ``repr`` of bytes that httpcore logs. Queries without a signature-like key stay as they are.

    Example:
        >>> redact_signed_queries("(b'Location', b'/r/x.png?expires=17&signature=ab'), (b'Via', b'x?q=1')")
        "(b'Location', b'/r/x.png?expires=***&signature=***'), (b'Via', b'x?q=1')"
    """
    return _QUERY_IN_TEXT.sub(_redact_query, text) if "?" in text else text
