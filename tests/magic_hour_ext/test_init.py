"""The public surface: __all__ is complete, everything public is documented with an example."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import magic_hour_ext

_PRIVATE_MODULES = sorted(
    m.name
    for m in pkgutil.iter_modules(magic_hour_ext.__path__, "magic_hour_ext.")
    if m.name.rsplit(".", 1)[1].startswith("_") and not m.name.rsplit(".", 1)[1].startswith("_cli")
)


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
