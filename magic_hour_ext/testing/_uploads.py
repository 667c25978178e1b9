"""Uploads on the local server: the slots upload-urls hands out, and the files `PUT` to them.

Each item of `POST /v1/files/upload-urls` gets a slot: its `file_path` (`api-assets/<id>/<n>.<ext>`,
as the spec's examples show) and a signed, expiring `PUT` URL on the download host. A `PUT` to it
is streamed into a temporary directory that the server owns (created by `start()`, removed by
`stop()`), never held in memory; once whole, it becomes a `StoredUpload`, which a create call can
then name. A second `PUT` to the same URL replaces the file, as S3 does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .._assets import ASSET_TYPES, EXTENSIONS
from .._schema import first_problem

__all__ = ["UPLOAD_URLS_BODY", "Incoming", "StoredUpload", "UploadSlot", "UploadStore", "upload_urls_problem"]

_BUFFER = 1 << 20  # bytes gathered before a write to disk


@dataclass(frozen=True, slots=True)
class UploadSlot:
    """What upload-urls handed out for one item: where it goes, and until when its URL works."""

    file_path: str
    asset_type: str
    extension: str
    expires: int

    @property
    def url_path(self) -> str:
        """The path of its upload URL on the download host: `/api-assets/<id>/<n>.<ext>`."""
        return "/" + self.file_path


@dataclass(frozen=True, slots=True)
class StoredUpload:
    """A file uploaded to the local server: `server.uploads[file_path]`.

    Attributes:
        file_path: What upload-urls answered, and what a create call names: `api-assets/<id>/0.png`.
        asset_type: The `type` upload-urls was asked for: "image", "video" or "audio".
        extension: The `extension` it was asked for: "png".
        size: The bytes received.
        path: Where the server keeps it, until the server stops.

    Example:
        >>> from pathlib import Path
        >>> from magic_hour_ext import upload_file
        >>> data = bytes(range(256)) * 4096
        >>> _ = Path("clip.mp4").write_bytes(data)
        >>> file_path = upload_file("clip.mp4")  # MAGIC_HOUR_BASE_URL is this server's
        >>> upload = server.uploads[file_path]
        >>> upload.file_path.endswith(".mp4"), upload.asset_type, upload.size
        (True, 'video', 1048576)
        >>> upload.sha256() == hashlib.sha256(data).hexdigest()
        True
    """

    file_path: str
    asset_type: str
    extension: str
    size: int
    path: Path

    def read(self) -> bytes:
        """Its bytes, whole (for small files)."""
        return self.path.read_bytes()

    def sha256(self) -> str:
        """The SHA-256 of its bytes, in hex, read from disk a MiB at a time."""
        digest = hashlib.sha256()
        with self.path.open("rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()


class UploadStore:
    """The slots and the stored files of one server (thread-safe: tests read it from their thread)."""

    def __init__(self, parent: str | os.PathLike[str] | None = None) -> None:
        self._lock = threading.Lock()
        self._parent = parent
        self._directory: Path | None = None
        self._slots: dict[str, UploadSlot] = {}
        self._stored: dict[str, StoredUpload] = {}
        self._count = 0

    def open(self) -> None:
        """Create the temporary directory the files go to."""
        self._directory = Path(tempfile.mkdtemp(prefix="magic-hour-uploads-", dir=self._parent))

    def close(self) -> None:
        """Remove the temporary directory and everything in it."""
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None

    @property
    def directory(self) -> Path:
        if self._directory is None:
            raise RuntimeError("The server is not started: use `with MagicHourServer() as server:`")
        return self._directory

    def add_slot(self, slot: UploadSlot) -> None:
        with self._lock:
            self._slots[slot.url_path] = slot

    def slot(self, url_path: str) -> UploadSlot | None:
        """The slot whose upload URL has this (decoded) path, if any."""
        with self._lock:
            return self._slots.get(url_path)

    def incoming(self, slot: UploadSlot) -> Incoming:
        """A new file to stream one upload into; see `Incoming`."""
        with self._lock:
            self._count += 1
            temp = self.directory / f"{self._count}.part"
        return Incoming(self, slot, temp)

    def _commit(self, stored: StoredUpload) -> None:
        with self._lock:
            previous = self._stored.pop(stored.file_path, None)
            self._stored[stored.file_path] = stored
        if previous is not None:
            previous.path.unlink(missing_ok=True)

    def stored(self) -> dict[str, StoredUpload]:
        """The uploads stored so far, by file_path, in the order they completed (a copy)."""
        with self._lock:
            return dict(self._stored)

    def clear(self) -> None:
        """Forget every stored upload and remove its file (the slots handed out stay valid)."""
        with self._lock:
            stored, self._stored = list(self._stored.values()), {}
        for upload in stored:
            upload.path.unlink(missing_ok=True)

    def get(self, file_path: str) -> StoredUpload | None:
        with self._lock:
            return self._stored.get(file_path)


class Incoming:
    """One upload being received: written to a temporary file, kept only by `commit()`.

    `discard()` (idempotent, a no-op after `commit()`) removes the partial file: call it in a
    `finally`, so that a client gone away or a body cut short leaves nothing behind.
    """

    def __init__(self, store: UploadStore, slot: UploadSlot, temp: Path) -> None:
        self._store = store
        self._slot = slot
        self._temp = temp
        self._file = temp.open("xb", buffering=_BUFFER)
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self.size += len(chunk)

    def commit(self) -> StoredUpload:
        """Keep the file: it becomes the stored upload of its slot's file_path."""
        self._file.close()
        final = self._temp.with_suffix("")
        self._temp.replace(final)
        stored = StoredUpload(
            self._slot.file_path, self._slot.asset_type, self._slot.extension, self.size, final
        )
        self._store._commit(stored)
        return stored

    def discard(self) -> None:
        if not self._file.closed:
            self._file.close()
            self._temp.unlink(missing_ok=True)


#: `POST /v1/files/upload-urls`' request body, as openapi.yaml gives it.
UPLOAD_URLS_BODY: Final[Mapping[str, Any]] = {
    "type": "object",
    "properties": {
        "items": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": list(ASSET_TYPES)},
                    "extension": {"type": "string", "pattern": "^[a-z0-9]+$"},
                },
                "required": ["type", "extension"],
            },
        }
    },
    "required": ["items"],
}


def upload_urls_problem(payload: Any) -> str | None:
    """Why upload-urls refuses *payload* (the first problem), or None.

    Beyond the schema, each extension must be one its asset type takes (upload-urls'
    description lists them; `magic_hour_ext._assets` holds the table).

    Example:
        >>> upload_urls_problem({"items": [{"type": "image", "extension": "mp4"}]})
        'items[0].extension: an image upload cannot be a .mp4 file'
        >>> upload_urls_problem({"items": [{"type": "video", "extension": "gif"}]}) is None
        True
    """
    problem = first_problem(payload, UPLOAD_URLS_BODY)
    if problem is not None:
        return problem
    for index, item in enumerate(payload["items"]):
        asset_type, extension = item["type"], item["extension"]
        if extension not in EXTENSIONS[asset_type]:
            article = "an" if asset_type[0] in "aeiou" else "a"
            return f"items[{index}].extension: {article} {asset_type} upload cannot be a .{extension} file"
    return None
