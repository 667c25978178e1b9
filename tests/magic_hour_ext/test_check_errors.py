"""What an error says, over real sockets: which request, which host, and the likely causes.

Against the local Magic Hour server (or a port where nothing listens), in every mode. Retry waits
are skipped (the ``fast`` fixture), but the deadline still sees the waits the retry rule chose, as
it would without the testing switch.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from generated import AuthenticatedClient
from magic_hour_ext import (
    APIConnectionError,
    APIError,
    DownloadDirectoryError,
    NotFoundError,
    WaitTimeoutError,
    acheck_result,
    adelete_project,
    aget_project,
    check_result,
    delete_project,
    get_project,
)
from magic_hour_ext._requests import NOT_THE_API
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.magic_hour_ext._helpers import api_client, files, in_mode

pytestmark = pytest.mark.usefixtures("fast")


@pytest.fixture
def dead_url() -> str:
    """The base URL of a loopback port where nothing listens (connections are refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def wait(mode: str, project_id: str, **kwargs: Any) -> Any:
    kwargs.setdefault("download_outputs", False)
    return in_mode(mode, check_result, acheck_result)(project_id, **kwargs)


# -- problem 1: an unreachable API is a connection error, whatever the timeout -----------------------


@pytest.mark.parametrize("timeout", [5.0, 30.0])
def test_an_unreachable_api_is_a_connection_error_naming_the_host(
    mode: str, dead_url: str, timeout: float
) -> None:
    # Before: with 5 s the retry that would end after the deadline made it a WaitTimeoutError
    # ("resume with ..."), with 30 s the retries ran out first: APIConnectionError.
    client = AuthenticatedClient(base_url=dead_url, token="mhk_live_TOKEN")
    with pytest.raises(APIConnectionError) as info:
        wait(mode, "p", client=client, timeout=timeout)
    err = info.value
    host = dead_url.removeprefix("http://")
    assert err.host == host
    assert (err.method, err.kind, err.project_id) == ("GET", "image", "p")
    assert err.url == f"{dead_url}/v1/image-projects/p"
    assert f"no response from {host}" in str(err)
    assert "Connection refused" in str(err)
    assert err.attempts is not None
    assert 2 <= err.attempts <= 6
    assert "TOKEN" not in str(err) + repr(err)


def test_a_deadline_reached_while_the_api_never_answers_is_a_timeout_caused_by_it(
    mode: str, server: MagicHourServer
) -> None:
    project = server.create_project()
    server.add_fault(Fault.hang(route="get", times=None))
    with pytest.raises(WaitTimeoutError) as info:
        wait(mode, project.id, client=api_client(server), timeout=1.0)
    err = info.value
    assert not err.answered
    assert isinstance(err.__cause__, APIConnectionError)
    assert err.__cause__.host == f"127.0.0.1:{server.port}"
    assert "the API never answered (no response from 127.0.0.1:" in str(err)
    assert "resume with" not in str(err)


def test_a_timeout_after_answers_says_the_api_answered(mode: str, server: MagicHourServer) -> None:
    project = server.create_project(timeline=[("queued", None)])
    server.add_fault(Fault.status(503, route="get", times=None))
    with pytest.raises(WaitTimeoutError) as info:
        wait(mode, project.id, client=api_client(server), timeout=0.5, poll_interval=0.05)
    assert info.value.answered  # 503s are answers: the API is there
    assert "resume with" in str(info.value)


def test_a_host_name_that_does_not_resolve_is_named_and_not_retried(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The resolver is replaced for one name: nothing leaves the machine.
    real = socket.getaddrinfo
    lookups: list[str] = []

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name == "api.magic-hour.invalid":
            flags = args[4] if len(args) > 4 else kwargs.get("flags", 0)
            if not flags & socket.AI_NUMERICHOST:  # trio asks first whether it is an address
                lookups.append(name)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    client = AuthenticatedClient(base_url="http://api.magic-hour.invalid", token="mhk_live_TOKEN")
    with pytest.raises(APIConnectionError) as info:
        wait(mode, "p", client=client, timeout=30, poll_interval=1.0)  # not loopback: 0.02 s is refused
    assert info.value.host == "api.magic-hour.invalid"
    assert "no response from api.magic-hour.invalid: the host name does not resolve (DNS: " in str(info.value)
    assert lookups == ["api.magic-hour.invalid"]  # not retried: it will not exist a second later


# -- problem 7: 404s name the request and the likely causes -----------------------------------------


@pytest.fixture(params=["get", "delete", "check_result"])
def call(request: pytest.FixtureRequest, mode: str) -> Any:
    """get_project, delete_project or check_result, in the test's mode."""
    functions = {
        "get": (get_project, aget_project),
        "delete": (delete_project, adelete_project),
        "check_result": (check_result, acheck_result),
    }
    return in_mode(mode, *functions[request.param])


def test_a_wrong_id_names_the_request_and_the_likely_causes(server: MagicHourServer, call: Any) -> None:
    with pytest.raises(NotFoundError) as info:
        call("no-such-id", client=api_client(server))
    err = info.value
    assert err.method in ("GET", "DELETE")
    assert (err.kind, err.project_id) == ("image", "no-such-id")
    assert err.url == f"{server.base_url}/v1/image-projects/no-such-id"
    text = str(err)
    assert text.startswith(f"{err.method} image project 'no-such-id' ({server.base_url}/v1/image-projects/")
    for cause in ("a wrong id", "the id of a video or audio project", "a deleted project", "base URL"):
        assert cause in text
    assert server.token not in text + repr(err)


def test_a_deleted_project_is_not_found_with_the_same_hints(mode: str, server: MagicHourServer) -> None:
    project = server.create_project()
    in_mode(mode, delete_project, adelete_project)(project.id, client=api_client(server))
    with pytest.raises(NotFoundError, match="a deleted project") as info:
        in_mode(mode, get_project, aget_project)(project.id, client=api_client(server))
    assert info.value.project_id == project.id


def test_a_base_url_with_a_wrong_path_names_the_url(mode: str, server: MagicHourServer) -> None:
    project = server.create_project()
    client = AuthenticatedClient(base_url=server.base_url + "/api", token=server.token)
    with pytest.raises(NotFoundError) as info:
        in_mode(mode, get_project, aget_project)(project.id, client=client)
    assert info.value.url == f"{server.base_url}/api/v1/image-projects/{project.id}"
    assert "a base URL that is not the Magic Hour API" in str(info.value)


@pytest.mark.parametrize("fault", [None, "html"])
def test_a_base_url_that_is_not_the_api_says_so(
    mode: str, server: MagicHourServer, fault: str | None
) -> None:
    # The download host answers in XML (400: it refuses the API token), a web server in HTML: not
    # the API's JSON, so the base URL is the likely cause, and the hint says it first.
    project = server.create_project()
    base_url = server.download_base_url
    if fault == "html":
        base_url = server.base_url
        server.add_fault(Fault.status(404, html=True, route="get"))
    client = AuthenticatedClient(base_url=base_url, token=server.token)
    with pytest.raises(APIError) as info:
        in_mode(mode, get_project, aget_project)(project.id, client=client)
    assert info.value.status_code in (400, 404)
    assert info.value.hint == NOT_THE_API
    assert str(info.value).startswith(f"GET image project '{project.id}' ({base_url}/v1/image-projects/")
    assert "probably not the Magic Hour API" in str(info.value)


# -- problem 2: a download directory that cannot be used fails before the wait ---------------------


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("/proc/self", "may not create files in it"),  # a folder where nothing can be created, even by root
        ("/proc/self/new/deeper", "may not create files in '/proc/self', to create it"),
        ("afile", "'{tmp}/afile' is not a folder"),
        ("afile/sub", "'{tmp}/afile' is not a folder"),
    ],
)
def test_an_unusable_download_directory_fails_before_the_first_request(
    mode: str, server: MagicHourServer, tmp_path: Path, where: str, why: str
) -> None:
    # Before: the wait ran to its end (here the 1 s timeout; a real render takes minutes) and only
    # then did saving the first output fail.
    project = server.create_project(timeline=[("rendering", 60.0), ("complete", None)])
    (tmp_path / "afile").write_bytes(b"x")
    directory = Path(where) if where.startswith("/") else tmp_path / where
    with pytest.raises(DownloadDirectoryError) as info:
        wait(mode, project.id, client=api_client(server), download_outputs=True,
             download_directory=directory, timeout=1.0)  # fmt: skip
    assert info.value.path == directory
    assert why.format(tmp=tmp_path) in str(info.value)
    assert server.requests == []
    assert files(tmp_path) == ["afile"]  # nothing made


def test_a_missing_directory_that_can_be_made_is_made_only_to_save(
    mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(timeline=[("rendering", 60.0), ("complete", None)])
    with pytest.raises(WaitTimeoutError):
        wait(mode, project.id, client=api_client(server), download_outputs=True,
             download_directory=tmp_path / "a" / "b", timeout=0.3)  # fmt: skip
    assert files(tmp_path) == []  # checked, not created


def test_no_directory_check_without_downloads(mode: str, server: MagicHourServer) -> None:
    project = server.create_project()
    result = wait(mode, project.id, client=api_client(server), download_directory="/proc/self/nope")
    assert result.status == "complete"
