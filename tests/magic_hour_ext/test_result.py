from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from magic_hour_ext import DownloadProgress


def test_progress_fraction() -> None:
    assert DownloadProgress(1, Path("x"), 5, 10).fraction == 0.5
    assert DownloadProgress(1, Path("x"), 5, None).fraction is None
    assert DownloadProgress(1, Path("x"), 0, 0).fraction is None


def test_progress_is_frozen() -> None:
    progress = DownloadProgress(1, Path("x"), 5, 10)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        progress.bytes_done = 6  # type: ignore[misc]
