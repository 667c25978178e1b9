"""Projects on the local server: their kind, timeline of statuses, JSON body and signed URLs.

The three kinds (image, video, audio) and their API paths come from `generated.catalog`; each
kind's body has the fields `openapi.yaml` gives it (`image_count` for images; `width`, `height`,
`fps`, `start_seconds`, `end_seconds` and the deprecated single `download` for videos).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TypeAlias
from urllib.parse import quote, unquote

from generated.catalog import PROJECT_KINDS

from ._content import Body, Output

__all__ = [
    "API_PREFIX",
    "DEFAULT_TYPES",
    "KINDS",
    "Kind",
    "Project",
    "SignedTarget",
    "Signer",
    "default_outputs",
]

Kind: TypeAlias = Literal["image", "video", "audio"]
#: The kinds of project, in the catalog's order.
KINDS: tuple[Kind, ...] = tuple(PROJECT_KINDS)
#: The API path of a project of each kind, without its id: `/v1/video-projects/`.
PREFIXES: dict[Kind, str] = {name: kind.path_prefix for name, kind in PROJECT_KINDS.items()}
API_PREFIX = PREFIXES["image"]
#: The `type` a project of each kind reports unless told otherwise.
DEFAULT_TYPES: dict[Kind, str] = {"image": "AI_IMAGE", "video": "FACE_SWAP", "audio": "VOICE_GENERATOR"}
# Characters a URL path may hold as they are; anything else in a hostile name is percent-encoded.
_PATH_SAFE = "/%!$&'()*+,;=:@-._~"


def iso(timestamp: float) -> str:
    """`2024-10-19T05:16:19.027Z`, the format of the API's dates."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, as clients apply it to a URL like `/id/0/..`."""
    out: list[str] = []
    segments = path.split("/")
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        elif segment == ".":
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/".join(out) if out and out[0] == "" else "/" + "/".join(out)


@dataclass(frozen=True, slots=True)
class SignedTarget:
    """What a signature was minted for."""

    path: str
    project_id: str
    index: int

    def accepts(self, request_path: str) -> bool:
        """Whether a request for `request_path` is for this URL, allowing a client's normalisation."""
        normalised = remove_dot_segments(self.path)
        # httpx turns "/id/0/.." into "/id", without the slash RFC 3986 keeps.
        accepted = {unquote(self.path), unquote(normalised), unquote(normalised.rstrip("/"))}
        return unquote(request_path) in accepted


class Signer:
    """Mints and checks signed download URLs: an HMAC over path and expiry, per server secret."""

    def __init__(self, secret: bytes, base_url: str) -> None:
        self._secret = secret
        self.base_url = base_url
        self._lock = threading.Lock()
        self._minted: dict[str, SignedTarget] = {}

    def signature(self, path: str, expires: int, method: str = "GET") -> str:
        """The signature of a URL for `method` (GET: a download, PUT: an upload) of `path` until `expires`."""
        what = f"{path}\n{expires}" if method == "GET" else f"{method} {path}\n{expires}"
        return hmac.new(self._secret, what.encode(), hashlib.sha256).hexdigest()

    def upload_url(self, path: str, expires: int) -> str:
        """A signed URL to `PUT` a file to `path` until `expires` (it cannot be used to GET)."""
        return f"{self.base_url}{path}?expires={expires}&signature={self.signature(path, expires, 'PUT')}"

    def mint(self, target: SignedTarget, expires: int) -> str:
        signature = self.signature(target.path, expires)
        with self._lock:
            self._minted[signature] = target
        return f"{self.base_url}{target.path}?expires={expires}&signature={signature}"

    def lookup(self, signature: str) -> SignedTarget | None:
        with self._lock:
            return self._minted.get(signature)


def expiry(ttl: float) -> int:
    now = time.time()
    # Round towards the caller's intent: a positive TTL never expires early, zero or less is expired.
    return math.ceil(now + ttl) if ttl > 0 else math.floor(now + ttl)


def default_outputs(kind: Kind) -> list[Output]:
    """What a project of `kind` offers unless told otherwise: a PNG, a small MP4 or a small WAV.

    Example:
        >>> [output.name for kind in KINDS for output in default_outputs(kind)]
        ['output.png', 'output.mp4', 'output.wav']
    """
    return [{"image": Output, "video": Output.mp4, "audio": Output.wav}[kind]()]


class Project:
    """A project on a `MagicHourServer`; made by `MagicHourServer.create_project` or a tool's endpoint.

    Its status follows its timeline on `time.monotonic()` from its creation.

    Example:
        >>> project = server.create_project(timeline=[("queued", 60), ("complete", None)])
        >>> project.status
        'queued'
        >>> round(project.final_at - project.created_monotonic)  # complete a minute after creation
        60
    """

    def __init__(
        self,
        *,
        id: str,
        timeline: Sequence[tuple[str, float | None]],
        outputs: Sequence[Output],
        error: tuple[str, str] | None,
        url_ttl: float,
        extra_fields: Mapping[str, Any] | None,
        name: str | None,
        type: str,
        credits_charged: int,
        signer: Signer,
        kind: Kind = "image",
        tool: str | None = None,
        request_body: Mapping[str, Any] | None = None,
    ) -> None:
        if kind not in PREFIXES:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        self.id = id
        self.kind: Kind = kind
        #: The tool whose endpoint created it (``"ai-image-generator"``), or None (`create_project`).
        self.tool = tool
        #: The JSON body of that create request, or None.
        self.request_body = request_body
        self.timeline = _check_timeline(timeline)
        self.outputs = tuple(outputs)
        for output in self.outputs:
            if not isinstance(output, Output):
                raise TypeError(f"outputs must be Output instances, got {output.__class__.__name__}")
        if error is not None and (len(error) != 2 or not all(isinstance(part, str) for part in error)):
            raise ValueError(f"error must be a (code, message) pair of str, got {error!r}")
        self.error = error
        self.url_ttl = float(url_ttl)
        self.extra_fields = dict(extra_fields or {})
        self.name = name
        self.type = type
        self.credits_charged = credits_charged
        self.enabled = True
        #: A video template: its DELETE answers 422.
        self.template = False
        self.created_at = time.time()
        self.created_monotonic = time.monotonic()
        durations = [duration for _, duration in self.timeline[:-1]]
        self.final_at: float = self.created_monotonic + sum(d for d in durations if d is not None)
        """`time.monotonic()` at which the project reaches (or reached) its final status."""
        self._signer = signer
        modified = int(self.created_at)
        self._bodies = [Body(output, index, modified=modified) for index, output in enumerate(self.outputs)]
        self._revisions = [0] * len(self.outputs)

    def __repr__(self) -> str:
        outputs = len(self.outputs)
        return f"Project(id={self.id!r}, kind={self.kind!r}, status={self.status!r}, outputs={outputs})"

    @property
    def url_path(self) -> str:
        """The raw API path of this project: `/v1/<kind>-projects/<percent-encoded id>`."""
        return PREFIXES[self.kind] + quote(self.id, safe="")

    @property
    def failed(self) -> bool:
        """Whether it is in the status `error` now (a failed render is refunded)."""
        return self.status == "error"

    @property
    def status(self) -> str:
        """The status now, from the timeline."""
        elapsed = time.monotonic() - self.created_monotonic
        end = 0.0
        for status, duration in self.timeline[:-1]:
            end += duration or 0.0
            if elapsed < end:
                return status
        return self.timeline[-1][0]

    def transitions(self) -> list[tuple[float, str]]:
        """(`time.monotonic()` it is reached, status) of each step of its timeline, in order.

        Example:
            >>> project = server.create_project(timeline=[("queued", 1), ("complete", None)])
            >>> [(round(at - project.created_monotonic), status) for at, status in project.transitions()]
            [(0, 'queued'), (1, 'complete')]
        """
        steps, at = [], self.created_monotonic
        for status, duration in self.timeline:
            steps.append((at, status))
            at += duration or 0.0
        return steps

    def output_path(self, index: int) -> str:
        """The raw path of output `index` on the download host (hostile names as given)."""
        return f"/{quote(self.id, safe='')}/{index}/{quote(self.outputs[index].name, safe=_PATH_SAFE)}"

    def download_urls(self, ttl: float | None = None) -> list[str]:
        """Fresh signed URLs of every output, whatever the status (`ttl` defaults to `url_ttl`)."""
        expires = expiry(self.url_ttl if ttl is None else ttl)
        return [self._mint(index, expires) for index in range(len(self.outputs))]

    def _mint(self, index: int, expires: int) -> str:
        return self._signer.mint(SignedTarget(self.output_path(index), self.id, index), expires)

    def replace_output(self, index: int, output: Output) -> None:
        """Replace output `index` with `output`, as if the file had been rendered again.

        The download host serves the new bytes from now on, at the URLs already handed out and
        at new ones, with a new `Last-Modified` (at least a second later) and, when the bytes
        differ, a new `ETag`; so a client resuming with `If-Range` gets the whole new file. A
        generated output (`Output(size=...)`) gets new bytes even at the same size; the same
        `content` keeps its `ETag`.

        Example:
            >>> project.replace_output(0, Output(size=1000, name="a.bin"))
            >>> len(project.output_bytes(0))
            1000
        """
        if not isinstance(output, Output):
            raise TypeError(f"output must be an Output, got {output.__class__.__name__}")
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(self.outputs):
            raise IndexError(f"output index {index!r} out of range: this project has {len(self.outputs)}")
        revision = self._revisions[index] + 1
        modified = max(int(time.time()), self._bodies[index].modified + 1)
        self._revisions[index] = revision
        self._bodies[index] = Body(output, index, revision=revision, modified=modified)
        self.outputs = (*self.outputs[:index], output, *self.outputs[index + 1 :])

    def output_body(self, index: int) -> Body:
        """The bytes of output `index`, as the download host serves them."""
        return self._bodies[index]

    def output_bytes(self, index: int, start: int = 0, stop: int | None = None) -> bytes:
        """The bytes in [start, stop) of output `index` (to compare with what a client saved)."""
        return self._bodies[index].read(start, stop)

    def body(self, status: str | None = None) -> dict[str, Any]:
        """The JSON body a GET of this project answers now (as if in *status*, when given)."""
        status = self.status if status is None else status
        downloads: list[dict[str, str]] = []
        if status == "complete":
            expires = expiry(self.url_ttl)
            downloads = [
                {"url": self._mint(index, expires), "expires_at": iso(expires)}
                for index in range(len(self.outputs))
            ]
        error = None
        if status == "error":
            code, message = self.error or ("unknown_error", "An unknown error occurred while rendering")
            error = {"code": code, "message": message}
        # A failed render is refunded, and credits_charged shows the refund.
        credits = 0 if status == "error" else self.credits_charged
        body: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "status": status,
            "type": self.type,
            "created_at": iso(self.created_at),
            "enabled": self.enabled,
            "credits_charged": credits,
            "downloads": downloads,
            "error": error,
        }
        if self.kind == "image":
            body.update(image_count=len(self.outputs), total_frame_cost=credits)
        elif self.kind == "video":
            body.update(
                width=1024,
                height=576,
                fps=30.0,
                start_seconds=0.0,
                end_seconds=15.0,
                total_frame_cost=credits,
                download=downloads[0] if downloads else None,  # deprecated: the first output
            )
        body.update(self.extra_fields)
        return body


def _check_timeline(timeline: Sequence[tuple[str, float | None]]) -> tuple[tuple[str, float | None], ...]:
    steps = tuple(timeline)
    if not steps:
        raise ValueError("timeline must have at least one (status, duration) step")
    for i, step in enumerate(steps):
        if not isinstance(step, tuple) or len(step) != 2:
            raise ValueError(f"timeline step {i} must be a (status, seconds) tuple, got {step!r}")
        status, duration = step
        if not isinstance(status, str) or not status:
            raise ValueError(f"timeline step {i}: the status must be a non-empty str, got {status!r}")
        if i == len(steps) - 1:
            if duration is not None:
                raise ValueError(
                    f"the last timeline step is final: its duration must be None, not {duration!r}"
                )
        elif duration is None or isinstance(duration, bool) or duration < 0:
            raise ValueError(
                f"timeline step {i} ({status!r}) needs a duration >= 0 seconds, not {duration!r}"
            )
    return steps
