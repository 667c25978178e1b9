"""The public surface: __all__ is complete, everything public is documented with an example."""

from __future__ import annotations

import doctest
import importlib
import inspect
import io
import pkgutil
from pathlib import Path

import pytest

import magic_hour_ext
from magic_hour_ext.testing import MagicHourServer
from tests.conftest import TOKEN

# Every module of the package, the local server's included (the __main__ modules run the command
# line when imported, and hold no example).
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(magic_hour_ext.__path__, "magic_hour_ext.")
    if not info.name.endswith(".__main__")
)
EXAMPLES = [
    example
    for name in ["magic_hour_ext", *MODULES]
    for example in doctest.DocTestFinder(exclude_empty=True).find(importlib.import_module(name))
    if example.examples
]


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


@pytest.mark.parametrize("module_name", MODULES)
def test_every_module_declares_its_public_names(module_name: str) -> None:
    assert hasattr(importlib.import_module(module_name), "__all__"), f"{module_name} has no __all__"


@pytest.mark.parametrize("module_name", ["magic_hour_ext", *MODULES])
def test_every_example_is_found(module_name: str) -> None:
    # Each ">>>" line of the source is one example that test_docstring_examples_run runs: none
    # hides where doctest does not look (a nested function, a comment, a mangled docstring).
    module = importlib.import_module(module_name)
    prompts = sum(line.lstrip().startswith(">>>") for line in inspect.getsource(module).splitlines())
    found = sum(len(example.examples) for example in EXAMPLES if example.filename == module.__file__)
    assert found == prompts


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=lambda example: example.name.removeprefix("magic_hour_ext.")
)
def test_docstring_examples_run(
    example: doctest.DocTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``Example:`` runs, none skipped: those that need an API get a local server.

    Each docstring gets a fresh server (the globals ``server``, and ``project``: the project
    ``cuid-example``, complete with one PNG), which the environment points the library at
    (``MAGIC_HOUR_API_KEY``, ``MAGIC_HOUR_BASE_URL``), and runs in an empty folder of its own.
    """
    assert "+SKIP" not in (example.docstring or ""), f"{example.name} skips an example"
    monkeypatch.chdir(tmp_path)
    with MagicHourServer(token=TOKEN) as server:
        monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
        monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
        monkeypatch.delenv("MAGIC_HOUR_POLL_INTERVAL", raising=False)
        example.globs.update(server=server, project=server.create_project("cuid-example"))
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        report = io.StringIO()
        result = runner.run(example, out=report.write)
    assert result.failed == 0, report.getvalue()


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
