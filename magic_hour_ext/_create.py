"""Creating a project through a tool's endpoint, without I/O: every decision of ``generate`` before the wait.

The drivers (``_generate.py``) perform, in this order::

    job = prepare_job(tool, body)               # the tool, the body checked, its local files
    file_paths = <upload job.uploads>           # one upload-urls call, then one PUT per file
    request = create_request(job, file_paths)   # the POST, its body with the file_paths
    created = <send request on a new connection, with request.retry>
    (on failure: raise create_failure(job.tool, error, ...))

Which fields take files, and of which asset type, is the overlay's ``x-file-input``, read from
``generated.catalog.TOOLS`` (never from field names).

**Never pay twice.** Creating a project charges credits, and the API documents no idempotency
key, so the create is sent again only when the failure proves the server did not take it
(:func:`never_taken`): the connection could not be made (a connect error, a connect timeout, no
connection free in the pool), or a 429 refused it (its ``Retry-After`` is waited, within the
create's deadline). Any other failure once the request may have left (a read timeout, a dropped
connection, a 5xx, an answer that cannot be read) raises CreateOutcomeUnknownError
(:func:`create_failure`): the project may exist, and may have been charged.
"""

from __future__ import annotations

import copy
import os
import random
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

import httpx
from attrs import frozen

from ._errors import (
    APIConnectionError,
    APIError,
    CreateOutcomeUnknownError,
    InvalidArgumentError,
    MagicHourError,
    MalformedResponseError,
    RateLimitError,
)
from ._requests import ApiRequest, json_answer
from ._retry import RetryState, is_retryable_status
from ._schema import first_problem
from ._upload import FileToUpload, plan_uploads

if TYPE_CHECKING:
    from generated.catalog import FileInput, Tool

__all__ = [
    "CREATE_DEADLINE",
    "CREATE_TIMEOUT",
    "CreateJob",
    "CreateRetry",
    "Created",
    "LocalFile",
    "create_failure",
    "create_request",
    "file_values",
    "find_tool",
    "is_url",
    "local_files",
    "never_taken",
    "prepare_job",
]

#: Each attempt of a create: 10 s to connect, then 60 s for the answer.
CREATE_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
#: How long a create's attempts may take in all, waits for a 429's ``Retry-After`` included.
CREATE_DEADLINE: Final = 120.0

# The httpx errors raised before any byte of a request was written: it never reached the server.
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def find_tool(name: object) -> Tool:
    """The catalog's tool named *name*, as the API spells it (``"ai-image-generator"``).

    Example:
        >>> find_tool("image-background-remover").kind
        'image'
        >>> find_tool("background-remover")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: no tool 'background-remover'; did you mean ...
    """
    from generated.catalog import TOOLS  # the catalog is large: loaded by the first generate

    if isinstance(name, str) and name in TOOLS:
        return TOOLS[name]
    close = [t for t in TOOLS if isinstance(name, str) and name and (name in t or t in name)]
    guess = f"; did you mean {close[0]!r}?" if close else ""
    raise InvalidArgumentError(
        f"no tool {name!r:.60}{guess} (the tools: magic-hour-ext tools, or generated.catalog.TOOLS)"
    )


@frozen
class LocalFile:
    """A local file given in a file-input field, to upload before the create.

    Attributes:
        keys: Where it is in the body, list indices included (``("assets", "face_mappings", 0,
            "new_face")``).
        where: The same as text (``"assets.face_mappings[0].new_face"``).
        path: The file.
        asset_type: The field's ``x-file-input`` type.
    """

    keys: tuple[str | int, ...]
    where: str
    path: Path
    asset_type: str


def is_url(value: str) -> bool:
    """Whether *value* is an http(s) URL with a host: a file input sent as it is, never a local file.

    Example:
        >>> is_url("https://example.com/a.png"), is_url("photos/a.png"), is_url("file:///a.png")
        (True, False, False)
    """
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def file_values(body: Any, file_input: FileInput) -> Iterator[tuple[tuple[str | int, ...], str, Any]]:
    """The (keys, field, value) of one file input in *body*, every item of a list included.

    Example:
        >>> from generated.catalog import FileInput
        >>> body = {"assets": {"face_mappings": [{"new_face": "a"}, {"new_face": "b"}]}}
        >>> new_face = FileInput(("assets", "face_mappings", "*", "new_face"), "image")
        >>> [(keys, where) for keys, where, _ in file_values(body, new_face)][1]
        (('assets', 'face_mappings', 1, 'new_face'), 'assets.face_mappings[1].new_face')
    """

    def walk(value: Any, path: tuple[str, ...], keys: tuple[str | int, ...], where: str) -> Iterator[Any]:
        if not path:
            yield keys, where, value
        elif path[0] == "*":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield from walk(item, path[1:], (*keys, index), f"{where}[{index}]")
        elif isinstance(value, dict) and path[0] in value:
            name = path[0]
            yield from walk(value[name], path[1:], (*keys, name), f"{where}.{name}" if where else name)

    return walk(body, file_input.path, (), "")


def local_files(tool: Tool, body: Any) -> list[LocalFile]:
    """The local files *body* gives in *tool*'s file-input fields, in the order of the catalog.

    A ``pathlib.Path`` (any ``os.PathLike``) is a local file, which must exist. A ``str`` is one
    when it names an existing regular file; a URL, or any other string (a ``file_path`` from an
    earlier upload), is sent as it is.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     face = Path(folder, "face.png")
        ...     _ = face.write_bytes(b"png")
        ...     body = {"assets": {"face_mappings": [{"original_face": "0-0", "new_face": face}],
        ...                        "target_file_path": "https://example.com/group.png"}}
        ...     [f.where for f in local_files(find_tool("face-swap-photo"), body)]
        ['assets.face_mappings[0].new_face']
    """
    found = []
    for file_input in tool.file_inputs:
        for keys, where, value in file_values(body, file_input):
            if isinstance(value, os.PathLike):
                path = Path(value)
            elif isinstance(value, str) and not is_url(value) and value.strip() and "\x00" not in value:
                path = Path(value)
                try:
                    if not path.is_file():
                        continue
                except OSError:  # a name too long for a path, say: not a local file
                    continue
            else:
                continue
            found.append(LocalFile(keys, where, path, file_input.asset_type))
    return found


def _jsonable(value: Any) -> Any:
    """*value* with every os.PathLike as its str (what the schema then checks in a file field)."""
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


def _body_dict(tool: Tool, body: object) -> dict[str, Any]:
    """*body* as a plain dict: a copy of a dict, or a generated body model's ``to_dict()``."""
    if isinstance(body, dict):
        return copy.deepcopy(body)
    to_dict = getattr(body, "to_dict", None)
    if type(body).__module__.startswith("generated.models") and callable(to_dict):
        if type(body).__name__ != tool.body_model:
            raise InvalidArgumentError(
                f"the body of {tool.name} is a {tool.body_model} (or a dict), not a {type(body).__name__}"
            )
        value = to_dict()
        assert isinstance(value, dict)  # a generated model's to_dict()
        return value
    raise InvalidArgumentError(
        f"the body of {tool.name} must be a dict or a generated.models.{tool.body_model}, "
        f"not {type(body).__name__}"
    )


@frozen
class CreateJob:
    """A create to make: the tool, its body checked, and the local files to upload first.

    Attributes:
        tool: The catalog's tool.
        body: The body as sent, local files still as given (replaced by :func:`create_request`).
        files: The local files found in file-input fields.
        uploads: What to upload: each distinct file once, with its field's asset type.
    """

    tool: Tool
    body: dict[str, Any]
    files: tuple[LocalFile, ...]
    uploads: tuple[FileToUpload, ...]


def prepare_job(tool: Tool, body: object) -> CreateJob:
    """Check *body* against *tool*'s request schema and find its local files; nothing is sent.

    A dict is checked strictly: unknown keys, wrong types, enum values the spec does not list
    and values out of range raise InvalidArgumentError naming the field. Local files must exist,
    and have an extension their field's asset type takes.

    Example:
        >>> job = prepare_job(find_tool("ai-image-generator"),
        ...                   {"image_count": 1, "aspect_ratio": "1:1", "style": {"prompt": "a cat"}})
        >>> job.files
        ()
        >>> prepare_job(find_tool("ai-image-generator"), {"image_count": 1, "style": {"prompt": "a cat"},
        ...                                               "aspect_ratio": "round"})
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: ai-image-generator: aspect_ratio: must be one of ...
    """
    plain = _body_dict(tool, body)
    problem = first_problem(_jsonable(plain), tool.body_schema)
    if problem is not None:
        raise InvalidArgumentError(f"{tool.name}: {problem}")
    files = local_files(tool, plain)
    uploads: dict[Path, FileToUpload] = {}
    for file in files:
        key = file.path.absolute()
        try:
            (planned,) = plan_uploads([file.path], file.asset_type)
        except InvalidArgumentError as exc:
            raise InvalidArgumentError(f"{tool.name}: {file.where}: {exc}") from None
        if key in uploads and uploads[key].asset_type != planned.asset_type:
            raise InvalidArgumentError(
                f"{tool.name}: {file.where}: {str(file.path)!r} is given as {planned.asset_type} "
                f"and as {uploads[key].asset_type}"
            )
        uploads.setdefault(key, planned)
    return CreateJob(tool, plain, tuple(files), tuple(uploads.values()))


def _with_file_paths(job: CreateJob, file_paths: list[str]) -> dict[str, Any]:
    by_file = {u.path.absolute(): p for u, p in zip(job.uploads, file_paths, strict=True)}
    body = copy.deepcopy(job.body)
    for file in job.files:
        holder: Any = body
        for key in file.keys[:-1]:
            holder = holder[key]
        holder[file.keys[-1]] = by_file[file.path.absolute()]
    result = _jsonable(body)
    assert isinstance(result, dict)
    return result


@frozen
class Created:
    """What a create answered: the new project's id, and the credits it charged (None if not said)."""

    id: str
    credits_charged: int | None


def _read_created(status_code: int, headers: Mapping[str, str], body: bytes) -> Created:
    payload = json_answer(status_code, headers, body, success=range(200, 300))
    project_id = payload.get("id") if isinstance(payload, dict) else None
    if not isinstance(project_id, str) or not project_id.strip():
        raise MalformedResponseError(status_code, "the answer has no project id")
    credits = payload.get("credits_charged")
    valid = isinstance(credits, int) and not isinstance(credits, bool)
    return Created(project_id, credits if valid else None)


def never_taken(error: BaseException) -> bool:
    """Whether *error* proves the create never reached the API: nothing was created or charged.

    Only a 429 (the API refused it), and no connection at all (a connect error or timeout, or no
    connection free in the pool) prove it.

    Example:
        >>> never_taken(APIConnectionError("refused")), never_taken(RateLimitError(429, "slow down"))
        (False, True)
        >>> try:
        ...     try:
        ...         raise httpx.ConnectError("[Errno 111] Connection refused")
        ...     except httpx.ConnectError as exc:
        ...         raise APIConnectionError("ConnectError: refused") from exc
        ... except APIConnectionError as err:
        ...     never_taken(err)
        True
    """
    if isinstance(error, RateLimitError) or (isinstance(error, APIError) and error.status_code == 429):
        return True
    return isinstance(error, APIConnectionError) and isinstance(error.__cause__, _NOT_SENT)


class CreateRetry(RetryState):
    """The retries of a create: only after failures that prove it was never taken (:func:`never_taken`).

    Those follow the usual rule (backoff, ``Retry-After`` honoured, 6 attempts, never past the
    create's deadline); every other failure is final at once.

    Example:
        >>> retry = CreateRetry(lambda: 30.0)
        >>> retry.backoff_hook(APIError(503, "busy")), retry.backoff_hook(RateLimitError(429, "slow",
        ...     retry_after=2.0))
        (False, 2.0)
    """

    def backoff_hook(self, exc: Exception) -> bool | float:
        """stamina's ``on=`` hook: retry only what was never taken."""
        if not never_taken(exc):
            if isinstance(getattr(exc, "status_code", None), int):
                self.answered = True
            return False
        return super().backoff_hook(exc)


def create_request(
    job: CreateJob,
    file_paths: list[str],
    *,
    time_left: Callable[[], float | None],
    rng: random.Random | None = None,
) -> ApiRequest[Created]:
    """The create POST of *job*, its local files replaced by their *file_paths* (in ``job.uploads`` order).

    Example:
        >>> job = prepare_job(find_tool("photo-colorizer"),
        ...                   {"assets": {"image_file_path": "https://example.com/old.png"}})
        >>> request = create_request(job, [], time_left=lambda: None)
        >>> request.method, request.path, request.body
        ('POST', '/v1/photo-colorizer', {'assets': {'image_file_path': 'https://example.com/old.png'}})
    """
    return ApiRequest(
        "POST",
        job.tool.path,
        _read_created,
        CreateRetry(time_left, rng),
        time_left,
        kind=job.tool.kind,
        body=_with_file_paths(job, file_paths),
    )


def create_failure(tool: Tool, error: MagicHourError, *, url: str, attempts: int) -> MagicHourError:
    """The error to raise for a create that failed with *error* (after its retries).

    A final answer of the API that refuses the create (400, 401, 402, 403, 404, 422, a 429 still
    there) is raised as it is: nothing was created. So is a connection never made. Anything else
    (no answer after the request may have left, a 5xx, 408, 499, an answer that cannot be read)
    becomes CreateOutcomeUnknownError, caused by *error*.

    Example:
        >>> err = create_failure(find_tool("ai-image-generator"), APIError(502, "Bad Gateway"),
        ...                      url="https://api.magichour.ai/v1/ai-image-generator", attempts=1)
        >>> type(err).__name__, err.status_code
        ('CreateOutcomeUnknownError', 502)
        >>> type(create_failure(find_tool("ai-image-generator"), APIError(402, "No credits"),
        ...                     url="https://api.magichour.ai/v1/ai-image-generator", attempts=1)).__name__
        'APIError'
    """
    if never_taken(error) or not isinstance(error, APIError):
        return error
    if isinstance(error, APIConnectionError):
        reason = f"no answer: {error.message}"
    elif isinstance(error, MalformedResponseError) or (
        error.status_code is not None and is_retryable_status(error.status_code)
    ):
        reason = f"HTTP {error.status_code}: {error.message}"
    else:
        return error
    unknown = CreateOutcomeUnknownError(
        tool.name, tool.kind, reason=reason, status_code=error.status_code, url=url, attempts=attempts
    )
    unknown.__cause__ = error
    return unknown
