"""generated/catalog.py: what magic_hour_ext reads from the spec at run time, checked against it."""

import importlib
import inspect
import typing
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generated.catalog import PROJECT_KINDS, TOOLS

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def test_three_kinds_with_their_paths_and_models() -> None:
    assert {name: (kind.path_prefix, kind.model) for name, kind in PROJECT_KINDS.items()} == {
        "image": ("/v1/image-projects/", "ImageProject"),
        "video": ("/v1/video-projects/", "VideoProject"),
        "audio": ("/v1/audio-projects/", "AudioProject"),
    }


@pytest.mark.parametrize("name", ["image", "video", "audio"])
def test_each_kind_names_what_the_generator_wrote(name: str) -> None:
    kind = PROJECT_KINDS[name]
    model = getattr(importlib.import_module(kind.model_module), kind.model)
    assert model is getattr(importlib.import_module("generated.models"), kind.model)
    for function in (kind.get_function, kind.delete_function):
        assert function is not None
        module = importlib.import_module(f"{kind.api_module}.{function}")
        assert callable(module.sync_detailed)


@pytest.mark.parametrize("name", ["image", "video", "audio"])
def test_fields_and_requiredness_follow_the_spec(spec: dict[str, Any], name: str) -> None:
    kind = PROJECT_KINDS[name]
    schema = spec["components"]["schemas"][kind.model]
    assert list(kind.fields) == list(schema["properties"])
    assert (
        [field for field, shape in kind.fields.items() if shape.required]
        == schema["required"]
        == ["id", "status"]
    )
    downloads = kind.fields["downloads"]
    assert downloads.types == ("array",)
    assert downloads.items is not None
    assert downloads.items.model == "ProjectDownload"
    assert {key: (f.types, f.required, f.format) for key, f in downloads.items.fields.items()} == {
        "url": (("string",), True, "uri"),
        "expires_at": (("string",), True, "date-time"),
    }
    error = kind.fields["error"]
    assert (error.types, error.model) == (("object", "null"), "ProjectError")
    assert kind.fields["name"].types == ("string", "null")


def test_video_has_its_own_fields() -> None:
    video, audio = PROJECT_KINDS["video"].fields, PROJECT_KINDS["audio"].fields
    assert video["fps"].types == ("number",)
    assert video["download"].types == ("object", "null")
    assert "image_count" not in video
    assert "image_count" not in audio
    assert "image_count" in PROJECT_KINDS["image"].fields


# -- tools -------------------------------------------------------------------------------------------


def _walk(schema: Any) -> Iterator[dict[str, Any]]:
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _walk(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _walk(value)


def test_every_tool_with_the_kind_its_tag_gives(spec: dict[str, Any]) -> None:
    kinds = Counter(tool.kind for tool in TOOLS.values())
    assert (len(TOOLS), kinds) == (25, Counter(image=14, video=9, audio=2))
    for name, tool in TOOLS.items():
        operation = spec["paths"][f"/v1/{name}"]["post"]
        assert (tool.name, tool.method, tool.path) == (name, "POST", f"/v1/{name}")
        assert operation["tags"] == [f"{tool.kind.capitalize()} Projects"]
    assert TOOLS["ai-image-generator"].kind == "image"
    assert TOOLS["face-swap"].kind == "video"
    assert TOOLS["ai-voice-cloner"].kind == "audio"
    assert "upload-urls" not in TOOLS
    assert not any(name.startswith(("face-detection", "files")) for name in TOOLS)


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_each_tool_names_its_generated_function_and_models(name: str) -> None:
    tool = TOOLS[name]
    module = importlib.import_module(f"{tool.api_module}.{tool.function}")
    models = importlib.import_module("generated.models")
    body, response = getattr(models, tool.body_model), getattr(models, tool.response_model)
    assert tool.function == "create_" + name.replace("-", "_")
    assert (body.__name__, response.__name__) == (tool.body_model, tool.response_model)
    assert module.sync.__annotations__["body"] is body
    assert response in typing.get_args(module.sync.__annotations__["return"])
    assert f'"url": "{tool.path}"' in inspect.getsource(module)


def test_face_swap_marks_new_face_and_not_original_face() -> None:
    for name in ("face-swap", "face-swap-photo"):
        paths = {tuple(file.path): file.asset_type for file in TOOLS[name].file_inputs}
        assert paths[("assets", "face_mappings", "*", "new_face")] == "image"
        assert ("assets", "face_mappings", "*", "original_face") not in paths
    assert {file.path: file.asset_type for file in TOOLS["face-swap"].file_inputs} == {
        ("assets", "image_file_path"): "image",
        ("assets", "face_mappings", "*", "new_face"): "image",
        ("assets", "video_file_path"): "video",
    }
    assert [(f.path, f.asset_type) for f in TOOLS["ai-image-editor"].file_inputs] == [
        (("assets", "image_file_paths", "*"), "image")
    ]
    assert TOOLS["ai-image-generator"].file_inputs == ()


def test_every_file_path_field_is_marked(spec: dict[str, Any]) -> None:
    """A net under the overlay: a `*_file_path` field that upstream adds must be marked too."""
    for tool in TOOLS.values():
        marked = {file.path[-1] if file.path[-1] != "*" else file.path[-2] for file in tool.file_inputs}
        named = {
            key
            for schema in _walk(tool.body_schema)
            for key in schema.get("properties", {})
            if key.endswith(("_file_path", "_file_paths"))
        }
        assert named <= marked, tool.name
    assert sum(len(tool.file_inputs) for tool in TOOLS.values()) == 32


def test_body_schemas_are_resolved_closed_and_strict() -> None:
    for tool in TOOLS.values():
        schemas = list(_walk(tool.body_schema))
        assert not any("$ref" in schema for schema in schemas), tool.name
        objects = [s for s in schemas if s.get("type") == "object" or "properties" in s]
        assert objects, tool.name
        assert all(schema["additionalProperties"] is False for schema in objects), tool.name
        assert not any(key.startswith("x-") for schema in schemas for key in schema), tool.name


def test_a_body_schema_refuses_unknown_keys_wrong_types_and_enum_values() -> None:
    schema = TOOLS["ai-image-generator"].body_schema
    good = {"image_count": 1, "style": {"prompt": "a cat"}, "model": "default"}
    jsonschema.validate(good, schema)
    for bad in (
        {**good, "colour": "red"},
        {**good, "style": {"prompt": "a cat", "mood": "calm"}},
        {**good, "image_count": "one"},
        {**good, "model": "no-such-model"},
        {"image_count": 1},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
