"""What magic_hour_ext needs from openapi.yaml at run time, as plain data.

Written by scripts/write_catalog.py (a post hook of ``make generate``) from openapi.yaml: do not
edit. openapi.yaml is not shipped in the wheel, and PyYAML is not a runtime dependency.

- ``PROJECT_KINDS``: each kind of project (``"image"``, ``"video"``, ``"audio"``), from the tags
  named ``<Kind> Projects``: its path prefix, its model, its generated get and delete functions,
  and the JSON types and requiredness of the model's fields (for tolerant reading).
- ``TOOLS``: each ``POST`` of such a tag, by the name the API spells (``"ai-image-generator"``):
  the kind of project it creates, its method and path, its body and response models, its
  generated module and function, its file inputs (marked ``x-file-input`` in the overlay), and
  its request body as a JSON Schema (no ``$ref``; ``additionalProperties: false`` on every object).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "PROJECT_KINDS",
    "TOOLS",
    "AssetType",
    "FileInput",
    "JsonField",
    "KindName",
    "ProjectKind",
    "Tool",
]

#: A kind of project, as the catalog names it.
KindName = Literal["image", "video", "audio"]
#: The asset type of an uploaded file (the ``type`` of ``POST /v1/files/upload-urls``).
AssetType = Literal["image", "video", "audio"]


@dataclass(frozen=True)
class JsonField:
    """One property of a response model, as openapi.yaml defines it.

    Attributes:
        types: The JSON types its value may have: ``"string"``, ``"integer"``, ``"number"``,
            ``"boolean"``, ``"array"``, ``"object"``, ``"null"``.
        required: The schema lists it as required.
        format: The string format (``"date-time"``, ``"uri"``), or None.
        model: The generated model of an object value (``"ProjectError"``), or None.
        fields: The properties of an object value, or empty.
        items: The items of an array value, or None.
    """

    types: tuple[str, ...]
    required: bool
    format: str | None = None
    model: str | None = None
    fields: Mapping[str, "JsonField"] = field(
        default_factory=dict, compare=False, hash=False
    )
    items: "JsonField | None" = None


@dataclass(frozen=True)
class ProjectKind:
    """A kind of project: where it lives in the API, and its model.

    Attributes:
        name: ``"image"``, ``"video"`` or ``"audio"``.
        path_prefix: The API path of a project without its id (``"/v1/image-projects/"``).
        model: The generated model class (``"ImageProject"``), in ``model_module``.
        model_module: Its module (``"generated.models.image_project"``).
        api_module: The generated package of its operations (``"generated.api.image_projects"``).
        get_function: The module of its GET in ``api_module`` (``"get_image_project"``).
        delete_function: The module of its DELETE, or None.
        fields: The model's properties by JSON name.
    """

    name: KindName
    path_prefix: str
    model: str
    model_module: str
    api_module: str
    get_function: str
    delete_function: str | None
    fields: Mapping[str, JsonField] = field(compare=False, hash=False)


@dataclass(frozen=True)
class FileInput:
    """A request field whose value is an uploaded file's ``file_path`` (or a URL).

    Attributes:
        path: The keys from the body to the field; ``"*"`` stands for every item of an array
            (``("assets", "face_mappings", "*", "new_face")``).
        asset_type: The ``type`` to ask ``POST /v1/files/upload-urls`` for.
    """

    path: tuple[str, ...]
    asset_type: AssetType


@dataclass(frozen=True)
class Tool:
    """One create endpoint of the API.

    Attributes:
        name: The endpoint as the API spells it (``"ai-image-generator"``).
        method: ``"POST"``.
        path: ``"/v1/ai-image-generator"``.
        kind: The kind of project it creates.
        body_model: The generated model of its request body (``"AiImageGeneratorBody"``).
        response_model: The generated model of its 200 response (``"AiImageGeneratorResponse"``).
        api_module: Its generated package (``"generated.api.image_projects"``).
        function: Its module in ``api_module`` (``"create_ai_image_generator"``), with ``sync``,
            ``sync_detailed``, ``asyncio`` and ``asyncio_detailed``.
        file_inputs: The fields that take uploaded files.
        body_schema: Its request body as a JSON Schema: no ``$ref``, and
            ``additionalProperties: false`` on every object.
    """

    name: str
    method: str
    path: str
    kind: KindName
    body_model: str
    response_model: str
    api_module: str
    function: str
    file_inputs: tuple[FileInput, ...]
    body_schema: Mapping[str, Any] = field(compare=False, hash=False, repr=False)


#: The kinds of project, by name.
PROJECT_KINDS: Final[Mapping[KindName, ProjectKind]] = {
    "image": ProjectKind(
        name="image",
        path_prefix="/v1/image-projects/",
        model="ImageProject",
        model_module="generated.models.image_project",
        api_module="generated.api.image_projects",
        get_function="get_image_project",
        delete_function="delete_image_project",
        fields={
            "id": JsonField(types=("string",), required=True),
            "name": JsonField(types=("string", "null"), required=False),
            "status": JsonField(types=("string",), required=True),
            "image_count": JsonField(types=("integer",), required=False),
            "type": JsonField(types=("string",), required=False),
            "created_at": JsonField(
                types=("string",), required=False, format="date-time"
            ),
            "enabled": JsonField(types=("boolean",), required=False),
            "credits_charged": JsonField(types=("integer",), required=False),
            "downloads": JsonField(
                types=("array",),
                required=False,
                items=JsonField(
                    types=("object",),
                    required=True,
                    model="ProjectDownload",
                    fields={
                        "url": JsonField(
                            types=("string",), required=True, format="uri"
                        ),
                        "expires_at": JsonField(
                            types=("string",), required=True, format="date-time"
                        ),
                    },
                ),
            ),
            "error": JsonField(
                types=("object", "null"),
                required=False,
                model="ProjectError",
                fields={
                    "message": JsonField(types=("string",), required=False),
                    "code": JsonField(types=("string",), required=False),
                },
            ),
            "total_frame_cost": JsonField(types=("integer",), required=False),
        },
    ),
    "video": ProjectKind(
        name="video",
        path_prefix="/v1/video-projects/",
        model="VideoProject",
        model_module="generated.models.video_project",
        api_module="generated.api.video_projects",
        get_function="get_video_project",
        delete_function="delete_video_project",
        fields={
            "id": JsonField(types=("string",), required=True),
            "name": JsonField(types=("string", "null"), required=False),
            "status": JsonField(types=("string",), required=True),
            "type": JsonField(types=("string",), required=False),
            "created_at": JsonField(
                types=("string",), required=False, format="date-time"
            ),
            "width": JsonField(types=("integer",), required=False),
            "height": JsonField(types=("integer",), required=False),
            "enabled": JsonField(types=("boolean",), required=False),
            "start_seconds": JsonField(
                types=("number",), required=False, format="float"
            ),
            "end_seconds": JsonField(types=("number",), required=False, format="float"),
            "credits_charged": JsonField(types=("integer",), required=False),
            "fps": JsonField(types=("number",), required=False),
            "error": JsonField(
                types=("object", "null"),
                required=False,
                model="ProjectError",
                fields={
                    "message": JsonField(types=("string",), required=False),
                    "code": JsonField(types=("string",), required=False),
                },
            ),
            "downloads": JsonField(
                types=("array",),
                required=False,
                items=JsonField(
                    types=("object",),
                    required=True,
                    model="ProjectDownload",
                    fields={
                        "url": JsonField(
                            types=("string",), required=True, format="uri"
                        ),
                        "expires_at": JsonField(
                            types=("string",), required=True, format="date-time"
                        ),
                    },
                ),
            ),
            "total_frame_cost": JsonField(types=("integer",), required=False),
            "download": JsonField(
                types=("object", "null"),
                required=False,
                model="ProjectDownload",
                fields={
                    "url": JsonField(types=("string",), required=True, format="uri"),
                    "expires_at": JsonField(
                        types=("string",), required=True, format="date-time"
                    ),
                },
            ),
        },
    ),
    "audio": ProjectKind(
        name="audio",
        path_prefix="/v1/audio-projects/",
        model="AudioProject",
        model_module="generated.models.audio_project",
        api_module="generated.api.audio_projects",
        get_function="get_audio_project",
        delete_function="delete_audio_project",
        fields={
            "id": JsonField(types=("string",), required=True),
            "name": JsonField(types=("string", "null"), required=False),
            "status": JsonField(types=("string",), required=True),
            "type": JsonField(types=("string",), required=False),
            "created_at": JsonField(
                types=("string",), required=False, format="date-time"
            ),
            "enabled": JsonField(types=("boolean",), required=False),
            "credits_charged": JsonField(types=("integer",), required=False),
            "downloads": JsonField(
                types=("array",),
                required=False,
                items=JsonField(
                    types=("object",),
                    required=True,
                    model="ProjectDownload",
                    fields={
                        "url": JsonField(
                            types=("string",), required=True, format="uri"
                        ),
                        "expires_at": JsonField(
                            types=("string",), required=True, format="date-time"
                        ),
                    },
                ),
            ),
            "error": JsonField(
                types=("object", "null"),
                required=False,
                model="ProjectError",
                fields={
                    "message": JsonField(types=("string",), required=False),
                    "code": JsonField(types=("string",), required=False),
                },
            ),
        },
    ),
}

#: The create endpoints, by the name the API spells.
TOOLS: Final[Mapping[str, Tool]] = {}
