"""The public surface of magic_hour_ext.testing: complete `__all__`, documented, working examples."""

import doctest
import importlib

import pytest

import magic_hour_ext.testing as testing

TYPE_ALIASES = {"Route", "FaultKind"}
MODULES = [
    "__init__",
    "_content",
    "_creates",
    "_faults",
    "_http",
    "_inject",
    "_log",
    "_main",
    "_projects",
    "_pytest_plugin",
    "_responses",
    "_retries",
    "_router",
    "_server",
    "_specs",
    "_uploads",
]


def test_all_is_complete() -> None:
    # "@py_builtins" and "@pytest_ar": pytest rewrites the asserts of a package with a pytest11 plugin.
    public = {name for name in dir(testing) if not name.startswith(("_", "@"))}
    assert set(testing.__all__) == public


@pytest.mark.parametrize("name", sorted(set(testing.__all__) - TYPE_ALIASES))
def test_public_names_have_docstrings(name: str) -> None:
    assert getattr(testing, name).__doc__


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: str) -> None:
    name = "magic_hour_ext.testing" if module == "__init__" else f"magic_hour_ext.testing.{module}"
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
