"""The file side of an upload, shared by the sync and async drivers: the body of ONE attempt.

A :class:`FileBody` opens the file when its first byte is asked for, reads it from its start a
MiB at a time, and never holds more than that chunk: a 1 GiB upload costs about a MiB of memory.
Each attempt gets a new one, so a retry sends the whole file again and never an empty or partial
body (httpx cannot replay a consumed stream). The file must keep the size its ``Content-Length``
announced: a file that shrinks or grows while it is sent raises UploadError (file reads are
blocking in the async driver too, as the downloads' writes are: a MiB read from the page cache
takes well under a millisecond).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

from ._errors import UploadError

__all__ = ["CHUNK_SIZE", "FileBody", "file_size"]

#: Bytes read from the file at a time, and handed to the connection as one piece.
CHUNK_SIZE = 1 << 20


def file_size(path: Path) -> int:
    """The size of the file at *path* now.

    Raises:
        UploadError: it cannot be read (gone, a permission error, ...).
    """
    try:
        return os.stat(path).st_size
    except OSError as exc:
        raise UploadError(f"cannot read it: {exc.strerror or exc}", path=path) from exc


class FileBody:
    """The bytes of the file at *path*, *size* of them, for one attempt (``for``, or ``asynchronous()``).

    Args:
        path: The file.
        size: The ``Content-Length`` sent: the file's size when the attempt began.
        on_chunk: Called with (bytes handed over so far, *size*): with 0 when the attempt
            starts, then after each chunk.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "a.bin")
        ...     _ = path.write_bytes(b"x" * (CHUNK_SIZE + 1))
        ...     [len(chunk) for chunk in FileBody(path, CHUNK_SIZE + 1)]
        [1048576, 1]
    """

    def __init__(self, path: Path, size: int, on_chunk: Callable[[int, int], None] | None = None) -> None:
        self.path = path
        self.size = size
        self._on_chunk = on_chunk

    def _read(self) -> Iterator[bytes]:
        sent = 0
        if self._on_chunk is not None:
            self._on_chunk(0, self.size)
        try:
            with self.path.open("rb", buffering=0) as file:
                while sent < self.size:
                    chunk = file.read(min(CHUNK_SIZE, self.size - sent))
                    if not chunk:
                        raise UploadError(
                            f"the file shrank while it was sent ({sent} of {self.size} bytes)", path=self.path
                        )
                    sent += len(chunk)
                    yield chunk
                    if self._on_chunk is not None:
                        self._on_chunk(sent, self.size)
                if file.read(1):
                    raise UploadError(
                        f"the file grew while it was sent (beyond {self.size} bytes)", path=self.path
                    )
        except OSError as exc:
            raise UploadError(f"cannot read it: {exc.strerror or exc}", path=self.path) from exc

    def __iter__(self) -> Iterator[bytes]:
        return self._read()

    async def asynchronous(self) -> AsyncIterator[bytes]:
        """The same bytes for an ``httpx.AsyncClient``: it takes a body that is only async-iterable."""
        for chunk in self._read():
            yield chunk
