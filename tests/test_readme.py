"""Every Python block of the README runs, against the local server standing in for the API.

Each block runs as a program of its own (a child Python, so that what it sets up, such as
logging, stays there), in an empty folder, with ``MAGIC_HOUR_API_KEY`` and
``MAGIC_HOUR_BASE_URL`` pointing at a local server whose token is the README's own ``"..."``.
The server holds the projects the blocks name (``cuid-example``, ``id-1``, ``id-2``), and the
production base URL written in a block is replaced by the server's. A block that defines
``test_*`` functions has them called, with a ``my_app`` that downloads with ``check_result``.

A block that cannot run here says why on the line before its fence, as an HTML comment that
GitHub does not show: ``<!-- not run by tests/test_readme.py: the reason -->``. It is reported as
skipped, with that reason.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from magic_hour_ext.testing import MagicHourServer
from tests.magic_hour_ext._helpers import child_env

README = Path(__file__).resolve().parents[1] / "README.md"
PRODUCTION = "https://api.magichour.ai"
PROJECTS = ("cuid-example", "id-1", "id-2")
NOT_RUN = re.compile(r"<!-- not run by tests/test_readme\.py: (.+) -->")

# What the README's code calls but does not define: "your code" of the testing section.
PRELUDE = """\
import types

from generated import AuthenticatedClient
from magic_hour_ext import check_result


def _download(project_id, *, base_url, token):
    client = AuthenticatedClient(base_url=base_url, token=token)
    return check_result(project_id, client=client, download_directory="my-app")


my_app = types.SimpleNamespace(download=_download)
"""
EPILOGUE = """
for _name, _test in list(globals().items()):
    if _name.startswith("test_") and callable(_test):
        _test()
        print(f"{_name} passed")
"""

# What the blocks that print print (a regular expression), by a line of the block.
STDOUT = {
    'result = check_result("cuid-example"': r"complete\n\[PosixPath\('outputs/mh-cuid-example-1\.png'\)\]\n",
    "async def main(ids": r"id-1 \[PosixPath\('mh-id-1-1\.png'\)\]\nid-2 \[PosixPath\('mh-id-2-1\.png'\)\]\n",
    "get_image_project.sync": r"complete \['http://127\.0\.0\.1:\d+/cuid-example/0/output\.png\?expires=\d+&signature=\w+'\]\n",
    "def test_my_app_retries_and_downloads": r"test_my_app_retries_and_downloads passed\n",
}


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence
    code: str
    not_run: str | None  # why it cannot run here, when it cannot


def python_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```python":
            start = i
            i += 1
            body: list[str] = []
            while lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            indent = len(lines[start]) - len(lines[start].lstrip())
            code = "\n".join(line[indent:] for line in body) + "\n"
            previous = next((line for line in reversed(lines[:start]) if line.strip()), "")
            marker = NOT_RUN.search(previous)
            blocks.append(Block(start + 1, code, marker[1] if marker else None))
        i += 1
    return blocks


BLOCKS = python_blocks(README.read_text())


def test_the_readme_has_python_blocks_and_every_marker_is_read() -> None:
    assert len(BLOCKS) >= 7
    markers = README.read_text().count("<!-- not run by tests/test_readme.py")
    assert markers == sum(block.not_run is not None for block in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: f"line{block.line}")
def test_the_python_blocks_run(block: Block, tmp_path: Path) -> None:
    if block.not_run is not None:
        pytest.skip(f"README.md line {block.line}, on purpose: {block.not_run}")
    with MagicHourServer(token="...") as server:
        for project_id in PROJECTS:
            server.create_project(project_id)
        code = PRELUDE + block.code.replace(PRODUCTION, server.base_url) + EPILOGUE
        run = subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp_path,
            env=child_env(MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_BASE_URL=server.base_url),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 0, f"README.md line {block.line}:\n{run.stderr}"
    expected = [pattern for line, pattern in STDOUT.items() if line in block.code]
    assert re.fullmatch(expected[0] if expected else "", run.stdout), run.stdout
