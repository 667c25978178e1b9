"""What check_result returns, and what the download- and upload-progress hooks receive."""

from __future__ import annotations

from pathlib import Path

from attrs import field, frozen

from generated.models import ImageProject

__all__ = ["CheckResult", "DownloadProgress", "UploadProgress"]


@frozen
class CheckResult:
    """The outcome of :func:`magic_hour_ext.check_result`.

    Attributes:
        project: The generated model of the last GET response.
        status: ``project.status`` as a plain string (``"complete"``, or any status when not waiting).
        downloaded_paths: The saved files, in the order of ``project.downloads``; empty when nothing
            was downloaded.

    Example:
        >>> from magic_hour_ext import check_result
        >>> result = check_result("cuid-example")
        >>> result.status, result.downloaded_paths
        ('complete', [PosixPath('mh-cuid-example-1.png')])
    """

    project: ImageProject
    status: str
    downloaded_paths: list[Path] = field(factory=list)


@frozen
class DownloadProgress:
    """Passed to ``on_download_progress`` as bytes of an output arrive.

    It is called from the thread (sync) or task (async) doing that download, once per chunk:
    keep the callback cheap.

    Attributes:
        index: 1-based position of the output in ``project.downloads``.
        path: The final path the output is saved to.
        bytes_done: Bytes saved so far.
        bytes_total: The size announced by the server, or None when it announced none.
        already_saved: True when the file under the output's name already held it (an earlier run
            or another process saved it): nothing was downloaded, and it is complete.

    Example:
        >>> from pathlib import Path
        >>> p = DownloadProgress(index=1, path=Path("mh-x-1.png"), bytes_done=512, bytes_total=1024)
        >>> p.fraction
        0.5
    """

    index: int
    path: Path
    bytes_done: int
    bytes_total: int | None
    already_saved: bool = False

    @property
    def fraction(self) -> float | None:
        """``bytes_done / bytes_total``, or None when the total is unknown."""
        if not self.bytes_total:
            return None
        return self.bytes_done / self.bytes_total


@frozen
class UploadProgress:
    """Passed to ``on_progress`` of :func:`magic_hour_ext.upload_file` as a file's bytes are sent.

    Called once per chunk read from the file (1 MiB) and once when the upload host has taken the
    whole file. When an attempt fails and is retried, the file is sent again from its start, and
    ``bytes_sent`` starts again from 0.

    Attributes:
        path: The local file.
        bytes_sent: Bytes of the current attempt handed to the connection so far.
        bytes_total: The file's size.
        done: True once the upload host has answered that it stored the file.

    Example:
        >>> from pathlib import Path
        >>> p = UploadProgress(path=Path("face.png"), bytes_sent=256, bytes_total=1024)
        >>> p.fraction, p.done
        (0.25, False)
    """

    path: Path
    bytes_sent: int
    bytes_total: int
    done: bool = False

    @property
    def fraction(self) -> float:
        """``bytes_sent / bytes_total`` (1.0 for an empty file)."""
        return self.bytes_sent / self.bytes_total if self.bytes_total else 1.0
