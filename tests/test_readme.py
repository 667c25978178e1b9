"""Every Python block of the README runs, against the local server standing in for the API.

Each block runs as a program of its own (a child Python, so that what it sets up, such as
logging, stays there), in an empty folder, with ``MAGIC_HOUR_API_KEY`` and
``MAGIC_HOUR_BASE_URL`` pointing at a local server whose token is the README's own ``"..."``.
The server holds the projects the blocks name (``cuid-example``, ``id-1``, ``id-2``, the video
``cuid-video`` and the audio project ``cuid-audio``), and the
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

from magic_hour_ext.testing import MagicHourServer, sample_png
from tests.magic_hour_ext._helpers import child_env

README = Path(__file__).resolve().parents[1] / "README.md"
PRODUCTION = "https://api.magichour.ai"
PROJECTS = ("cuid-example", "id-1", "id-2")
# Projects of the other kinds the blocks name, by id.
KINDS = {"cuid-video": "video", "cuid-audio": "audio"}
WEBHOOK_SECRET = "whsec_readme"
# Local files the blocks upload, made in the block's folder before it runs.
INPUTS = {
    "photos/face.png": sample_png(),
    "a.jpg": b"\xff\xd8\xff\xe0 a JPEG's first bytes",
    "clip.webm": b"\x1aE\xdf\xa3 a WebM's first bytes",
    "voice.mp3": b"ID3 an MP3's first bytes",
}
NOT_RUN = re.compile(r"<!-- not run by tests/test_readme\.py: (.+) -->")

# What the README's code calls but does not define: "your code" of the testing section.
PRELUDE = """\
import hashlib
import hmac
import json
import os
import pathlib
import tempfile
import time
import types

from generated import AuthenticatedClient
from magic_hour_ext import check_result
from magic_hour_ext.testing import instant_retries as _instant_retries


def _download(project_id, *, base_url, token):
    client = AuthenticatedClient(base_url=base_url, token=token)
    return check_result(project_id, client=client, download_directory="my-app")


my_app = types.SimpleNamespace(download=_download)

# A webhook delivery as a web framework hands it over: the raw body and the headers, signed with
# the secret in MAGIC_HOUR_WEBHOOK_SECRET.
_payload = {"id": "cuid-example", "status": "complete", "downloads": []}
raw_body = json.dumps({"type": "image.completed", "payload": _payload})
_stamp = str(int(time.time()))
request_headers = {
    "magic-hour-event-timestamp": _stamp,
    "magic-hour-event-signature": hmac.new(
        os.environ["MAGIC_HOUR_WEBHOOK_SECRET"].encode(), f"{_stamp}.{raw_body}".encode(), hashlib.sha256
    ).hexdigest(),
}
"""
# Test functions are called as pytest would, with the fixtures they name: instant_retries (the
# plugin's) and tmp_path.
EPILOGUE = """
for _name, _test in list(globals().items()):
    if _name.startswith("test_") and callable(_test):
        _wanted = _test.__code__.co_varnames[: _test.__code__.co_argcount]
        _args = {"tmp_path": pathlib.Path(tempfile.mkdtemp()), "instant_retries": None}
        with _instant_retries():
            _test(**{_arg: _args[_arg] for _arg in _wanted})
        print(f"{_name} passed")
"""

# What the blocks that print print (a regular expression), by a line of the block.
STDOUT = {
    '"face-swap-photo",': r"created \w+\ncomplete 5 1\n",
    'result = check_result("cuid-example"': r"complete\n\[PosixPath\('outputs/mh-cuid-example-1\.png'\)\]\n",
    'video = check_result("cuid-video"': (
        r"1024 576 \[PosixPath\('outputs/mh-cuid-video-1\.mp4'\)\]\ncomplete \['output\.wav'\]\n"
    ),
    "async def main(ids": r"cuid-example \[PosixPath\('outputs/mh-cuid-example-1\.png'\)\]\n",
    "get_image_project.sync": r"complete \['http://127\.0\.0\.1:\d+/cuid-example/0/output\.png\?expires=\d+&signature=\w+'\]\n",
    "def test_my_app_retries_and_downloads": r"test_my_app_retries_and_downloads passed\n",
    "on_progress=print": r"(UploadProgress\(path=PosixPath\('[\w.]+'\), .*\)\n)+",
    "def test_survives_a_flaky_api": r"test_survives_a_flaky_api passed\n",
    "def test_my_receiver_wakes_the_wait": r"test_my_receiver_wakes_the_wait passed\n",
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
    for name, content in INPUTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    with MagicHourServer(token="...") as server:
        for project_id in PROJECTS:
            server.create_project(project_id)
        for project_id, kind in KINDS.items():
            server.create_project(project_id, kind=kind)  # type: ignore[arg-type]
        code = PRELUDE + block.code.replace(PRODUCTION, server.base_url) + EPILOGUE
        run = subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp_path,
            env=child_env(
                MAGIC_HOUR_API_KEY=server.token,
                MAGIC_HOUR_BASE_URL=server.base_url,
                MAGIC_HOUR_WEBHOOK_SECRET=WEBHOOK_SECRET,
            ),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 0, f"README.md line {block.line}:\n{run.stderr}"
    expected = [pattern for line, pattern in STDOUT.items() if line in block.code]
    assert re.fullmatch(expected[0] if expected else "", run.stdout), run.stdout
