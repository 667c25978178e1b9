"""The README's async example closes what it opens: no ResourceWarning under ``python -X dev``.

It runs as a user would run it, in a process of its own, against the local server standing in for
the API (``MAGIC_HOUR_API_KEY`` / ``MAGIC_HOUR_BASE_URL``, project ``cuid-example``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from magic_hour_ext.testing import MagicHourServer, Output
from tests.magic_hour_ext._helpers import child_env

README = Path(__file__).resolve().parents[1] / "README.md"


def async_example() -> str:
    """The README's Python block that runs acheck_result with asyncio."""
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    (block,) = [b for b in blocks if "acheck_result" in b and "asyncio.run(" in b]
    return block


def test_the_async_example_closes_its_clients(server: MagicHourServer, tmp_path: Path) -> None:
    # Before: it never closed its AuthenticatedClient: "ResourceWarning: unclosed transport".
    server.create_project("cuid-example", outputs=[Output(), Output(name="second.png")])
    env = child_env(MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_BASE_URL=server.base_url)
    run = subprocess.run(
        [sys.executable, "-X", "dev", "-c", async_example()],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "ResourceWarning" not in run.stderr, run.stderr
    assert "Warning" not in run.stderr, run.stderr
    assert run.stdout.startswith("cuid-example [")
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == [
        "mh-cuid-example-1.png",
        "mh-cuid-example-2.png",
    ]
    assert all(r.status in (200, 204) for r in server.requests)
