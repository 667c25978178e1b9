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
        "_gate", "_log", "_naming", "_redact", "_requests", "_result", "_retry", "_schedule", "_sync",
        "_final_events", "_loop_call", "_signature", "_verify", "_waiter", "_webhook_event",
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


def test_importing_keeps_retry_logs_quiet_in_unconfigured_apps() -> None:
    import subprocess
    import sys

    code = (
        "import logging, magic_hour_ext; "
        "logging.getLogger('stamina').warning('stamina.retry_scheduled'); "
        "logging.getLogger('other').warning('visible')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "visible" in result.stderr  # Python's last-resort handler still works for others
    assert "stamina.retry_scheduled" not in result.stderr
