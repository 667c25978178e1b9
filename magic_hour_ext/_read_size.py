"""How much httpcore reads from a socket at once: 1 MiB instead of 64 KiB, for fast downloads.

httpx hands a response body over in the pieces httpcore reads from the socket, at most
``READ_NUM_BYTES`` (64 KiB) each. Every piece costs a trip through h11, httpcore and httpx, and
for a large output that per-piece overhead, not the network, limits the download: on loopback,
1 MiB reads make ``check_result`` download a 1 GiB output about 1.5 times as fast
(``make bench``, row 2a). A larger read only raises the most one ``recv`` may return; it changes
nothing for small responses, so other users of httpx in the process are unaffected in practice.

The setting is made once, on import, and only where httpcore still has its default, so an
application that tuned it itself keeps its own value.
"""

from __future__ import annotations

import httpcore

__all__ = ["READ_SIZE", "raise_read_size"]

#: Bytes per socket read for HTTP/1.1 response bodies.
READ_SIZE = 1024 * 1024
_HTTPCORE_DEFAULT = 64 * 1024


def raise_read_size() -> None:
    """Let httpcore read up to READ_SIZE bytes per socket read (sync and async connections).

    Example:
        >>> raise_read_size()
        >>> httpcore.HTTP11Connection.READ_NUM_BYTES >= READ_SIZE
        True
    """
    for connection in (httpcore.HTTP11Connection, httpcore.AsyncHTTP11Connection):
        if connection.READ_NUM_BYTES == _HTTPCORE_DEFAULT:
            connection.READ_NUM_BYTES = READ_SIZE
