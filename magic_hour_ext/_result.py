"""What check_result returns, and what its download-progress hook receives."""

from __future__ import annotations

from pathlib import Path

from attrs import field, frozen

from generated.models import ImageProject

__all__ = ["CheckResult", "DownloadProgress"]


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

    @property
    def fraction(self) -> float | None:
        """``bytes_done / bytes_total``, or None when the total is unknown."""
        if not self.bytes_total:
            return None
        return self.bytes_done / self.bytes_total
