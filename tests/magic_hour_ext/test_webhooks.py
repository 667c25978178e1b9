"""The public module magic_hour_ext.webhooks: complete and documented."""

from __future__ import annotations

import inspect

import pytest

import magic_hour_ext
from magic_hour_ext import webhooks


def test_all_is_complete() -> None:
    # "@py_builtins" and "@pytest_ar": pytest rewrites the asserts of a package with a pytest11 plugin.
    public = {name for name in vars(webhooks) if not name.startswith(("_", "@"))}
    assert public == set(webhooks.__all__)


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in webhooks.__all__
        if inspect.isclass(getattr(webhooks, n)) or inspect.isfunction(getattr(webhooks, n))
    ],
)
def test_public_names_have_docstrings_with_examples(name: str) -> None:
    doc = inspect.getdoc(getattr(webhooks, name)) or ""
    assert doc.strip()
    if name in ("verify_event", "WebhookWaiter", "WebhookEvent", "WebhookVerificationError"):
        assert "Example:" in doc


def test_its_errors_are_those_of_magic_hour_ext() -> None:
    errors = [name for name in webhooks.__all__ if name.endswith("Error")]
    assert len(errors) == 7
    for name in errors:
        assert getattr(webhooks, name) is getattr(magic_hour_ext, name)
