"""`make check-generated` notices when generated/ no longer matches openapi.yaml."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)


def _copy_project(dest: Path) -> Path:
    for name in ("Makefile", "openapi.yaml", "openapi-python-client.yaml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    # What `make generate` runs: the custom templates, and the post hook that writes the catalog.
    shutil.copytree(ROOT / "scripts" / "templates", dest / "scripts" / "templates")
    shutil.copytree(
        ROOT / "scripts" / "spec_pipeline",
        dest / "scripts" / "spec_pipeline",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy2(ROOT / "scripts" / "write_catalog.py", dest / "scripts" / "write_catalog.py")
    shutil.copytree(ROOT / "generated", dest / "generated", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _check_generated(project: Path) -> subprocess.CompletedProcess[str]:
    # Reuse this venv: its stamp file is newer than the copied pyproject.toml, so nothing is installed.
    return subprocess.run(
        ["make", "-s", "check-generated", f"VENV={VENV}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if not (VENV / ".installed").exists():
        pytest.skip("needs the project's .venv made by `make install`")
    return _copy_project(tmp_path)


def test_check_generated_passes_on_the_committed_tree(project: Path) -> None:
    result = _check_generated(project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_generated_fails_with_a_diff_when_the_spec_changed(project: Path) -> None:
    spec = project / "openapi.yaml"
    spec.write_text(spec.read_text().replace("Number of images generated", "How many images were made"))

    result = _check_generated(project)

    assert result.returncode != 0
    assert "How many images were made" in result.stdout
    assert "generated/ is stale" in result.stderr


def test_check_generated_covers_the_catalog(project: Path) -> None:
    """generated/catalog.py comes from the spec too: a stale catalog is caught like a stale model."""
    catalog = project / "generated" / "catalog.py"
    catalog.write_text(catalog.read_text().replace('"/v1/image-projects/"', '"/v1/old-projects/"'))

    result = _check_generated(project)

    assert result.returncode != 0
    assert "/v1/old-projects/" in result.stdout
    assert "generated/ is stale" in result.stderr
