from __future__ import annotations

import logging
import threading
from pathlib import Path

import httpx
import pytest

from magic_hour_ext._download import DownloadItem, Transfer
from magic_hour_ext._errors import DownloadError, OutputExistsError
from magic_hour_ext._files import Cancelled, commit_file, open_sink, prepare_directory
from magic_hour_ext._result import DownloadProgress
from magic_hour_ext._retry import RetryState, TransientError
from tests.magic_hour_ext._helpers import files

URL = "http://cdn/p/0/output.png?signature=SECRET"


def item(tmp_path: Path, name: str = "mh-p-1.png") -> DownloadItem:
    return DownloadItem(1, URL, tmp_path / name)


def transfer() -> Transfer:
    return Transfer(URL, RetryState(lambda: None))


def test_saves_atomically_and_reports_progress(tmp_path: Path) -> None:
    progress: list[DownloadProgress] = []
    with open_sink(item(tmp_path), overwrite=False, on_progress=progress.append) as sink:
        assert sink.temp is None  # created by the first response with a body
        assert sink.begin(200, httpx.Headers({"content-length": "6"}))
        assert sink.temp is not None
        assert sink.temp.parent == tmp_path
        assert sink.temp.name.startswith(".mh-p-1.png.")
        assert sink.temp.name.endswith(".part")
        sink.write(b"abc")
        assert not (tmp_path / "mh-p-1.png").exists()
        sink.write(b"def")
        assert sink.finish() == tmp_path / "mh-p-1.png"
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"abcdef"
    assert [p.bytes_done for p in progress] == [0, 3, 6]
    assert {p.bytes_total for p in progress} == {6}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mh-p-1.png"]


def test_rewrite_truncates(tmp_path: Path) -> None:
    with open_sink(item(tmp_path), overwrite=False) as sink:
        sink.begin(200, httpx.Headers({"content-length": "3"}))
        sink.write(b"xx")
        sink.begin(200, httpx.Headers({"content-length": "3"}))
        sink.write(b"abc")
        sink.finish()
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"abc"


def _fail_midway(directory: Path, error: BaseException) -> None:
    with open_sink(item(directory), overwrite=False) as sink:
        sink.begin(200, httpx.Headers({"content-length": "10"}))
        sink.write(b"abc")
        raise error


@pytest.mark.parametrize(
    "error",
    [
        KeyboardInterrupt(),
        Cancelled(),
        httpx.ReadError("x"),
        TransientError("short"),
        OSError(28, "No space"),
    ],
)
def test_no_partial_file_after_any_failure(tmp_path: Path, error: BaseException) -> None:
    with pytest.raises((DownloadError, KeyboardInterrupt, Cancelled)) as info:
        _fail_midway(tmp_path, error)
    assert list(tmp_path.iterdir()) == []
    if isinstance(error, Exception):
        assert isinstance(info.value, DownloadError)
        assert "SECRET" not in str(info.value)
    else:
        assert info.value is error


def test_expired_leaves_nothing(tmp_path: Path) -> None:
    with open_sink(item(tmp_path), overwrite=False) as sink:
        assert sink.begin(403, httpx.Headers()) is False
    assert list(tmp_path.iterdir()) == []


def test_existing_file_of_another_size_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "mh-p-1.png").write_bytes(b"keep")
    with (
        pytest.raises(OutputExistsError, match="holds 4 bytes") as info,
        open_sink(item(tmp_path), overwrite=False) as sink,
    ):
        sink.begin(200, httpx.Headers({"content-length": "5"}))
    assert info.value.path == tmp_path / "mh-p-1.png"
    assert "SECRET" not in str(info.value)
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"keep"
    assert files(tmp_path) == ["mh-p-1.png"]


def test_existing_file_without_an_announced_size_is_judged_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "mh-p-1.png").write_bytes(b"keep")
    with open_sink(item(tmp_path), overwrite=False) as sink:
        assert sink.begin(200, httpx.Headers())  # the size is unknown: download it
        sink.write(b"other")
        with pytest.raises(OutputExistsError, match=r"holds 4 bytes \(the download has 5\)"):
            sink.finish()
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"keep"
    assert files(tmp_path) == ["mh-p-1.png"]


def test_existing_file_without_an_announced_size_of_the_size_downloaded_is_kept(tmp_path: Path) -> None:
    (tmp_path / "mh-p-1.png").write_bytes(b"keep")
    inode = (tmp_path / "mh-p-1.png").stat().st_ino
    with open_sink(item(tmp_path), overwrite=False) as sink:
        assert sink.begin(200, httpx.Headers())
        sink.write(b"same")
        assert sink.finish() == tmp_path / "mh-p-1.png"
    assert (tmp_path / "mh-p-1.png").stat().st_ino == inode  # kept as it was
    assert files(tmp_path) == ["mh-p-1.png"]


def test_a_file_of_the_same_size_saved_meanwhile_is_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    progress: list[DownloadProgress] = []
    with (
        caplog.at_level(logging.INFO, "magic_hour_ext"),
        open_sink(item(tmp_path), overwrite=False, on_progress=progress.append) as sink,
    ):
        sink.begin(200, httpx.Headers({"content-length": "3"}))
        sink.write(b"new")
        (tmp_path / "mh-p-1.png").write_bytes(b"NEW")  # another saver of the same project won
        assert sink.finish() == tmp_path / "mh-p-1.png"
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"NEW"
    assert files(tmp_path) == ["mh-p-1.png"]  # no .part left
    assert progress[-1].bytes_done == progress[-1].bytes_total == 3
    assert "already saved" in caplog.text


def test_existing_file_of_the_announced_size_is_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "mh-p-1.png").write_bytes(b"keep")
    progress: list[DownloadProgress] = []
    with (
        caplog.at_level(logging.INFO, "magic_hour_ext"),
        open_sink(item(tmp_path), overwrite=False, on_progress=progress.append) as sink,
    ):
        assert sink.begin(200, httpx.Headers({"content-length": "4"})) is False  # no body wanted
        assert sink.temp is None
        assert sink.finish() == tmp_path / "mh-p-1.png"
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"keep"
    assert files(tmp_path) == ["mh-p-1.png"]
    assert [(p.bytes_done, p.bytes_total) for p in progress] == [(4, 4)]
    assert "already saved" in caplog.text
    assert "SECRET" not in caplog.text


def test_overwrite_replaces_even_a_file_of_the_same_size(tmp_path: Path) -> None:
    (tmp_path / "mh-p-1.png").write_bytes(b"old!")
    with open_sink(item(tmp_path), overwrite=True) as sink:
        assert sink.begin(200, httpx.Headers({"content-length": "4"}))
        sink.write(b"new!")
        sink.finish()
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"new!"


def test_temp_file_that_cannot_be_created_is_a_download_error(tmp_path: Path) -> None:
    # No file can be created in /proc/self, even by root.
    target = DownloadItem(1, URL, Path("/proc/self/mh-p-1.png"))
    with (
        pytest.raises(DownloadError, match="cannot write output 1") as info,
        open_sink(target, overwrite=False) as sink,
    ):
        sink.begin(200, httpx.Headers({"content-length": "1"}))
    assert not isinstance(info.value, OutputExistsError)
    assert info.value.path == target.path
    assert "SECRET" not in str(info.value)


def test_final_status_errors_carry_the_path(tmp_path: Path) -> None:
    with (
        pytest.raises(DownloadError, match="404") as info,
        open_sink(item(tmp_path), overwrite=False) as sink,
    ):
        sink.begin(404, httpx.Headers())
    assert info.value.path == tmp_path / "mh-p-1.png"


def test_expired_url_finishes_with_none(tmp_path: Path) -> None:
    with open_sink(item(tmp_path), overwrite=False) as sink:
        assert sink.begin(410, httpx.Headers()) is False
        assert sink.finish() is None
    assert files(tmp_path) == []


def test_abandon_removes_the_name_while_the_writer_holds_the_file(tmp_path: Path) -> None:
    cancel = threading.Event()
    with pytest.raises(Cancelled), open_sink(item(tmp_path), overwrite=False, cancel=cancel) as sink:  # noqa: PT012
        sink.begin(200, httpx.Headers({"content-length": "2"}))
        sink.write(b"a")
        cancel.set()
        sink.abandon()  # from the main thread
        assert files(tmp_path) == []
        sink.finish()  # cannot commit once cancelled
    assert files(tmp_path) == []


def test_a_cancelled_sink_does_not_start(tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled), open_sink(item(tmp_path), overwrite=False, cancel=cancel) as sink:
        sink.begin(200, httpx.Headers({"content-length": "2"}))
    assert files(tmp_path) == []


def test_file_appearing_during_download_is_kept(tmp_path: Path) -> None:
    with pytest.raises(OutputExistsError), open_sink(item(tmp_path), overwrite=False) as sink:  # noqa: PT012
        sink.begin(200, httpx.Headers({"content-length": "3"}))
        sink.write(b"new")
        (tmp_path / "mh-p-1.png").write_bytes(b"theirs")
        sink.finish()
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mh-p-1.png"]


def test_overwrite_replaces(tmp_path: Path) -> None:
    (tmp_path / "mh-p-1.png").write_bytes(b"old")
    with open_sink(item(tmp_path), overwrite=True) as sink:
        sink.begin(200, httpx.Headers())
        sink.write(b"new")
        sink.finish()
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"new"


def _write_after_cancel(directory: Path) -> None:
    cancel = threading.Event()
    with open_sink(item(directory), overwrite=False, cancel=cancel) as sink:
        sink.begin(200, httpx.Headers())
        sink.write(b"a")
        cancel.set()
        sink.write(b"b")


def test_cancel_event_stops_writing(tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        _write_after_cancel(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_commit_file_refuses_existing(tmp_path: Path) -> None:
    temp, final = tmp_path / "t", tmp_path / "f"
    temp.write_bytes(b"1")
    final.write_bytes(b"2")
    with pytest.raises(FileExistsError):
        commit_file(temp, final, overwrite=False)
    assert final.read_bytes() == b"2"


def test_prepare_directory(tmp_path: Path) -> None:
    prepare_directory(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(DownloadError, match="download directory"):
        prepare_directory(tmp_path / "file")
    with pytest.raises(DownloadError):
        prepare_directory(tmp_path / "file" / "sub")


def test_saved_file_mode_follows_the_umask(tmp_path: Path) -> None:
    import os

    previous = os.umask(0o022)
    try:
        with open_sink(item(tmp_path), overwrite=False) as sink:
            sink.begin(200, httpx.Headers({"content-length": "1"}))
            sink.write(b"x")
            path = sink.finish()
    finally:
        os.umask(previous)
    assert path is not None
    assert path.stat().st_mode & 0o777 == 0o644
