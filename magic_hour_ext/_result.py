"""What check_result returns, and what the download- and upload-progress hooks receive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Generic

from attrs import field, frozen

from generated.models import AudioProject, ImageProject, VideoProject

__all__ = ["CheckResult", "DownloadProgress", "P", "UploadProgress"]

if TYPE_CHECKING:  # a default for the type parameter: a bare `CheckResult` means CheckResult[ImageProject]
    from typing_extensions import TypeVar

    P = TypeVar("P", bound=ImageProject | VideoProject | AudioProject, default=ImageProject)
else:  # at run time only the type checker's default is missing (no dependency on typing_extensions)
    from typing import TypeVar

    P = TypeVar("P", bound=ImageProject | VideoProject | AudioProject)


@frozen
class CheckResult(Generic[P]):
    """The outcome of :func:`magic_hour_ext.check_result`: generic in the project's model.

    ``check_result(id)`` returns a ``CheckResult[ImageProject]``, ``check_result(id,
    kind="video")`` a ``CheckResult[VideoProject]``, ``kind="audio"`` a
    ``CheckResult[AudioProject]``; a bare ``CheckResult`` annotation means the image one.

    Attributes:
        project: The generated model of the last GET response (ImageProject, VideoProject or
            AudioProject, by kind).
        status: ``project.status`` as a plain string (``"complete"``, or any status when not waiting).
        downloaded_paths: The saved files, in the order of ``project.downloads``; empty when nothing
            was downloaded.

    Example:
        >>> from magic_hour_ext import check_result
        >>> result = check_result("cuid-example")
        >>> result.status, result.downloaded_paths
        ('complete', [PosixPath('mh-cuid-example-1.png')])
    """

    project: P
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
        project_id: The project the output belongs to (one hook can serve many waits).

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
    project_id: str | None = None

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
