"""The catalog writer: what it reads from a spec, and how it refuses a spec it cannot read."""

import copy
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spec_pipeline import SpecError, build_catalog, render_catalog
from spec_pipeline._catalog import _EXAMPLE

ROOT = Path(__file__).resolve().parents[3]


def example() -> dict[str, Any]:
    return copy.deepcopy(_EXAMPLE)


def body(spec: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"]["AiImageGeneratorBody"]
    return schema


def test_file_inputs_are_paths_into_the_body_with_items_as_a_star() -> None:
    spec = example()
    body(spec)["properties"]["assets"]["properties"]["faces"] = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "new_face": {"type": "string", "x-file-input": "image"},
                "original_face": {"type": "string"},
            },
        },
    }
    body(spec)["properties"]["clips"] = {
        "type": "array",
        "items": {"type": "string", "x-file-input": "video"},
    }

    [tool] = build_catalog(spec).tools

    assert tool.file_inputs == (
        (("assets", "image_file_path"), "image"),
        (("assets", "faces", "*", "new_face"), "image"),
        (("clips", "*"), "video"),
    )


def test_the_body_schema_is_resolved_and_closed() -> None:
    spec = example()
    spec["components"]["schemas"]["Assets"] = body(spec)["properties"]["assets"]
    body(spec)["properties"]["assets"] = {"$ref": "#/components/schemas/Assets"}
    body(spec)["properties"]["style"] = {"type": ["object", "null"], "properties": {}, "examples": [{}]}

    [tool] = build_catalog(spec).tools

    assert tool.body_schema == {
        "type": "object",
        "properties": {
            "assets": {
                "type": "object",
                "properties": {"image_file_path": {"type": "string"}},
                "additionalProperties": False,
            },
            "style": {"type": ["object", "null"], "properties": {}, "additionalProperties": False},
        },
        "additionalProperties": False,
    }
    assert "$ref" not in repr(tool.body_schema)


def test_a_kind_comes_from_its_tag_and_its_get() -> None:
    [kind] = build_catalog(example()).kinds

    assert (kind.name, kind.path_prefix, kind.model) == ("image", "/v1/image-projects/", "ImageProject")
    assert (kind.model_module, kind.api_module) == (
        "generated.models.image_project",
        "generated.api.image_projects",
    )
    assert kind.get_function == "get_image_project"
    assert kind.delete_function is None
    assert [(name, field.types, field.required) for name, field in kind.fields] == [
        ("id", ("string",), True),
        ("status", ("string",), True),
    ]


def test_nullable_references_union_their_types() -> None:
    spec = example()
    spec["components"]["schemas"]["Error"] = {"type": "object", "properties": {"code": {"type": "string"}}}
    spec["components"]["schemas"]["ImageProject"]["properties"]["error"] = {
        "oneOf": [{"$ref": "#/components/schemas/Error"}, {"type": "null"}]
    }

    [kind] = build_catalog(spec).kinds

    error = dict(kind.fields)["error"]
    assert (error.types, error.required, error.model) == (("object", "null"), False, "Error")
    assert [name for name, _ in error.fields] == ["code"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda spec: spec["paths"].pop("/v1/image-projects/{id}"), "needs exactly one `GET .../{id}`"),
        (
            lambda spec: body(spec)["properties"]["assets"]["properties"]["image_file_path"].update(
                {"x-file-input": "gif"}
            ),
            "x-file-input at assets.image_file_path is 'gif'",
        ),
        (
            lambda spec: spec["paths"]["/v1/ai-image-generator"]["post"]["requestBody"]["content"][
                "application/json"
            ].update(schema={"type": "object"}),
            "the request body is not a named model",
        ),
        (
            lambda spec: spec["paths"]["/v1/ai-image-generator"]["post"].pop("operationId"),
            "has no operationId",
        ),
    ],
)
def test_a_spec_the_catalog_cannot_read_is_refused(change: Any, message: str) -> None:
    spec = example()
    change(spec)

    with pytest.raises(SpecError, match=re.escape(message)):
        build_catalog(spec)


def test_names_are_checked_against_the_generated_files(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "image_project.py").write_text("class ImageProject:\n    pass\n")

    with pytest.raises(SpecError, match=re.escape("openapi-python-client wrote no get_image_project.py")):
        build_catalog(example(), generated=tmp_path)


def test_the_rendered_module_is_deterministic_python() -> None:
    first = render_catalog(build_catalog(example()))

    assert first == render_catalog(build_catalog(example()))
    compile(first, "catalog.py", "exec")


def test_the_hook_refuses_to_run_without_the_spec_variable(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "write_catalog.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "MAGIC_HOUR_SPEC is not set" in result.stderr
    assert list(tmp_path.iterdir()) == []
