from __future__ import annotations

from collections.abc import Iterator

import httpcore
import pytest

from magic_hour_ext import _read_size


@pytest.fixture
def restore() -> Iterator[None]:
    saved = httpcore.HTTP11Connection.READ_NUM_BYTES, httpcore.AsyncHTTP11Connection.READ_NUM_BYTES
    yield
    httpcore.HTTP11Connection.READ_NUM_BYTES, httpcore.AsyncHTTP11Connection.READ_NUM_BYTES = saved


@pytest.mark.usefixtures("restore")
def test_default_read_size_is_raised_for_sync_and_async() -> None:
    httpcore.HTTP11Connection.READ_NUM_BYTES = 64 * 1024
    httpcore.AsyncHTTP11Connection.READ_NUM_BYTES = 64 * 1024
    _read_size.raise_read_size()
    assert httpcore.HTTP11Connection.READ_NUM_BYTES == _read_size.READ_SIZE
    assert httpcore.AsyncHTTP11Connection.READ_NUM_BYTES == _read_size.READ_SIZE


@pytest.mark.usefixtures("restore")
def test_an_applications_own_setting_is_kept() -> None:
    httpcore.HTTP11Connection.READ_NUM_BYTES = 4096
    _read_size.raise_read_size()
    assert httpcore.HTTP11Connection.READ_NUM_BYTES == 4096


def test_importing_the_package_applies_it() -> None:
    import magic_hour_ext  # noqa: F401  (the import is the subject)

    assert httpcore.HTTP11Connection.READ_NUM_BYTES >= _read_size.READ_SIZE
