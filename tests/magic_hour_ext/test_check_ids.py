"""Ids that are dot segments (``.``, ``..``) must never leave /v1/image-projects/ on the wire.

httpx removes dot segments from a path, and ``%2E%2E`` is a dot segment too for WHATWG URL
parsers and RFC 3986 normalisers (proxies, CDNs, server frameworks), so no encoding of ``.`` or
``..`` addresses a project reliably: they are refused before any request. Every other id, dots
included (``...``, ``a/../b``), is sent as exactly one percent-encoded segment.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from generated import AuthenticatedClient
from magic_hour_ext import (
    InvalidArgumentError,
    acheck_result,
    adelete_project,
    aget_project,
    check_result,
    delete_project,
    get_project,
)
from magic_hour_ext.testing import MagicHourServer
from tests.magic_hour_ext._helpers import api_client, in_mode

PREFIX = "/v1/image-projects/"
Call = Callable[[str, str, AuthenticatedClient, Path], Any]

# Each public call that takes a project id, with the test's mode (sync, asyncio or trio).
CALLS: dict[str, Call] = {
    "get_project": lambda mode, pid, c, d: in_mode(mode, get_project, aget_project)(pid, client=c),
    "delete_project": lambda mode, pid, c, d: in_mode(mode, delete_project, adelete_project)(pid, client=c),
    "check_result": lambda mode, pid, c, d: in_mode(mode, check_result, acheck_result)(
        pid, client=c, download_directory=d, timeout=5
    ),
}


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("project_id", [".", ".."])
def test_dot_segment_ids_are_refused_before_any_request(
    server: MagicHourServer, tmp_path: Path, mode: str, call: str, project_id: str
) -> None:
    server.create_project(project_id)
    client = api_client(server)
    with pytest.raises(InvalidArgumentError, match="dot segment"):
        CALLS[call](mode, project_id, client, tmp_path)
    assert server.requests == []


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("project_id", ["...", "a/../b", "../x", "./.", ".%2e", " .."])
def test_other_dotted_ids_stay_one_segment_under_the_collection(
    server: MagicHourServer, tmp_path: Path, mode: str, call: str, project_id: str
) -> None:
    server.create_project(project_id)
    client = api_client(server)
    CALLS[call](mode, project_id, client, tmp_path)
    api = [r for r in server.requests if r.host == "api"]
    assert api
    for request in api:
        assert request.path.startswith(PREFIX)
        segment = request.path[len(PREFIX) :]
        assert "/" not in segment
        assert segment not in (".", "..")
        assert segment == quote(project_id, safe="")
        assert unquote(segment) == project_id
