"""Resuming across runs, without I/O: what a partial file is, what its metadata says, and whether to use it.

An output whose download fails or is interrupted keeps what arrived in a partial file next to its
final name, ``.<final name>.partial`` (``.mh-abc-1.png.partial``), and what is needed to resume it
safely beside it, ``.<final name>.partial.json`` (:class:`PartialMeta`): the URL it came from
without its query (the signature is a credential, and it changes when the URL is refreshed), the
output's size, and the ``ETag`` and ``Last-Modified`` the download host gave. The next run for the
same output (:func:`plan_resume`) continues from the bytes the partial file holds with ``Range``,
and ``If-Range`` when there is a validator, so a host whose file changed sends the whole new file
instead (a ``200``: the download starts again from zero). Anything that does not match (another
URL path, the size, the validator, a ``206`` of another file, an encoded body) starts again from
zero too. The file I/O (locking, reading, writing, removing) is in ``_files.py``.

A partial file never takes the final name unless it is complete and size-checked; a finished
download, or ``overwrite=True``, removes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from attrs import frozen

__all__ = [
    "META_SUFFIX",
    "PARTIAL_SUFFIX",
    "PartialMeta",
    "ResumePlan",
    "if_range",
    "meta_path",
    "partial_path",
    "plan_resume",
    "resource_of",
]

PARTIAL_SUFFIX = ".partial"
META_SUFFIX = ".partial.json"
_FORMAT = 1


def partial_path(final: Path) -> Path:
    """The partial file of the output saved at *final*: hidden, next to it, saying what it is.

    Example:
        >>> partial_path(Path("out/mh-abc-1.png"))
        PosixPath('out/.mh-abc-1.png.partial')
    """
    return final.with_name(f".{final.name}{PARTIAL_SUFFIX}")


def meta_path(final: Path) -> Path:
    """The metadata of the partial file of the output saved at *final*.

    Example:
        >>> meta_path(Path("out/mh-abc-1.png"))
        PosixPath('out/.mh-abc-1.png.partial.json')
    """
    return final.with_name(f".{final.name}{META_SUFFIX}")


def resource_of(url: str) -> str:
    """What a download URL names, without what only grants access: scheme, host, port and path.

    The query (the signature and expiry of a signed URL) and any user info are left out: they are
    credentials, and a refreshed URL of the same output differs only there.

    Example:
        >>> resource_of("https://CDN.example:8443/abc/output.png?expires=1&signature=s3cr3t")
        'https://cdn.example:8443/abc/output.png'
    """
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port is not None else ""
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}{port}{parts.path}"


def if_range(etag: str | None, last_modified: str | None) -> str | None:
    """The ``If-Range`` value for a resumed download: the strong ``ETag``, else ``Last-Modified``.

    A weak ``ETag`` (``W/"..."``) may not be sent in ``If-Range`` (RFC 9110, 13.1.5).

    Example:
        >>> if_range('"abc"', None), if_range('W/"abc"', "Wed, 21 Oct 2015"), if_range(None, None)
        ('"abc"', 'Wed, 21 Oct 2015', None)
    """
    if etag and not etag.startswith("W/"):
        return etag
    return last_modified or None


@frozen
class PartialMeta:
    """What is known of the file a partial file is the beginning of.

    Attributes:
        url: The resource (:func:`resource_of`: no query, no credential).
        size: The output's full size, in bytes.
        etag: The ``ETag`` the download host gave, or None.
        last_modified: The ``Last-Modified`` it gave, or None.

    Example:
        >>> meta = PartialMeta("https://cdn/abc/output.png", 2000, '"e1"', None)
        >>> PartialMeta.from_json(meta.to_json()) == meta
        True
        >>> PartialMeta.from_json('{"format": 1, "url": 5}') is None
        True
    """

    url: str
    size: int
    etag: str | None = None
    last_modified: str | None = None

    def to_json(self) -> str:
        """The metadata file's text."""
        body = {
            "format": _FORMAT,
            "url": self.url,
            "size": self.size,
            "etag": self.etag,
            "last_modified": self.last_modified,
        }
        return json.dumps(body, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PartialMeta | None:
        """The metadata in *text*, or None when it is not metadata this version can trust."""
        try:
            body: Any = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if not isinstance(body, dict) or body.get("format") != _FORMAT:
            return None
        url, size = body.get("url"), body.get("size")
        etag, modified = body.get("etag"), body.get("last_modified")
        if not isinstance(url, str) or isinstance(size, bool) or not isinstance(size, int) or size <= 0:
            return None
        if not all(value is None or isinstance(value, str) for value in (etag, modified)):
            return None
        return cls(url, size, etag, modified)


@frozen
class ResumePlan:
    """Whether to continue a partial file of an earlier run: from *offset*, or from 0 (*why*)."""

    offset: int
    why: str


def plan_resume(meta: PartialMeta | None, held: int, url: str) -> ResumePlan:
    """THE rule for a partial file of an earlier run: continue it, or start again from zero.

    It continues (with ``Range: bytes=<held>-`` and ``If-Range``) only when the metadata is there
    and names the same resource as *url* (its query aside), and the partial file holds some bytes,
    but fewer than the output's size. Whatever the download host answers then is checked again by
    the download (``_download.Transfer.start``): a ``200``, a ``206`` of another size or
    validator, or an encoded body start again from zero.

    Example:
        >>> meta = PartialMeta("https://cdn/abc/output.png", 2000, '"e1"', None)
        >>> plan_resume(meta, 800, "https://cdn/abc/output.png?expires=2&signature=new")
        ResumePlan(offset=800, why='it holds 800 of 2000 bytes')
        >>> plan_resume(meta, 800, "https://cdn/xyz/output.png?signature=s").why
        'it is of another URL'
    """
    if held <= 0:
        return ResumePlan(0, "it is empty")
    if meta is None:
        return ResumePlan(0, "its metadata is missing or unreadable")
    if meta.url != resource_of(url):
        return ResumePlan(0, "it is of another URL")
    if held >= meta.size:
        return ResumePlan(0, f"it holds {held} bytes, not fewer than the output's {meta.size}")
    return ResumePlan(held, f"it holds {held} of {meta.size} bytes")
