from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from magic_hour_ext._naming import output_filename, safe_extension, safe_project_id

BASE = "http://127.0.0.1:1/p/1/"

HOSTILE = [
    "..",
    "../../etc/passwd",
    "%2F..%2Fx.png",
    "..%2F..%2Fevil.png",
    "%2Fabs%2Fpath.png",
    "/abs.png",
    "a%00b.png",
    "x.png%00",
    "a" * 300 + ".png",
    "..\\..\\win.png",
    "%5C..%5Cwin.png",
    "",
    ".",
    "name.verylongextension",
    "x.p/ng",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_inside(name: str, tmp_path: Path) -> None:
    filename = output_filename("proj", 1, BASE + name + "?signature=s")
    assert "/" not in filename
    assert "\\" not in filename
    assert "\x00" not in filename
    assert not filename.startswith(".")
    assert len(filename.encode()) <= 130
    target = (tmp_path / filename).resolve()
    assert target.parent == tmp_path.resolve()
    assert filename.startswith("mh-proj-1.")


def test_extension_kept_and_lowered() -> None:
    assert safe_extension(BASE + "output.PNG?x=1") == ".png"
    assert safe_extension(BASE + "photo.jpeg") == ".jpeg"
    assert safe_extension(BASE + "archive.tar.gz") == ".gz"
    assert safe_extension(BASE + "noext") == ".bin"
    assert safe_extension(BASE + "x.p%20g") == ".bin"
    assert safe_extension("http://[bad") == ".bin"


def test_same_basename_does_not_collide() -> None:
    names = {output_filename("p", i, BASE + "output.png") for i in (1, 2, 3)}
    assert len(names) == 3
    assert output_filename("p1", 1, BASE + "output.png") != output_filename("p2", 1, BASE + "output.png")


@pytest.mark.parametrize(
    ("a", "b"),
    [("a/b", "a?b"), ("a/b", "a_b"), ("x" * 150, "x" * 151), ("é", "_"), ("a b", "a_b")],
)
def test_different_ids_never_share_a_name(a: str, b: str) -> None:
    assert safe_project_id(a) != safe_project_id(b)


def test_plain_ids_are_unchanged() -> None:
    assert output_filename("cuid-example", 2, BASE + "output.png") == "mh-cuid-example-2.png"


@pytest.mark.parametrize(
    ("project_id", "expected"),
    [
        ("a/b", "a_b." + hashlib.sha256(b"a/b").hexdigest()[:12]),
        ("../a", "___a." + hashlib.sha256(b"../a").hexdigest()[:12]),
        ("é", "_." + hashlib.sha256("é".encode()).hexdigest()[:12]),
        ("x" * 101, "x" * 100 + "." + hashlib.sha256(b"x" * 101).hexdigest()[:12]),
    ],
)
def test_other_ids_get_the_sha256_of_the_raw_id(project_id: str, expected: str) -> None:
    # The documented rule, computed here independently: the same name on every run and machine.
    assert safe_project_id(project_id) == expected
    assert os.sep not in expected


def test_names_do_not_depend_on_the_process() -> None:
    # Nothing per process (hash seeds, randomness) may enter a name: a run resumed later must find
    # the files of the first.
    code = "from magic_hour_ext._naming import output_filename as f; print(f('a/b?c', 3, 'http://h/x.PNG'))"
    names = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert names == {output_filename("a/b?c", 3, "http://h/x.PNG")}


def test_surrogates_do_not_crash() -> None:
    assert safe_project_id("\udcff").startswith("_.")
