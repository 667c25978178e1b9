"""The wheel ships both packages, typed, and depends only on what runs."""

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_both_typed_packages_and_minimal_dependencies(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            tmp_path,
            ROOT,
        ],
        check=True,
        timeout=120,
    )
    (wheel,) = tmp_path.glob("magic_hour_ext-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(metadata_name).decode())

    assert {"generated/py.typed", "magic_hour_ext/py.typed", "generated/client.py"} <= names
    assert not any(name.startswith("tests/") for name in names)
    runtime = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert sorted(r.split(">")[0].split("=")[0].split("<")[0] for r in runtime) == [
        "anyio",
        "attrs",
        "h11",
        "httpx",
        "rich",
        "stamina",
    ]
    assert metadata["Requires-Python"] == ">=3.11"
