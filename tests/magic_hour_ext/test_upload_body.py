"""The body of one upload attempt: read from the start, a MiB at a time, and only the announced size."""

from pathlib import Path

import anyio.lowlevel
import pytest

from magic_hour_ext import UploadError
from magic_hour_ext._upload_body import CHUNK_SIZE, FileBody, file_size


def test_each_body_reads_the_file_from_its_start(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"a" * CHUNK_SIZE + b"b" * 10)
    seen: list[tuple[int, int]] = []
    body = FileBody(path, CHUNK_SIZE + 10, lambda sent, total: seen.append((sent, total)))
    assert b"".join(body) == path.read_bytes()
    assert b"".join(body) == path.read_bytes()  # iterated again: the whole file again
    assert (
        seen == [(0, CHUNK_SIZE + 10), (CHUNK_SIZE, CHUNK_SIZE + 10), (CHUNK_SIZE + 10, CHUNK_SIZE + 10)] * 2
    )


@pytest.mark.anyio
async def test_the_async_body_is_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"xyz" * 1000)
    assert b"".join([chunk async for chunk in FileBody(path, 3000).asynchronous()]) == path.read_bytes()
    await anyio.lowlevel.checkpoint()


@pytest.mark.parametrize(
    ("size", "message"), [(11, "shrank while it was sent"), (9, "grew while it was sent")]
)
def test_a_file_that_changed_size_is_never_sent_short_or_long(
    tmp_path: Path, size: int, message: str
) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"0123456789")
    with pytest.raises(UploadError, match=message) as caught:
        b"".join(FileBody(path, size))
    assert caught.value.path == path


def test_a_file_that_cannot_be_read_is_an_upload_error(tmp_path: Path) -> None:
    with pytest.raises(UploadError, match="cannot read it"):
        file_size(tmp_path / "gone.png")
    with pytest.raises(UploadError, match="cannot read it"):
        b"".join(FileBody(tmp_path / "gone.png", 3))
