"""generated/catalog.py: what magic_hour_ext reads from the spec at run time, checked against it."""

import importlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from generated.catalog import PROJECT_KINDS

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
