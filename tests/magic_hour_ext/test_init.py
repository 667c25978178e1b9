"""The public surface: __all__ is complete, everything public is documented with an example."""

from __future__ import annotations

import doctest
import importlib
import inspect

import pytest

import magic_hour_ext

# The modules of the check_result layer (the command line and the local server test their own).
_PRIVATE_MODULES = [
    f"magic_hour_ext.{name}"
    for name in (
        "_api", "_async", "_check", "_config", "_core", "_download", "_driver", "_errors", "_files",
        "_gate", "_log", "_naming", "_network", "_partial", "_redact", "_requests", "_result", "_retry",
        "_schedule", "_sizes",
        "_sync", "_transport",
        "_final_events", "_loop_call", "_signature", "_verify", "_waiter", "_webhook_event",
        "_assets", "_upload", "_upload_api", "_upload_body", "_schema",
    )
]  # fmt: skip


def test_all_is_complete_and_sorted() -> None:
    public = {
        name
        for name, value in vars(magic_hour_ext).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(magic_hour_ext.__all__)
    assert magic_hour_ext.__all__ == sorted(magic_hour_ext.__all__)


@pytest.mark.parametrize("name", magic_hour_ext.__all__)
def test_public_names_have_docstrings(name: str) -> None:
    obj = getattr(magic_hour_ext, name)
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{name} has no docstring"
    if inspect.isfunction(obj):
        assert "Example:" in doc, f"{name}'s docstring has no Example: section"


@pytest.mark.parametrize(
    "name",
    ["check_result", "acheck_result", "CheckResult", "DownloadProgress", "MagicHourError", "get_project"],
)
def test_key_names_are_exported(name: str) -> None:
    assert name in magic_hour_ext.__all__


@pytest.mark.parametrize("module_name", _PRIVATE_MODULES)
def test_module_examples_run(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert hasattr(module, "__all__"), f"{module_name} has no __all__"
    failures, _tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_logger_is_silent_by_default() -> None:
    import logging

    handlers = logging.getLogger("magic_hour_ext").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)


# Run in a fresh interpreter: what every logger of httpx, httpcore and stamina has, and every class
# attribute of httpx and httpcore, before and after importing magic_hour_ext.
_SNAPSHOT = """
import inspect, json, logging, sys
import httpcore, httpx, stamina

OTHERS = ("httpx", "httpcore", "stamina")

def loggers():
    names = [n for n in logging.Logger.manager.loggerDict if n.split(".")[0] in OTHERS]
    state = {}
    for name in sorted({*OTHERS, *names}):
        logger = logging.getLogger(name)
        state[name] = [logger.level, logger.propagate, logger.disabled,
                       [repr(h) for h in logger.handlers], [repr(f) for f in logger.filters]]
    state["<root>"] = [logging.root.level, [repr(h) for h in logging.root.handlers], repr(logging.lastResort)]
    return state

def classes():
    state = {}
    for module in (httpcore, httpx):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value):
                state[f"{module.__name__}.{name}"] = {k: repr(v) for k, v in vars(value).items()}
    return state

before = {"loggers": loggers(), "classes": classes()}
import magic_hour_ext
after = {"loggers": loggers(), "classes": classes()}
print(json.dumps({"before": before, "after": after}))
"""


def test_importing_changes_no_other_library() -> None:
    import json
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _SNAPSHOT], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    states = json.loads(run.stdout)
    before, after = states["before"], states["after"]
    assert after["classes"] == before["classes"]  # no patched attribute (READ_NUM_BYTES, ...)
    assert {"httpx", "httpcore", "httpcore.http11", "stamina"} <= set(before["loggers"])
    changed = {
        name: (before["loggers"].get(name), state)
        for name, state in after["loggers"].items()
        if before["loggers"].get(name, [0, True, False, [], []]) != state
    }
    assert changed == {}  # no handler, filter or level on httpx, httpcore(.*), stamina or the root


def test_an_unconfigured_application_sees_retry_warnings_as_without_us() -> None:
    # stamina reports each retry at WARNING on its logger; an application that configured no
    # logging gets it from Python's last-resort handler, importing us or not (README: how to
    # silence it). Our own logger stays silent.
    import subprocess
    import sys

    code = (
        "import logging, magic_hour_ext; "
        "logging.getLogger('stamina').warning('stamina.retry_scheduled'); "
        "logging.getLogger('magic_hour_ext').warning('ours'); "
        "logging.getLogger('stamina').setLevel(logging.ERROR); "
        "logging.getLogger('stamina').warning('silenced')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stderr.splitlines() == ["stamina.retry_scheduled"]
