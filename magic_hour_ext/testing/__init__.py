"""A local Magic Hour server, to test code that uses the image-projects API without the network.

`MagicHourServer` runs the API (`GET` and `DELETE /v1/image-projects/{id}`, as `openapi.yaml`
describes) and a separate download host with signed, expiring URLs, both on loopback. Projects
follow scripted timelines, `Fault`s make it fail on purpose, and every request is logged.

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
from ._faults import Fault, FaultKind, FaultOptions, Route
from ._log import RecordedRequest
from ._main import main, serve
from ._projects import Project
from ._retries import instant_retries
from ._server import MagicHourServer

__all__ = [
    "Fault",
    "FaultKind",
    "FaultOptions",
    "MagicHourServer",
    "Output",
    "Project",
    "RecordedRequest",
    "Route",
    "instant_retries",
    "main",
    "sample_png",
    "serve",
]
