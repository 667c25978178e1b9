"""Routes of one host: which endpoint answers a method and a path, and the path's parameters.

A pattern is a path with parameters in braces: `{name}` matches one non-empty segment (an
unencoded "/" never reaches it, as in production; "%2F" does), `{name:path}` matches the rest
of the path, slashes included. Parameters come percent-decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import unquote

__all__ = ["MethodNotAllowed", "NotFound", "Router"]

T = TypeVar("T")

_PARAMETER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(:path)?\}")


class NotFound(Exception):
    """No pattern of this host matches the path."""


class MethodNotAllowed(Exception):
    """The path matches, but not with this method; `allowed` lists the methods that would."""

    def __init__(self, allowed: tuple[str, ...]) -> None:
        super().__init__(", ".join(allowed))
        self.allowed = allowed


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    method: str
    regex: re.Pattern[str]
    target: T


def _compile(pattern: str) -> re.Pattern[str]:
    if not pattern.startswith("/"):
        raise ValueError(f"A route pattern starts with '/', got {pattern!r}")
    parts: list[str] = []
    position = 0
    for match in _PARAMETER.finditer(pattern):
        parts.append(re.escape(pattern[position : match.start()]))
        parts.append(f"(?P<{match[1]}>.*)" if match[2] else f"(?P<{match[1]}>[^/]+)")
        position = match.end()
    parts.append(re.escape(pattern[position:]))
    return re.compile("".join(parts))


class Router(Generic[T]):
    """(method, path pattern) -> target, for one host; the first matching pattern wins.

    Example:
        >>> router: Router[str] = Router()
        >>> router.add("GET", "/v1/image-projects/{id}", "get a project")
        >>> router.resolve("GET", "/v1/image-projects/a%2Fb")
        ('get a project', {'id': 'a/b'})
        >>> router.resolve("POST", "/v1/image-projects/x")
        Traceback (most recent call last):
        ...
        magic_hour_ext.testing._router.MethodNotAllowed: GET
    """

    def __init__(self) -> None:
        self._entries: list[_Entry[T]] = []

    def add(self, method: str, pattern: str, target: T) -> None:
        """Route `method` (upper case, e.g. "GET") on paths matching `pattern` to `target`."""
        self._entries.append(_Entry(method.upper(), _compile(pattern), target))

    def resolve(self, method: str, path: str) -> tuple[T, dict[str, str]]:
        """The target and decoded parameters for this request; NotFound or MethodNotAllowed."""
        allowed: list[str] = []
        for entry in self._entries:
            match = entry.regex.fullmatch(path)
            if match is None:
                continue
            if entry.method == method:
                return entry.target, {name: unquote(value) for name, value in match.groupdict().items()}
            if entry.method not in allowed:
                allowed.append(entry.method)
        if allowed:
            raise MethodNotAllowed(tuple(allowed))
        raise NotFound(path)
