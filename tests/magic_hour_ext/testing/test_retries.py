"""instant_retries: a user's own test of a 503-then-200 passes with it, and not with stamina's switch.

The user's test runs in a pytest of its own (pytester), in a folder with no conftest: the
``instant_retries`` fixture comes from the package's ``pytest11`` entry point, as it does for
anyone who installs magic-hour-ext.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import stamina

from generated import AuthenticatedClient
from magic_hour_ext import get_project
from magic_hour_ext.testing import Fault, MagicHourServer, instant_retries

pytest_plugins = ["pytester"]

# A user's app function and its test, as the README's testing tip has it. {switch} is the fixture.
USER_TEST = """
import pytest
import stamina

from generated import AuthenticatedClient
from magic_hour_ext import check_result
from magic_hour_ext.testing import Fault, MagicHourServer


@pytest.fixture
def stamina_testing():
    with stamina.set_testing(True):
        yield


def save_render(project_id, client, folder):  # the user's app function
    return check_result(project_id, client=client, download_directory=folder, timeout=60)


def test_save_render_rides_out_a_flaky_api({switch}, tmp_path):
    with MagicHourServer() as server:
        project = server.create_project()
        server.add_fault(Fault.status(503, route="get"))  # the first GET fails, the next one works
        client = AuthenticatedClient(base_url=server.base_url, token=server.token)
        result = save_render(project.id, client, tmp_path)
    assert result.status == "complete"
    assert [r.status for r in server.api_requests()] == [503, 200]
"""


def test_the_fixture_lets_a_user_test_of_a_503_then_200_pass(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST.format(switch="instant_retries"))
    started = time.monotonic()
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert time.monotonic() - started < 20  # no real backoff was waited (it would be 0.25-0.5 s)


def test_stamina_s_own_switch_fails_the_same_test(pytester: pytest.Pytester) -> None:
    # What the README's tip used to say: set_testing(True) also makes every call a single attempt.
    pytester.makepyfile(test_user=USER_TEST.format(switch="stamina_testing"))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*APIError*HTTP 503*"])


def test_the_context_manager_keeps_the_attempts_and_restores_the_setting(server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(503, times=5))  # the sixth attempt gets the project
    client = AuthenticatedClient(base_url=server.base_url, token=server.token)
    assert not stamina.is_testing()
    started = time.monotonic()
    with instant_retries():
        assert str(get_project(project.id, client=client).status) == "complete"
    assert time.monotonic() - started < 5  # five real backoffs would be 7.75 s at least
    assert not stamina.is_testing()
    assert len(server.api_requests()) == 6


def test_the_plugin_is_an_entry_point_and_pytest_is_not_imported_by_the_package() -> None:
    code = (
        "import importlib.metadata as m, sys\n"
        "import magic_hour_ext, magic_hour_ext.testing\n"
        "points = {e.name: e.value for e in m.entry_points(group='pytest11')}\n"
        "print(points.get('magic_hour_ext'), 'pytest' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["magic_hour_ext.testing._pytest_plugin", "False"]
