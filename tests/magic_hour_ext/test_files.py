from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import httpx
import pytest

from magic_hour_ext._download import DownloadItem, Transfer
from magic_hour_ext._errors import DownloadError, OutputExistsError
from magic_hour_ext._files import Cancelled, commit_file, open_partial, open_sink, prepare_directory
from magic_hour_ext._partial import PartialMeta
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
        assert sink.temp == tmp_path / ".mh-p-1.png.partial"
        assert sink.shared
        sink.write(b"abc")
        assert not (tmp_path / "mh-p-1.png").exists()
        assert files(tmp_path) == [".mh-p-1.png.partial", ".mh-p-1.png.partial.json"]
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


def _fail_midway(directory: Path, error: BaseException, headers: dict[str, str] | None = None) -> None:
    with open_sink(item(directory), overwrite=False) as sink:
        sink.begin(
            200, httpx.Headers({"content-length": "10", "etag": '"e1"'} if headers is None else headers)
        )
        sink.write(b"abc")
        raise error


FAILURES = [
    KeyboardInterrupt(),
    Cancelled(),
    httpx.ReadError("x"),
    TransientError("short"),
    OSError(28, "No space"),
]


@pytest.mark.parametrize("error", FAILURES)
def test_any_failure_keeps_the_partial_file_and_what_resumes_it(tmp_path: Path, error: BaseException) -> None:
    with pytest.raises((DownloadError, KeyboardInterrupt, Cancelled)) as info:
        _fail_midway(tmp_path, error)
    assert files(tmp_path) == [".mh-p-1.png.partial", ".mh-p-1.png.partial.json"]  # never the final name
    assert (tmp_path / ".mh-p-1.png.partial").read_bytes() == b"abc"
    meta = PartialMeta.from_json((tmp_path / ".mh-p-1.png.partial.json").read_text())
    assert meta == PartialMeta("http://cdn/p/0/output.png", 10, '"e1"', None)  # no signed query
    if isinstance(error, Exception):
        assert isinstance(info.value, DownloadError)
        assert "SECRET" not in str(info.value)
    else:
        assert info.value is error


@pytest.mark.parametrize("headers", [{}, {"content-length": "10", "content-encoding": "gzip"}])
def test_a_failure_leaves_nothing_a_later_run_could_not_resume(
    tmp_path: Path, headers: dict[str, str]
) -> None:
    # No size, or an encoded body: a partial file of it could not be resumed.
    with pytest.raises(DownloadError):
        _fail_midway(tmp_path, httpx.ReadError("x"), headers)
    assert files(tmp_path) == []


def test_the_next_sink_resumes_the_partial_file(tmp_path: Path) -> None:
    with pytest.raises(DownloadError):
        _fail_midway(tmp_path, httpx.ReadError("x"))
    fresh = item(tmp_path).url.replace("SECRET", "FRESH")  # a refreshed URL of the same output
    with open_sink(DownloadItem(1, fresh, tmp_path / "mh-p-1.png"), overwrite=False) as sink:
        assert sink.stream_kwargs()["headers"] == {
            "Accept-Encoding": "identity",
            "Range": "bytes=3-",
            "If-Range": '"e1"',
        }
        assert sink.begin(206, httpx.Headers({"content-range": "bytes 3-9/10", "etag": '"e1"'}))
        sink.write(b"defghij")
        assert sink.finish() == tmp_path / "mh-p-1.png"
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"abcdefghij"
    assert files(tmp_path) == ["mh-p-1.png"]


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        (200, {"content-length": "4", "etag": '"e2"'}),  # the If-Range did not match: the whole new file
        (206, {"content-range": "bytes 3-9/10", "etag": '"e2"'}),  # a range of another file
    ],
)
def test_a_partial_file_of_another_file_starts_again_from_zero(
    tmp_path: Path, status: int, headers: dict[str, str]
) -> None:
    with pytest.raises(DownloadError):
        _fail_midway(tmp_path, httpx.ReadError("x"))
    with open_sink(item(tmp_path), overwrite=False) as sink:
        if status == 206:
            with pytest.raises(TransientError, match="the output changed on the download host"):
                sink.begin(status, httpx.Headers(headers))
            assert sink.stream_kwargs()["headers"] == {"Accept-Encoding": "identity"}
            status, headers = 200, {"content-length": "4", "etag": '"e2"'}
        assert sink.begin(status, httpx.Headers(headers))
        sink.write(b"WXYZ")
        sink.finish()
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"WXYZ"
    assert files(tmp_path) == ["mh-p-1.png"]


def test_overwrite_starts_the_partial_file_again(tmp_path: Path) -> None:
    with pytest.raises(DownloadError):
        _fail_midway(tmp_path, httpx.ReadError("x"))
    with open_sink(item(tmp_path), overwrite=True) as sink:
        assert "Range" not in sink.stream_kwargs()["headers"]
        assert files(tmp_path) == [".mh-p-1.png.partial"]  # its metadata is gone at once
        sink.begin(200, httpx.Headers({"content-length": "2"}))
        sink.write(b"ok")
        sink.finish()
    assert files(tmp_path) == ["mh-p-1.png"]


def test_a_partial_file_held_by_another_saver_is_left_alone(tmp_path: Path) -> None:
    with pytest.raises(DownloadError):
        _fail_midway(tmp_path, httpx.ReadError("x"))
    fd = open_partial(tmp_path / ".mh-p-1.png.partial", create=False)  # another saver's lock
    assert fd is not None
    try:
        with open_sink(item(tmp_path), overwrite=False) as sink:
            assert "Range" not in sink.stream_kwargs()["headers"]
            sink.begin(200, httpx.Headers({"content-length": "10"}))
            assert sink.temp is not None
            assert sink.temp.name.endswith(".part")  # a private file
            assert not sink.shared
            sink.write(b"0123456789")
            sink.finish()
    finally:
        os.close(fd)
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"0123456789"
    assert (tmp_path / ".mh-p-1.png.partial").read_bytes() == b"abc"  # untouched


def test_a_symlink_under_the_partial_name_is_never_followed(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").write_bytes(b"precious")
    (tmp_path / ".mh-p-1.png.partial").symlink_to("elsewhere")
    with open_sink(item(tmp_path), overwrite=False) as sink:
        sink.begin(200, httpx.Headers({"content-length": "2"}))
        assert not sink.shared
        sink.write(b"ok")
        sink.finish()
    assert (tmp_path / "elsewhere").read_bytes() == b"precious"
    assert (tmp_path / "mh-p-1.png").read_bytes() == b"ok"


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


def test_abandon_keeps_the_partial_file_for_its_writer(tmp_path: Path) -> None:
    cancel = threading.Event()
    with pytest.raises(Cancelled), open_sink(item(tmp_path), overwrite=False, cancel=cancel) as sink:  # noqa: PT012
        sink.begin(200, httpx.Headers({"content-length": "2"}))
        sink.write(b"a")
        cancel.set()
        sink.abandon()  # from the main thread
        assert files(tmp_path) == [".mh-p-1.png.partial", ".mh-p-1.png.partial.json"]
        sink.finish()  # cannot commit once cancelled
    assert files(tmp_path) == [".mh-p-1.png.partial", ".mh-p-1.png.partial.json"]


def test_abandon_removes_a_private_file_while_the_writer_holds_it(tmp_path: Path) -> None:
    cancel = threading.Event()
    holder = open_partial(tmp_path / ".mh-p-1.png.partial", create=True)  # another saver's
    assert holder is not None
    try:
        with pytest.raises(Cancelled), open_sink(item(tmp_path), overwrite=False, cancel=cancel) as sink:  # noqa: PT012
            sink.begin(200, httpx.Headers({"content-length": "2"}))
            sink.write(b"a")
            cancel.set()
            sink.abandon()
            assert files(tmp_path) == [".mh-p-1.png.partial"]  # the private file's name is gone
            sink.finish()
    finally:
        os.close(holder)
    assert files(tmp_path) == [".mh-p-1.png.partial"]


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
    assert files(tmp_path) == []  # no size was announced: nothing a later run could resume


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
