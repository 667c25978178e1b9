"""`make update-spec`: the real upstream document reproduces openapi.yaml; changes are reported, and
breaking ones refused; a failure leaves the working tree as it was.

Every test works on a temporary copy of the repository's files, never on the working tree.
"""

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import update_spec
import yaml

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)
UPSTREAM = Path(__file__).parent / "data" / "upstream-openapi-full.json"
IMAGE = "/v1/image-projects/{id}"

# The files `make update-spec` reads or writes.
_FILES = ("Makefile", "openapi.yaml", "openapi-python-client.yaml", "scripts/write_catalog.py")
_DIRS = ("scripts/templates", "scripts/spec", "scripts/spec_pipeline", "generated")


@pytest.fixture(scope="module")
def upstream() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(UPSTREAM.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of what the update reads and writes, at a temporary root."""
    root = tmp_path / "repo"
    for name in _FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)
    for name in _DIRS:
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file at the root, except caches: what "nothing was written" compares."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _variant(tmp_path: Path, upstream: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> str:
    """Write a changed copy of the upstream document; return its path."""
    document = copy.deepcopy(upstream)
    change(document)
    path = tmp_path / "upstream-variant.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def _project(document: dict[str, Any], kind: str = "image") -> dict[str, Any]:
    """The upstream schema of a project (GET 200) of this kind."""
    schema: dict[str, Any] = document["paths"][f"/v1/{kind}-projects/{{id}}"]["get"]["responses"]["200"][
        "content"
    ]["application/json"]["schema"]
    return schema


def _remove_enabled(document: dict[str, Any]) -> None:
    del _project(document)["properties"]["enabled"]
    _project(document)["required"].remove("enabled")


def _add_status(document: dict[str, Any]) -> None:
    # The three kinds share one status enum: upstream adds a status to all of them.
    for kind in ("image", "video", "audio"):
        _project(document, kind)["properties"]["status"]["enum"].append("archived")


def _run(upstream: str, root: Path, *args: str) -> int:
    return update_spec.update_spec(
        upstream,
        root=root,
        allow_breaking="--allow-breaking" in args,
        dry_run="--dry-run" in args,
        venv=VENV,
    )


def test_the_real_upstream_reproduces_the_committed_openapi_yaml_byte_for_byte() -> None:
    plan = update_spec.plan_update(str(UPSTREAM), root=ROOT)

    assert plan.text == (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert plan.changes == []
    assert plan.warnings == [], "every overlay action still selects something upstream"


def test_an_up_to_date_spec_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(repo)

    assert _run(str(UPSTREAM), repo) == update_spec.EXIT_OK

    assert _snapshot(repo) == before
    assert "No change: openapi.yaml is up to date." in capsys.readouterr().out


def test_a_removed_field_is_breaking_and_nothing_is_written(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(repo)

    status = _run(_variant(tmp_path, upstream, _remove_enabled), repo)

    captured = capsys.readouterr()
    assert status == update_spec.EXIT_BREAKING
    assert f"BREAKING  GET {IMAGE}: response 200: field `enabled` removed" in captured.out
    assert "Nothing was changed" in captured.err
    assert "--allow-breaking" in captured.err
    assert _snapshot(repo) == before


def test_allow_breaking_writes_the_spec_and_regenerates_the_client(
    repo: Path, tmp_path: Path, upstream: dict[str, Any]
) -> None:
    status = _run(_variant(tmp_path, upstream, _remove_enabled), repo, "--allow-breaking")

    assert status == update_spec.EXIT_OK
    spec = yaml.safe_load((repo / "openapi.yaml").read_text(encoding="utf-8"))
    assert "enabled" not in spec["components"]["schemas"]["ImageProject"]["properties"]
    model = (repo / "generated" / "models" / "image_project.py").read_text(encoding="utf-8")
    assert "enabled" not in model
    assert "credits_charged: int" in model
    assert not list(repo.glob(".update-spec-*")), "no staging directory is left behind"


def test_a_new_enum_value_is_not_breaking_and_reaches_the_generated_enum(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    status = _run(_variant(tmp_path, upstream, _add_status), repo)

    assert status == update_spec.EXIT_OK
    out = capsys.readouterr().out
    assert f'ok        GET {IMAGE}: response 200: field `status`: enum value "archived" added' in out
    assert "0 breaking" in out
    enum = (repo / "generated" / "models" / "project_status.py").read_text(encoding="utf-8")
    assert 'ARCHIVED = "archived"' in enum


def test_a_new_optional_field_is_not_breaking(tmp_path: Path, upstream: dict[str, Any]) -> None:
    def add_field(document: dict[str, Any]) -> None:
        _project(document)["properties"]["width"] = {"type": "integer", "description": "Width in pixels."}

    plan = update_spec.plan_update(_variant(tmp_path, upstream, add_field), root=ROOT)

    assert [str(change) for change in plan.changes] == [
        f"ok        GET {IMAGE}: response 200: field `width` added"
    ]
    assert not plan.breaking
    assert "width:" in plan.text


def test_a_changed_type_is_breaking(tmp_path: Path, upstream: dict[str, Any]) -> None:
    def count_as_string(document: dict[str, Any]) -> None:
        _project(document)["properties"]["image_count"]["type"] = "string"

    plan = update_spec.plan_update(_variant(tmp_path, upstream, count_as_string), root=ROOT)

    assert [str(change) for change in plan.changes] == [
        f"BREAKING  GET {IMAGE}: response 200: field `image_count`: type integer -> string"
    ]


def test_an_unrelated_new_path_is_ignored(tmp_path: Path, upstream: dict[str, Any]) -> None:
    def add_path(document: dict[str, Any]) -> None:
        document["paths"]["/v1/brand-new"] = {"get": {"responses": {"200": {"description": "OK"}}}}

    plan = update_spec.plan_update(_variant(tmp_path, upstream, add_path), root=ROOT)

    assert plan.unchanged
    assert plan.changes == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json: [", "is neither JSON nor YAML (line 1, column 13)"),
        ('swagger: "2.0"\npaths: {}\n', "the upstream document is not OpenAPI 3.x (Swagger 2.0)"),
        ("- just\n- a list\n", "is not an OpenAPI document"),
    ],
)
def test_an_unreadable_document_is_a_clear_error_and_nothing_is_written(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    source = tmp_path / "upstream.yaml"
    source.write_text(content, encoding="utf-8")
    before = _snapshot(repo)

    assert _run(str(source), repo) == update_spec.EXIT_ERROR

    err = capsys.readouterr().err
    assert err.startswith("update-spec: error: ")
    assert message in err
    assert _snapshot(repo) == before


def test_an_invalid_operation_is_a_clear_error_naming_where(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    def break_responses(document: dict[str, Any]) -> None:
        document["paths"][IMAGE]["delete"]["responses"] = "nope"

    before = _snapshot(repo)

    assert _run(_variant(tmp_path, upstream, break_responses), repo) == update_spec.EXIT_ERROR

    err = capsys.readouterr().err
    assert "is not valid OpenAPI at $.paths['/v1/image-projects/{id}'].delete.responses" in err
    assert "'nope' is not of type 'object'" in err
    assert _snapshot(repo) == before


def test_a_listed_operation_missing_upstream_is_breaking(tmp_path: Path, upstream: dict[str, Any]) -> None:
    def drop_delete(document: dict[str, Any]) -> None:
        del document["paths"][IMAGE]["delete"]

    plan = update_spec.plan_update(_variant(tmp_path, upstream, drop_delete), root=ROOT)

    assert f"BREAKING  DELETE {IMAGE}: operation removed" in [str(change) for change in plan.changes]
    assert plan.breaking


def test_dry_run_reports_and_writes_nothing(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(repo)

    assert _run(_variant(tmp_path, upstream, _add_status), repo, "--dry-run") == update_spec.EXIT_OK
    assert _run(_variant(tmp_path, upstream, _remove_enabled), repo, "--dry-run") == update_spec.EXIT_BREAKING

    out = capsys.readouterr().out
    assert "enum value" in out
    assert "field `enabled` removed" in out
    assert out.count("Dry run: nothing was changed.") == 2
    assert _snapshot(repo) == before


def test_a_generator_failure_leaves_the_tree_as_it_was(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "scripts" / "templates" / "str_enum.py.jinja").write_text("{% broken", encoding="utf-8")
    before = _snapshot(repo)

    assert _run(_variant(tmp_path, upstream, _add_status), repo) == update_spec.EXIT_ERROR

    assert "make generate failed on the new openapi.yaml" in capsys.readouterr().err
    assert _snapshot(repo) == before


def test_a_failed_swap_puts_the_old_files_back(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError("disk full")

    before = _snapshot(repo)
    monkeypatch.setattr(os, "replace", fail)

    assert _run(_variant(tmp_path, upstream, _add_status), repo) == update_spec.EXIT_ERROR

    assert _snapshot(repo) == before
    assert not list(repo.glob(".update-spec-*"))


def test_widening_the_operation_list_needs_no_code_change(
    repo: Path, tmp_path: Path, upstream: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    new_path = "/v1/audio-projects/{id}/preview"

    def add_operation(document: dict[str, Any]) -> None:
        operation = copy.deepcopy(document["paths"]["/v1/audio-projects/{id}"]["get"])
        operation["operationId"] = "audioProjects.getPreview"
        document["paths"][new_path] = {"get": operation}

    operations = repo / "scripts" / "spec" / "operations.yaml"
    listed = yaml.safe_load(operations.read_text(encoding="utf-8"))
    listed["operations"].append(f"GET {new_path}")
    operations.write_text(yaml.safe_dump(listed), encoding="utf-8")

    assert _run(_variant(tmp_path, upstream, add_operation), repo) == update_spec.EXIT_OK

    assert f"ok        GET {new_path}: operation added" in capsys.readouterr().out
    spec = yaml.safe_load((repo / "openapi.yaml").read_text(encoding="utf-8"))
    preview = spec["paths"][new_path]["get"]
    # The overlay's rules for every operation apply to the new one too.
    assert preview["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    assert "x-codeSamples" not in preview
    assert (repo / "generated" / "api" / "audio_projects" / "audio_projects_get_preview.py").is_file()
    assert (repo / "generated" / "api" / "image_projects" / "get_image_project.py").is_file()


def test_make_update_spec_runs_the_script(repo: Path, tmp_path: Path, upstream: dict[str, Any]) -> None:
    if not (VENV / ".installed").exists():
        pytest.skip("needs the project's .venv made by `make install`")
    shutil.copytree(
        ROOT / "scripts", repo / "scripts", dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    # `make install` must see nothing to do: an old pyproject.toml never triggers a reinstall.
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    os.utime(repo / "pyproject.toml", (0, 0))

    variant = _variant(tmp_path, upstream, _remove_enabled)

    def make(*args: str) -> subprocess.CompletedProcess[str]:
        # Reuse this venv: its stamp file is newer than any pyproject.toml, so nothing is installed.
        return subprocess.run(
            ["make", "-s", "update-spec", f"VENV={VENV}", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    usage = make()
    refused = make(f"UPSTREAM={variant}")

    assert usage.returncode == 2
    assert "usage: make update-spec UPSTREAM=" in usage.stderr
    assert refused.returncode != 0
    assert "field `enabled` removed" in refused.stdout
    assert "ALLOW_BREAKING=1" in refused.stderr
