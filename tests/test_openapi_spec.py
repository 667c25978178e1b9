"""openapi.yaml is a valid OpenAPI 3.1 document and says what the wire format says."""

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_validator_rejects_a_broken_copy(spec: dict[str, Any]) -> None:
    broken = dict(spec, paths={"/v1/image-projects/{id}": {"get": {"responses": "nope"}}})
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


def test_project_schema_is_snake_case_and_names_total_frame_cost(spec: dict[str, Any]) -> None:
    project = spec["components"]["schemas"]["ImageProject"]
    assert set(project["required"]) <= set(project["properties"]), "every required field is defined"
    assert project["properties"]["total_frame_cost"] == {
        **project["properties"]["total_frame_cost"],
        "type": "integer",
        "deprecated": True,
    }
    for name in ("created_at", "image_count", "credits_charged"):
        assert name in project["properties"]
    download = spec["components"]["schemas"]["ProjectDownload"]
    assert "expires_at" in download["properties"]


def test_both_operations_document_errors_and_rate_limits(spec: dict[str, Any]) -> None:
    item = spec["paths"]["/v1/image-projects/{id}"]
    assert set(item["get"]["responses"]) >= {"200", "400", "401", "402", "404", "429", "5XX"}
    assert set(item["delete"]["responses"]) >= {"204", "400", "401", "402", "404", "429", "5XX"}
    too_many = spec["components"]["responses"]["TooManyRequests"]
    assert "Retry-After" in too_many["headers"]
    assert spec["servers"] == [{"url": "https://api.magichour.ai"}]
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


@pytest.mark.parametrize("model", ["ImageProject", "VideoProject", "AudioProject"])
def test_projects_require_only_what_the_wait_needs(spec: dict[str, Any], model: str) -> None:
    """The generated models read tolerantly: every other field may be missing."""
    schemas = spec["components"]["schemas"]
    assert schemas[model]["required"] == ["id", "status"]
    assert {"downloads", "error", "credits_charged"} <= set(schemas[model]["properties"])
    assert schemas["ProjectDownload"]["required"] == ["url", "expires_at"]
    assert "required" not in schemas["ProjectError"]


def test_video_defines_the_deprecated_fields_it_lists(spec: dict[str, Any]) -> None:
    video = spec["components"]["schemas"]["VideoProject"]["properties"]
    assert video["total_frame_cost"]["deprecated"] is True
    assert video["download"]["deprecated"] is True
    assert {"$ref": "#/components/schemas/ProjectDownload"} in video["download"]["oneOf"]


def test_every_create_answers_a_named_model_with_its_deprecated_cost_defined(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    creates = {path: item["post"] for path, item in spec["paths"].items() if "post" in item}
    assert len(creates) == 27  # 25 tools, upload-urls, face detection
    for path, operation in creates.items():
        ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        response = schemas[ref.rsplit("/", 1)[1]]
        assert set(response["required"]) <= set(response["properties"]), path
        for cost in ("frame_cost", "estimated_frame_cost"):
            if cost in response["properties"]:
                assert response["properties"][cost]["deprecated"] is True
                assert cost not in response["required"]
        assert operation["responses"]["422"] == {"$ref": "#/components/responses/UnprocessableEntity"}
        assert "default" not in str(operation["requestBody"]), "request defaults are the server's"
