"""The public surface of magic_hour_ext.testing: complete `__all__`, documented.

Its examples run with every other module's, in tests/magic_hour_ext/test_init.py (with a server).
"""

import pytest

import magic_hour_ext.testing as testing

TYPE_ALIASES = {"Route", "FaultKind"}


def test_all_is_complete() -> None:
    # "@py_builtins" and "@pytest_ar": pytest rewrites the asserts of a package with a pytest11 plugin.
    public = {name for name in dir(testing) if not name.startswith(("_", "@"))}
    assert set(testing.__all__) == public


@pytest.mark.parametrize("name", sorted(set(testing.__all__) - TYPE_ALIASES))
def test_public_names_have_docstrings(name: str) -> None:
    assert getattr(testing, name).__doc__
