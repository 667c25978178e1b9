"""A local Magic Hour server, to test code that uses the Magic Hour API without the network.

`MagicHourServer` runs the API as `openapi.yaml` describes it (`GET` and `DELETE` of image, video
and audio projects, `POST /v1/files/upload-urls`, and every tool's `POST /v1/<tool>`) and a
separate download host with signed, expiring URLs (downloads, and uploads by `PUT`), both on
loopback. Projects follow scripted timelines (`create_project`, or a `Render` for those made
through a tool's endpoint), `Fault`s make it fail on purpose, uploads are kept as
`StoredUpload`s, and every request is logged. Given a `webhook_url`, it POSTs each project's
webhook events there, signed as Magic Hour signs them, when its timeline reaches them.

Example:
    >>> from magic_hour_ext.testing import Fault, MagicHourServer
    >>> with MagicHourServer() as server:
    ...     project = server.create_project()
    ...     server.add_fault(Fault.rate_limit(retry_after="1"))
    ...     # point your code at server.base_url with token server.token, then assert on
    ...     # server.requests, e.g. that no Authorization header reached the download host.

`instant_retries()` makes retry waits instant while keeping the attempts; under pytest the
`instant_retries` fixture does the same (the package's pytest plugin provides it: nothing to
configure).

From a shell, `python -m magic_hour_ext.testing` runs one in the foreground until Ctrl-C.
"""

from ._content import Output, sample_png
from ._creates import Render
from ._faults import Fault, FaultKind, FaultOptions, Route
from ._log import RecordedRequest
from ._main import main, serve
from ._projects import Project
from ._retries import instant_retries
from ._server import MagicHourServer
from ._uploads import StoredUpload

__all__ = [
    "Fault",
    "FaultKind",
    "FaultOptions",
    "MagicHourServer",
    "Output",
    "Project",
    "RecordedRequest",
    "Render",
    "Route",
    "StoredUpload",
    "instant_retries",
    "main",
    "sample_png",
    "serve",
]
