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
TOOLS: Final[Mapping[str, Tool]] = {
    "ai-clothes-changer": Tool(
        name="ai-clothes-changer",
        method="POST",
        path="/v1/ai-clothes-changer",
        kind="image",
        body_model="AiClothesChangerBody",
        response_model="AiClothesChangerResponse",
        api_module="generated.api.image_projects",
        function="create_ai_clothes_changer",
        file_inputs=(
            FileInput(path=("assets", "person_file_path"), asset_type="image"),
            FileInput(path=("assets", "garment_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "person_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The image with the person. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "garment_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The image of the outfit. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "garment_type": {
                            "type": "string",
                            "enum": [
                                "entire_outfit",
                                "upper_body",
                                "lower_body",
                                "dresses",
                            ],
                            "description": "Type of garment to swap. If not provided, swaps the entire outfit. \n* `upper_body` - for shirts/jackets \n* `lower_body` - for pants/skirts \n* `dresses` - for entire outfit (deprecated, use `entire_outfit` instead) \n* `entire_outfit` - for entire outfit",
                        },
                    },
                    "required": ["person_file_path", "garment_file_path"],
                    "description": "Provide the assets for clothes changer",
                    "additionalProperties": False,
                },
            },
            "required": ["assets"],
            "additionalProperties": False,
        },
    ),
    "ai-face-editor": Tool(
        name="ai-face-editor",
        method="POST",
        path="/v1/ai-face-editor",
        kind="image",
        body_model="AiFaceEditorBody",
        response_model="AiFaceEditorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_face_editor",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "This is the image whose face will be edited. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        }
                    },
                    "required": ["image_file_path"],
                    "description": "Provide the assets for face editor",
                    "additionalProperties": False,
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "enhance_face": {
                            "type": "boolean",
                            "description": "Enhance face features",
                        },
                        "eyebrow_direction": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Eyebrow direction (-100 to 100), in increments of 5",
                        },
                        "eye_gaze_horizontal": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Horizontal eye gaze (-100 to 100), in increments of 5",
                        },
                        "eye_gaze_vertical": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Vertical eye gaze (-100 to 100), in increments of 5",
                        },
                        "eye_open_ratio": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Eye open ratio (-100 to 100), in increments of 5",
                        },
                        "lip_open_ratio": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Lip open ratio (-100 to 100), in increments of 5",
                        },
                        "head_roll": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Head roll (-100 to 100), in increments of 5",
                        },
                        "mouth_grim": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Mouth grim (-100 to 100), in increments of 5",
                        },
                        "mouth_pout": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Mouth pout (-100 to 100), in increments of 5",
                        },
                        "mouth_purse": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Mouth purse (-100 to 100), in increments of 5",
                        },
                        "mouth_smile": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Mouth smile (-100 to 100), in increments of 5",
                        },
                        "mouth_position_horizontal": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Horizontal mouth position (-100 to 100), in increments of 5",
                        },
                        "mouth_position_vertical": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Vertical mouth position (-100 to 100), in increments of 5",
                        },
                        "head_pitch": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Head pitch (-100 to 100), in increments of 5",
                        },
                        "head_yaw": {
                            "type": "number",
                            "minimum": -100,
                            "maximum": 100,
                            "multipleOf": 5,
                            "description": "Head yaw (-100 to 100), in increments of 5",
                        },
                    },
                    "description": "Face editing parameters",
                    "additionalProperties": False,
                },
            },
            "required": ["assets", "style"],
            "additionalProperties": False,
        },
    ),
    "ai-gif-generator": Tool(
        name="ai-gif-generator",
        method="POST",
        path="/v1/ai-gif-generator",
        kind="image",
        body_model="AiGifGeneratorBody",
        response_model="AiGifGeneratorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_gif_generator",
        file_inputs=(),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your gif a custom name for easy identification.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 500,
                            "description": "The prompt used for the GIF.",
                        }
                    },
                    "required": ["prompt"],
                    "additionalProperties": False,
                },
                "output_format": {
                    "type": "string",
                    "enum": ["gif", "mp4", "webm"],
                    "description": "The output file format for the generated animation.",
                },
            },
            "required": ["style"],
            "additionalProperties": False,
        },
    ),
    "ai-image-editor": Tool(
        name="ai-image-editor",
        method="POST",
        path="/v1/ai-image-editor",
        kind="image",
        body_model="AiImageEditorBody",
        response_model="AiImageEditorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_image_editor",
        file_inputs=(
            FileInput(path=("assets", "image_file_paths", "*"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "image_count": {
                    "type": "number",
                    "enum": [1, 4, 9, 16],
                    "description": "Number of images to generate. Maximum varies by model. Defaults to 1 if not specified.",
                },
                "model": {
                    "type": "string",
                    "enum": [
                        "default",
                        "qwen-edit",
                        "flux-2-klein",
                        "nano-banana",
                        "nano-banana-2",
                        "seedream-v4",
                        "nano-banana-pro",
                        "seedream-v4.5",
                        "gpt-image-2",
                    ],
                    "description": "The AI model to use for image editing. Each model has different capabilities and costs.\n\n**Models:**\n- `default` - Use the model we recommend, which will change over time. This is recommended unless you need a specific model. This is the default behavior.\n- `qwen-edit` - from 10 credits/image\n  - Supported resolutions: 640px, 1k, 2k\n  - Available for tiers: free, creator, pro, business\n  - Max additional input images: 2\n- `flux-2-klein` - from 5 credits/image\n  - Supported resolutions: 640px, 1k, 2k\n  - Available for tiers: free, creator, pro, business\n  - Max additional input images: 5\n- `nano-banana` - from 50 credits/image\n  - Supported resolutions: 640px, 1k\n  - Available for tiers: creator, pro, business\n  - Max additional input images: 9\n- `nano-banana-2` - from 100 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Max additional input images: 9\n- `seedream-v4` - from 40 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Max additional input images: 9\n- `nano-banana-pro` - from 150 credits/image\n  - Supported resolutions: 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Max additional input images: 9\n- `seedream-v4.5` - from 50 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Max additional input images: 9\n- `gpt-image-2` - from 50 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Max additional input images: 9\n",
                },
                "aspect_ratio": {
                    "type": "string",
                    "enum": ["auto", "16:9", "9:16", "4:3", "3:2", "1:1", "4:5", "2:3"],
                    "description": "The aspect ratio of the output image(s). If not specified, defaults to `auto`.",
                },
                "resolution": {
                    "type": "string",
                    "enum": ["auto", "640px", "1k", "2k", "4k"],
                    "description": "Maximum resolution (longest edge) for the output image.\n\n**Options:**\n- `640px` — up to 640px\n- `1k` — up to 1024px\n- `2k` — up to 2048px\n- `4k` — up to 4096px\n- `auto` — **Deprecated.** Mapped server-side from your subscription tier to the best matching resolution the model supports\n\n**Per-model support:**\n- `qwen-edit` - 640px, 1k, 2k\n- `flux-2-klein` - 640px, 1k, 2k\n- `nano-banana` - 640px, 1k\n- `nano-banana-2` - 640px, 1k, 2k, 4k\n- `seedream-v4` - 640px, 1k, 2k, 4k\n- `nano-banana-pro` - 1k, 2k, 4k\n- `seedream-v4.5` - 640px, 1k, 2k, 4k\n- `gpt-image-2` - 640px, 1k, 2k, 4k\n\nNote: Resolution availability depends on the model and your subscription tier.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 15000,
                            "description": "The prompt used to edit the image.",
                        }
                    },
                    "required": ["prompt"],
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_paths": {
                            "type": "array",
                            "items": {"type": "string", "minLength": 1},
                            "maxItems": 10,
                            "description": "The image(s) used in the edit, maximum of 10 images. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        }
                    },
                    "description": "Provide the assets for image edit",
                    "additionalProperties": False,
                },
            },
            "required": ["style", "assets"],
            "additionalProperties": False,
        },
    ),
    "ai-headshot-generator": Tool(
        name="ai-headshot-generator",
        method="POST",
        path="/v1/ai-headshot-generator",
        kind="image",
        body_model="AiHeadshotGeneratorBody",
        response_model="AiHeadshotGeneratorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_headshot_generator",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "description": "Prompt used to guide the style of your headshot. We recommend omitting the prompt unless you want to customize your headshot. You can visit [AI headshot generator](https://magichour.ai/create/ai-headshot-generator) to view an example of a good prompt used for our 'Professional' style.",
                        }
                    },
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The image used to generate the headshot. This image must contain one detectable face. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        }
                    },
                    "required": ["image_file_path"],
                    "description": "Provide the assets for headshot photo",
                    "additionalProperties": False,
                },
            },
            "required": ["assets"],
            "additionalProperties": False,
        },
    ),
    "ai-image-generator": Tool(
        name="ai-image-generator",
        method="POST",
        path="/v1/ai-image-generator",
        kind="image",
        body_model="AiImageGeneratorBody",
        response_model="AiImageGeneratorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_image_generator",
        file_inputs=(),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "image_count": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 16,
                    "description": "Number of images to generate. Maximum varies by model.",
                },
                "model": {
                    "type": "string",
                    "enum": [
                        "default",
                        "flux-schnell",
                        "flux-2-klein",
                        "z-image-turbo",
                        "seedream-v4",
                        "nano-banana",
                        "nano-banana-2",
                        "nano-banana-pro",
                        "gpt-image-2",
                        "seedream",
                    ],
                    "description": "The AI model to use for image generation. Each model has different capabilities and costs.\n\n**Models:**\n- `default` - Use the model we recommend, which will change over time. This is recommended unless you need a specific model. This is the default behavior.\n- `flux-schnell` - from 5 credits/image\n  - Supported resolutions: 640px, 1k, 2k\n  - Available for tiers: free, creator, pro, business\n  - Image count allowed: 1, 2, 3, 4\n- `flux-2-klein` - from 5 credits/image\n  - Supported resolutions: 640px, 1k, 2k\n  - Available for tiers: free, creator, pro, business\n  - Image count allowed: 1\n- `z-image-turbo` - from 5 credits/image\n  - Supported resolutions: 640px, 1k, 2k\n  - Available for tiers: free, creator, pro, business\n  - Image count allowed: 1, 2, 3, 4\n- `seedream-v4` - from 40 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Image count allowed: 1, 2, 3, 4\n- `nano-banana` - from 50 credits/image\n  - Supported resolutions: 640px, 1k\n  - Available for tiers: creator, pro, business\n  - Image count allowed: 1, 2, 3, 4\n- `nano-banana-2` - from 100 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Image count allowed: 1, 4, 9, 16\n- `nano-banana-pro` - from 150 credits/image\n  - Supported resolutions: 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Image count allowed: 1, 4, 9, 16\n- `gpt-image-2` - from 50 credits/image\n  - Supported resolutions: 640px, 1k, 2k, 4k\n  - Available for tiers: creator, pro, business\n  - Image count allowed: 1, 2, 3, 4\n\n**Deprecated Enum Values:**\n- `seedream` - Use `seedream-v4` instead.\n",
                },
                "aspect_ratio": {
                    "type": "string",
                    "enum": ["1:1", "16:9", "9:16"],
                    "description": "The aspect ratio of the output image(s). If not specified, defaults to `1:1` (square).",
                },
                "resolution": {
                    "type": "string",
                    "enum": ["auto", "640px", "1k", "2k", "4k"],
                    "description": "Maximum resolution (longest edge) for the output image.\n\n**Options:**\n- `640px` — up to 640px\n- `1k` — up to 1024px\n- `2k` — up to 2048px\n- `4k` — up to 4096px\n- `auto` — **Deprecated.** Mapped server-side from your subscription tier to the best matching resolution the model supports\n\n**Per-model support:**\n- `flux-schnell` - 640px, 1k, 2k\n- `flux-2-klein` - 640px, 1k, 2k\n- `z-image-turbo` - 640px, 1k, 2k\n- `seedream-v4` - 640px, 1k, 2k, 4k\n- `nano-banana` - 640px, 1k\n- `nano-banana-2` - 640px, 1k, 2k, 4k\n- `nano-banana-pro` - 1k, 2k, 4k\n- `gpt-image-2` - 640px, 1k, 2k, 4k\n\nNote: Resolution availability depends on the model and your subscription tier.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The prompt used for the image(s).",
                        },
                        "tool": {
                            "type": "string",
                            "enum": [
                                "ai-anime-generator",
                                "ai-art-generator",
                                "ai-background-generator",
                                "ai-character-generator",
                                "ai-face-generator",
                                "ai-fashion-generator",
                                "ai-icon-generator",
                                "ai-illustration-generator",
                                "ai-interior-design-generator",
                                "ai-landscape-generator",
                                "ai-logo-generator",
                                "ai-manga-generator",
                                "ai-outfit-generator",
                                "ai-pattern-generator",
                                "ai-photo-generator",
                                "ai-sketch-generator",
                                "ai-tattoo-generator",
                                "album-cover-generator",
                                "animated-characters-generator",
                                "architecture-generator",
                                "book-cover-generator",
                                "comic-book-generator",
                                "dark-fantasy-ai",
                                "disney-ai-generator",
                                "dnd-ai-art-generator",
                                "emoji-generator",
                                "fantasy-map-generator",
                                "graffiti-generator",
                                "movie-poster-generator",
                                "optical-illusion-generator",
                                "pokemon-generator",
                                "south-park-character-generator",
                                "superhero-generator",
                                "thumbnail-maker",
                                "general",
                            ],
                            "description": "The art style to use for image generation. Defaults to 'general' if not provided.",
                        },
                    },
                    "required": ["prompt"],
                    "description": "The art style to use for image generation.",
                    "additionalProperties": False,
                },
            },
            "required": ["image_count", "style"],
            "additionalProperties": False,
        },
    ),
    "ai-image-upscaler": Tool(
        name="ai-image-upscaler",
        method="POST",
        path="/v1/ai-image-upscaler",
        kind="image",
        body_model="AiImageUpscalerBody",
        response_model="AiImageUpscalerResponse",
        api_module="generated.api.image_projects",
        function="create_ai_image_upscaler",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "scale_factor": {
                    "type": "number",
                    "description": "How much to scale the image. Must be either 2 or 4.\n            \nNote: 4x upscale is only available on Creator, Pro, or Business tier.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "mode": {
                            "type": "string",
                            "enum": ["pro", "creative"],
                            "description": 'The upscaling mode. `"pro"` is faster and does not require `enhancement`. `"creative"` requires `enhancement`. Defaults to `"creative"`.',
                        },
                        "enhancement": {
                            "type": "string",
                            "enum": ["Resemblance", "Balanced", "Creative"],
                        },
                        "prompt": {
                            "type": "string",
                            "description": "A prompt to guide the final image. This value is ignored if `enhancement` is not Creative",
                        },
                    },
                    "description": 'Style settings for the upscale. Use `mode` to select between `"pro"` (faster, no enhancement required) and `"creative"` (defaults to `"Balanced"` enhancement). Defaults to `"creative"`.',
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The image to upscale. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n. The maximum input image size is 4096x4096px.",
                        }
                    },
                    "required": ["image_file_path"],
                    "description": "Provide the assets for upscaling",
                    "additionalProperties": False,
                },
            },
            "required": ["scale_factor", "style", "assets"],
            "additionalProperties": False,
        },
    ),
    "ai-meme-generator": Tool(
        name="ai-meme-generator",
        method="POST",
        path="/v1/ai-meme-generator",
        kind="image",
        body_model="AiMemeGeneratorBody",
        response_model="AiMemeGeneratorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_meme_generator",
        file_inputs=(),
        body_schema={
            "type": "object",
            "properties": {
                "name": {"type": "string", "description": "The name of the meme."},
                "style": {
                    "type": "object",
                    "properties": {
                        "topic": {
                            "type": "string",
                            "maxLength": 200,
                            "minLength": 1,
                            "description": "The topic of the meme.",
                        },
                        "template": {
                            "type": "string",
                            "enum": [
                                "Random",
                                "Drake Hotline Bling",
                                "Galaxy Brain",
                                "Two Buttons",
                                "Gru's Plan",
                                "Tuxedo Winnie The Pooh",
                                "Is This a Pigeon",
                                "Panik Kalm Panik",
                                "Disappointed Guy",
                                "Waiting Skeleton",
                                "Bike Fall",
                                "Change My Mind",
                                "Side Eyeing Chloe",
                            ],
                            "description": "To use our templates, pass in one of the enum values.",
                        },
                        "searchWeb": {
                            "type": "boolean",
                            "description": "Whether to search the web for meme content.",
                        },
                    },
                    "required": ["topic", "template"],
                    "additionalProperties": False,
                },
            },
            "required": ["style"],
            "additionalProperties": False,
        },
    ),
    "ai-qr-code-generator": Tool(
        name="ai-qr-code-generator",
        method="POST",
        path="/v1/ai-qr-code-generator",
        kind="image",
        body_model="AiQrCodeGeneratorBody",
        response_model="AiQrCodeGeneratorResponse",
        api_module="generated.api.image_projects",
        function="create_ai_qr_code_generator",
        file_inputs=(),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "content": {
                    "type": "string",
                    "description": "The content of the QR code.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "art_style": {
                            "type": "string",
                            "description": "To use our templates, pass in one of Watercolor, Cyberpunk City, Ink Landscape, Interior Painting, Japanese Street, Mech, Minecraft, Picasso Painting, Game Map, Spaceship, Chinese Painting, Winter Village, or pass any custom art style.",
                        }
                    },
                    "required": ["art_style"],
                    "additionalProperties": False,
                },
            },
            "required": ["content", "style"],
            "additionalProperties": False,
        },
    ),
    "body-swap": Tool(
        name="body-swap",
        method="POST",
        path="/v1/body-swap",
        kind="image",
        body_model="BodySwapBody",
        response_model="BodySwapResponse",
        api_module="generated.api.image_projects",
        function="create_body_swap",
        file_inputs=(
            FileInput(path=("assets", "person_file_path"), asset_type="image"),
            FileInput(path=("assets", "scene_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "resolution": {
                    "type": "string",
                    "enum": ["640px", "1k", "2k", "4k"],
                    "description": "Output resolution. Determines credits charged for the run.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "person_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "Image of the person to place into the scene. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "scene_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "Target scene image (background). This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["person_file_path", "scene_file_path"],
                    "description": "Person image and scene image for body swap",
                    "additionalProperties": False,
                },
            },
            "required": ["resolution", "assets"],
            "additionalProperties": False,
        },
    ),
    "face-swap-photo": Tool(
        name="face-swap-photo",
        method="POST",
        path="/v1/face-swap-photo",
        kind="image",
        body_model="FaceSwapPhotoBody",
        response_model="FaceSwapPhotoResponse",
        api_module="generated.api.image_projects",
        function="create_face_swap_photo",
        file_inputs=(
            FileInput(path=("assets", "source_file_path"), asset_type="image"),
            FileInput(
                path=("assets", "face_mappings", "*", "new_face"), asset_type="image"
            ),
            FileInput(path=("assets", "target_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "face_swap_mode": {
                            "type": "string",
                            "enum": ["all-faces", "individual-faces"],
                            "description": "Choose how to swap faces:\n**all-faces** (recommended) — swap all detected faces using one source image (`source_file_path` required)\n+- **individual-faces** — specify exact mappings using `face_mappings`",
                        },
                        "source_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "This is the image from which the face is extracted. The value is required if `face_swap_mode` is `all-faces`.\n\nThis value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "face_mappings": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "original_face": {
                                        "type": "string",
                                        "description": "The face detected from the image in `target_file_path`. The file name is in the format of `<face_frame>-<face_index>.png`. This value is corresponds to the response in the [face detection API](https://docs.magichour.ai/api-reference/files/get-face-detection-details).\n\n* The face_frame is the frame number of the face in the target image. For images, the frame number is always 0.\n* The face_index is the index of the face in the target image, starting from 0 going left to right.",
                                    },
                                    "new_face": {
                                        "type": "string",
                                        "description": "The face image that will be used to replace the face in the `original_face`. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                                    },
                                },
                                "required": ["original_face", "new_face"],
                                "additionalProperties": False,
                            },
                            "maxItems": 5,
                            "description": "This is the array of face mappings used for multiple face swap. The value is required if `face_swap_mode` is `individual-faces`.",
                        },
                        "target_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "This is the image where the face from the source image will be placed. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["target_file_path"],
                    "description": "Provide the assets for face swap photo",
                    "additionalProperties": False,
                },
            },
            "required": ["assets"],
            "additionalProperties": False,
        },
    ),
    "head-swap": Tool(
        name="head-swap",
        method="POST",
        path="/v1/head-swap",
        kind="image",
        body_model="HeadSwapBody",
        response_model="HeadSwapResponse",
        api_module="generated.api.image_projects",
        function="create_head_swap",
        file_inputs=(
            FileInput(path=("assets", "body_file_path"), asset_type="image"),
            FileInput(path=("assets", "head_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "max_resolution": {
                    "type": "integer",
                    "description": "Constrains the larger dimension (height or width) of the output. Omit to use the maximum allowed for your plan (capped at 2048px). Values above your plan maximum are clamped down to your plan's maximum.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "body_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "Image that receives the swapped head. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "head_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "Image of the head to place on the body. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["body_file_path", "head_file_path"],
                    "description": "Provide the body and head images for head swap",
                    "additionalProperties": False,
                },
            },
            "required": ["assets"],
            "additionalProperties": False,
        },
    ),
    "image-background-remover": Tool(
        name="image-background-remover",
        method="POST",
        path="/v1/image-background-remover",
        kind="image",
        body_model="ImageBackgroundRemoverBody",
        response_model="ImageBackgroundRemoverResponse",
        api_module="generated.api.image_projects",
        function="create_image_background_remover",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
            FileInput(
                path=("assets", "background_image_file_path"), asset_type="image"
            ),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "description": "The image to remove the background. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "background_image_file_path": {
                            "type": "string",
                            "description": "The image used as the new background for the image_file_path. This image will be resized to match the image in image_file_path. Please make sure the resolution between the images are similar.\n\nThis value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["image_file_path"],
                    "description": "Provide the assets for background removal",
                    "additionalProperties": False,
                },
            },
            "required": ["assets"],
            "additionalProperties": False,
        },
    ),
    "photo-colorizer": Tool(
        name="photo-colorizer",
        method="POST",
        path="/v1/photo-colorizer",
        kind="image",
        body_model="PhotoColorizerBody",
        response_model="PhotoColorizerResponse",
        api_module="generated.api.image_projects",
        function="create_photo_colorizer",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The image used to generate the colorized image. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        }
                    },
                    "required": ["image_file_path"],
                    "description": "Provide the assets for photo colorization",
                    "additionalProperties": False,
                },
            },
            "required": ["assets"],
            "additionalProperties": False,
        },
    ),
    "ai-talking-photo": Tool(
        name="ai-talking-photo",
        method="POST",
        path="/v1/ai-talking-photo",
        kind="video",
        body_model="AiTalkingPhotoBody",
        response_model="AiTalkingPhotoResponse",
        api_module="generated.api.video_projects",
        function="create_ai_talking_photo",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
            FileInput(path=("assets", "audio_file_path"), asset_type="audio"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your image a custom name for easy identification.",
                },
                "start_seconds": {
                    "type": "number",
                    "minimum": 0,
                    "description": "The start time of the input audio in seconds. Maximum clip length depends on style.generation_mode: realistic 180s, prompted 45s.",
                    "format": "float",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "The end time of the input audio in seconds. Maximum clip length depends on style.generation_mode: realistic 180s, prompted 45s.",
                    "format": "float",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The source image to animate. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "audio_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The audio file to sync with the image. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["image_file_path", "audio_file_path"],
                    "description": "Provide the assets for creating a talking photo",
                    "additionalProperties": False,
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "generation_mode": {
                            "type": "string",
                            "enum": [
                                "realistic",
                                "prompted",
                                "pro",
                                "standard",
                                "stable",
                                "expressive",
                            ],
                            "description": "Controls overall motion style.\n* `realistic` - Maintains likeness well, high quality, and reliable.\n* `prompted` - Slightly lower likeness; allows option to prompt scene.\n\n**Deprecated values (maintained for backward compatibility):**\n* `pro` - Deprecated: use `realistic`\n* `standard` - Deprecated: use `prompted`\n* `stable` - Deprecated: use `realistic`\n* `expressive` - Deprecated: use `prompted`",
                        },
                        "prompt": {
                            "type": "string",
                            "description": "A text prompt to guide the generation. Only applicable when generation_mode is `prompted`.\nThis field is ignored for other modes.",
                        },
                    },
                    "description": "Attributes used to dictate the style of the output",
                    "additionalProperties": False,
                },
                "max_resolution": {
                    "type": "integer",
                    "description": "Constrains the larger dimension (height or width) of the output video. Allows you to set a lower resolution than your plan's maximum if desired. The value is capped by your plan's max resolution.",
                },
            },
            "required": ["start_seconds", "end_seconds", "assets"],
            "description": "Provide the assets for creating a talking photo",
            "additionalProperties": False,
        },
    ),
    "animation": Tool(
        name="animation",
        method="POST",
        path="/v1/animation",
        kind="video",
        body_model="AnimationBody",
        response_model="AnimationResponse",
        api_module="generated.api.video_projects",
        function="create_animation",
        file_inputs=(
            FileInput(path=("assets", "audio_file_path"), asset_type="audio"),
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "fps": {
                    "type": "number",
                    "minimum": 1,
                    "description": "The desire output video frame rate",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "This value determines the duration of the output video.",
                    "format": "float",
                },
                "height": {
                    "type": "integer",
                    "minimum": 64,
                    "description": "The height of the final output video. The maximum height depends on your subscription. Please refer to our [pricing page](https://magichour.ai/pricing) for more details",
                },
                "width": {
                    "type": "integer",
                    "minimum": 64,
                    "description": "The width of the final output video. The maximum width depends on your subscription. Please refer to our [pricing page](https://magichour.ai/pricing) for more details",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "art_style": {
                            "type": "string",
                            "enum": [
                                "Custom",
                                "Painterly Illustration",
                                "Vibrant Matte Illustration",
                                "Traditional Watercolor",
                                "Cyberpunk",
                                "Ink and Watercolor Portrait",
                                "Intricate Abstract Lines Portrait",
                                "3D Render",
                                "Old School Comic",
                                "Bold Colored Illustration",
                                "Synthwave",
                                "Minimal Cold Futurism",
                                "Futuristic Anime",
                                "Cinematic Miyazaki",
                                "Studio Ghibli Film Still",
                                "Soft Delicate Matte Portrait",
                                "Cinematic Landscape",
                                "Landscape Painting",
                                "Photograph",
                                "Jackson Pollock",
                                "Cubist",
                                "Abstract Minimalist",
                                "Impressionism",
                                "Van Gogh",
                                "Woodcut",
                                "Oil Painting",
                                "Vintage Japanese Anime",
                                "Pixar",
                                "Cosmic",
                                "Pixel Art",
                                "Fantasy",
                                "Arcane",
                                "Sin City",
                                "Double Exposure",
                                "Painted Cityscape",
                                "90s Streets",
                                "Overgrown",
                                "Postapocalyptic",
                                "Spooky",
                                "Miniatures",
                                "Low Poly",
                                "Art Deco",
                                "Inkpunk",
                                "Dark Graphic Illustration",
                                "Dark Watercolor",
                                "Faded Illustration",
                                "Directed by AI",
                            ],
                            "description": "The art style used to create the output video",
                        },
                        "art_style_custom": {
                            "type": "string",
                            "description": "Describe custom art style. This field is required if `art_style` is `Custom`",
                        },
                        "camera_effect": {
                            "type": "string",
                            "enum": [
                                "Simple Zoom Out",
                                "Simple Zoom In",
                                "Bounce Out",
                                "Spin Bounce",
                                "Rolling Bounces",
                                "Rise and Climb",
                                "Dramatic Zoom In",
                                "Dramatic Zoom Out",
                                "Sway Out",
                                "Boost Zoom In",
                                "Boost Zoom Out",
                                "Heartbeat",
                                "Bounce in Place",
                                "Earthquake Bounce",
                                "Slice Bounce",
                                "Bounce In And Out",
                                "Jump",
                                "Road Trip",
                                "Traverse",
                                "Rubber Band",
                                "Rodeo",
                                "Accelerate",
                                "Speed of Light",
                                "Drift Spin",
                                "Vertigo",
                                "Cog in the Machine",
                                "Quadrant",
                                "Tron",
                                "Pusher",
                                "Roll In",
                                "Hesitate In",
                                "Zoom In - Audio Sync",
                                "Pulse - Audio Sync",
                                "Aggressive Zoom In - Audio Sync",
                                "Roll In - Audio Sync",
                                "Zoom Out - Audio Sync",
                                "Aggressive Zoom Out - Audio Sync",
                                "Sway Out - Audio Sync",
                                "Bounce and Spin - Audio Sync",
                                "Zoom In and Spin - Audio Sync",
                                "Vertigo - Audio Sync",
                                "Bounce Out - Audio Sync",
                                "Earthquake Bounce - Audio Sync",
                                "Pusher - Audio Sync",
                                "Evolve - Audio Sync",
                                "Devolve - Audio Sync",
                                "Slideshow",
                                "Pan Left",
                                "Pan Right",
                                "Tilt Up",
                                "Tilt Down",
                                "Directed by AI",
                            ],
                            "description": "The camera effect used to create the output video",
                        },
                        "prompt_type": {
                            "type": "string",
                            "enum": ["custom", "use_lyrics", "ai_choose"],
                            "description": "\n* `custom` - Use your own prompt for the video.\n* `use_lyrics` - Use the lyrics of the audio to create the prompt. If this option is selected, then `assets.audio_source` must be `file` or `youtube`.\n* `ai_choose` - Let AI write the prompt. If this option is selected, then `assets.audio_source` must be `file` or `youtube`.",
                        },
                        "prompt": {
                            "type": "string",
                            "description": "The prompt used for the video. Prompt is required if `prompt_type` is `custom`. Otherwise this value is ignored",
                        },
                        "transition_speed": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 10,
                            "description": "Change determines how quickly the video's content changes across frames. \n* Higher = more rapid transitions.\n* Lower = more stable visual experience.",
                        },
                    },
                    "required": [
                        "art_style",
                        "camera_effect",
                        "prompt_type",
                        "transition_speed",
                    ],
                    "description": "Defines the style of the output video",
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "audio_source": {
                            "type": "string",
                            "enum": ["none", "file", "youtube"],
                            "description": "Optionally add an audio source if you'd like to incorporate audio into your video",
                        },
                        "audio_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The path of the input audio. This field is required if `audio_source` is `file`. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "youtube_url": {
                            "type": "string",
                            "format": "uri",
                            "minLength": 1,
                            "description": "Using a youtube video as the input source. This field is required if `audio_source` is `youtube`",
                        },
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "An initial image to use a the first frame of the video. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["audio_source"],
                    "description": "Provide the assets for animation.",
                    "additionalProperties": False,
                },
            },
            "required": ["fps", "end_seconds", "height", "width", "style", "assets"],
            "additionalProperties": False,
        },
    ),
    "audio-to-video": Tool(
        name="audio-to-video",
        method="POST",
        path="/v1/audio-to-video",
        kind="video",
        body_model="AudioToVideoBody",
        response_model="AudioToVideoResponse",
        api_module="generated.api.video_projects",
        function="create_audio_to_video",
        file_inputs=(
            FileInput(path=("assets", "audio_file_path"), asset_type="audio"),
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "start_seconds": {
                    "type": "number",
                    "minimum": 0,
                    "description": "Start time of your clip (seconds). Must be ≥ 0.",
                    "format": "float",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "End time of your clip (seconds). Must be greater than start_seconds.",
                    "format": "float",
                },
                "resolution": {
                    "type": "string",
                    "enum": ["480p", "720p", "1080p"],
                    "description": "Output video resolution. Defaults to `720p` on paid tiers and `480p` on free tiers.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "audio_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The path of the audio file. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "Reference image for the initial frame of the video. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                    },
                    "required": ["audio_file_path"],
                    "description": "Provide the audio file and an optional reference image.",
                    "additionalProperties": False,
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "description": "Prompt to guide the visual style of the video.",
                        }
                    },
                    "description": "Attributes used to dictate the style of the output",
                    "additionalProperties": False,
                },
            },
            "required": ["end_seconds", "assets"],
            "additionalProperties": False,
        },
    ),
    "auto-subtitle-generator": Tool(
        name="auto-subtitle-generator",
        method="POST",
        path="/v1/auto-subtitle-generator",
        kind="video",
        body_model="AutoSubtitleGeneratorBody",
        response_model="AutoSubtitleGeneratorResponse",
        api_module="generated.api.video_projects",
        function="create_auto_subtitle_generator",
        file_inputs=(
            FileInput(path=("assets", "video_file_path"), asset_type="video"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "start_seconds": {
                    "type": "number",
                    "minimum": 0,
                    "description": "Start time of your clip (seconds). Must be ≥ 0.",
                    "format": "float",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "End time of your clip (seconds). Must be greater than start_seconds.",
                    "format": "float",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "video_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "This is the video used to add subtitles. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        }
                    },
                    "required": ["video_file_path"],
                    "description": "Provide the assets for auto subtitle generator",
                    "additionalProperties": False,
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "template": {
                            "type": "string",
                            "enum": ["karaoke", "cinematic", "minimalist", "highlight"],
                            "description": "Preset subtitle templates. Please visit https://magichour.ai/create/auto-subtitle-generator to see the style of the existing templates.",
                        },
                        "custom_config": {
                            "type": "object",
                            "properties": {
                                "font": {
                                    "type": "string",
                                    "description": "Font name from Google Fonts. Not all fonts support all languages or character sets. \nWe recommend verifying language support and appearance directly on https://fonts.google.com before use.",
                                },
                                "font_size": {
                                    "type": "number",
                                    "description": "Font size in pixels. If not provided, the font size is automatically calculated based on the video resolution.",
                                },
                                "font_style": {
                                    "type": "string",
                                    "description": "Font style (e.g., normal, italic, bold)",
                                },
                                "text_color": {
                                    "type": "string",
                                    "description": "Primary text color in hex format",
                                },
                                "highlighted_text_color": {
                                    "type": "string",
                                    "description": "Color used to highlight the current spoken text",
                                },
                                "stroke_color": {
                                    "type": "string",
                                    "description": "Stroke (outline) color of the text",
                                },
                                "stroke_width": {
                                    "type": "number",
                                    "description": "Width of the text stroke in pixels. If `stroke_color` is provided, but `stroke_width` is not, the `stroke_width` will be calculated automatically based on the font size.",
                                },
                                "vertical_position": {
                                    "type": "string",
                                    "description": "Vertical alignment of the text (e.g., top, center, bottom)",
                                },
                                "horizontal_position": {
                                    "type": "string",
                                    "description": "Horizontal alignment of the text (e.g., left, center, right)",
                                },
                            },
                            "description": "Custom subtitle configuration.",
                            "additionalProperties": False,
                        },
                    },
                    "description": "Style of the subtitle. At least one of `.style.template` or `.style.custom_config` must be provided. \n* If only `.style.template` is provided, default values for the template will be used.\n* If both are provided, the fields in `.style.custom_config` will be used to overwrite the fields in `.style.template`.\n* If only `.style.custom_config` is provided, then all fields in `.style.custom_config` will be used.\n\nTo use custom config only, the following `custom_config` params are required:\n* `.style.custom_config.font`\n* `.style.custom_config.text_color`\n* `.style.custom_config.vertical_position`\n* `.style.custom_config.horizontal_position`\n",
                    "additionalProperties": False,
                },
            },
            "required": ["start_seconds", "end_seconds", "assets", "style"],
            "additionalProperties": False,
        },
    ),
    "face-swap": Tool(
        name="face-swap",
        method="POST",
        path="/v1/face-swap",
        kind="video",
        body_model="FaceSwapBody",
        response_model="FaceSwapResponse",
        api_module="generated.api.video_projects",
        function="create_face_swap",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
            FileInput(
                path=("assets", "face_mappings", "*", "new_face"), asset_type="image"
            ),
            FileInput(path=("assets", "video_file_path"), asset_type="video"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "start_seconds": {
                    "type": "number",
                    "minimum": 0,
                    "description": "Start time of your clip (seconds). Must be ≥ 0.",
                    "format": "float",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "End time of your clip (seconds). Must be greater than start_seconds.",
                    "format": "float",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "version": {
                            "type": "string",
                            "enum": ["v1", "v2", "default"],
                            "description": "* `v1` - May preserve skin detail and texture better, but weaker identity preservation.\n* `v2` - Faster, sharper, better handling of hair and glasses. stronger identity preservation.\n* `default` - Use the version we recommend, which will change over time. This is recommended unless you need a specific earlier version. This is the default behavior.",
                        }
                    },
                    "description": "Style of the face swap video.",
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "face_swap_mode": {
                            "type": "string",
                            "enum": ["all-faces", "individual-faces"],
                            "description": "Choose how to swap faces:\n**all-faces** (recommended) — swap all detected faces using one source image (`source_file_path` required)\n+- **individual-faces** — specify exact mappings using `face_mappings`",
                        },
                        "image_file_path": {
                            "type": "string",
                            "description": "The path of the input image with the face to be swapped.  The value is required if `face_swap_mode` is `all-faces`.\n\nThis value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "face_mappings": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "original_face": {
                                        "type": "string",
                                        "description": "The face detected from the image in `target_file_path`. The file name is in the format of `<face_frame>-<face_index>.png`. This value is corresponds to the response in the [face detection API](https://docs.magichour.ai/api-reference/files/get-face-detection-details).\n\n* The face_frame is the frame number of the face in the target image. For images, the frame number is always 0.\n* The face_index is the index of the face in the target image, starting from 0 going left to right.",
                                    },
                                    "new_face": {
                                        "type": "string",
                                        "description": "The face image that will be used to replace the face in the `original_face`. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                                    },
                                },
                                "required": ["original_face", "new_face"],
                                "additionalProperties": False,
                            },
                            "maxItems": 5,
                            "description": "This is the array of face mappings used for multiple face swap. The value is required if `face_swap_mode` is `individual-faces`.",
                        },
                        "video_source": {
                            "type": "string",
                            "enum": ["file", "youtube"],
                            "description": "Choose your video source.",
                        },
                        "video_file_path": {
                            "type": "string",
                            "description": "Your video file. Required if `video_source` is `file`. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "youtube_url": {
                            "type": "string",
                            "format": "uri",
                            "description": "YouTube URL (required if `video_source` is `youtube`).",
                        },
                    },
                    "required": ["video_source"],
                    "description": "Provide the assets for face swap. For video, The `video_source` field determines whether `video_file_path` or `youtube_url` field is used",
                    "additionalProperties": False,
                },
            },
            "required": ["start_seconds", "end_seconds", "assets"],
            "additionalProperties": False,
        },
    ),
    "image-to-video": Tool(
        name="image-to-video",
        method="POST",
        path="/v1/image-to-video",
        kind="video",
        body_model="ImageToVideoBody",
        response_model="ImageToVideoResponse",
        api_module="generated.api.video_projects",
        function="create_image_to_video",
        file_inputs=(
            FileInput(path=("assets", "image_file_path"), asset_type="image"),
            FileInput(path=("assets", "end_image_file_path"), asset_type="image"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 1,
                    "maximum": 60,
                    "description": "The total duration of the output video in seconds. Supported durations depend on the chosen model:\n\n* **`ltx-2.3`**: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30\n* **`wan-2.2`**: 3, 4, 5, 6, 7, 8, 9, 10, 15\n* **`kling-2.5`**: 5, 10\n* **`kling-3.0`**: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n* **`veo3.1-lite`**: 8, 16, 24, 32, 40, 48, 56\n* **`veo3.1`**: 4, 6, 8, 16, 24, 32, 40, 48, 56\n* **`seedance`**: 4, 5, 6, 7, 8, 9, 10, 11, 12\n* **`seedance-2.0`**: 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n* **`sora-2`**: 4, 8, 12, 24, 36, 48, 60\n",
                    "format": "float",
                },
                "model": {
                    "type": "string",
                    "enum": [
                        "default",
                        "ltx-2",
                        "ltx-2.3",
                        "wan-2.2",
                        "seedance",
                        "seedance-2.0",
                        "kling-2.5",
                        "kling-3.0",
                        "veo3.1",
                        "veo3.1-lite",
                        "sora-2",
                        "kling-1.6",
                        "kling-2.5-audio",
                        "veo3.1-audio",
                    ],
                    "description": "The AI model to use for video generation.\n\n* `default`: uses our currently recommended model for general use. For paid tiers, defaults to `kling-3.0`. For free tiers, it defaults to `ltx-2.3`.\n* `ltx-2.3`: Fast iteration with lip-sync & end frame\n* `wan-2.2`: Fast, strong visuals with effects\n* `kling-2.5`: Motion, action, and camera control\n* `kling-3.0`: Cinematic, multi-scene storytelling\n* `veo3.1-lite`: Fast, affordable, high-quality\n* `veo3.1`: Realistic visuals and prompt adherence\n* `seedance`: Fast iteration\n* `seedance-2.0`: State-of-the-art quality and consistency\n* `sora-2`: Story-first concepts and creativity\n\nIf you specify the deprecated model value that includes the `-audio` suffix, this will be the same as included `audio` as `true`.",
                },
                "resolution": {
                    "type": "string",
                    "enum": ["480p", "720p", "1080p", "4k"],
                    "description": "Controls the output video resolution. Defaults to `720p` on paid tiers and `480p` on free tiers.\n\n* **`ltx-2.3`**: Supports 480p, 720p, 1080p.\n* **`wan-2.2`**: Supports 480p, 720p, 1080p.\n* **`kling-2.5`**: Supports 720p, 1080p.\n* **`kling-3.0`**: Supports 720p, 1080p, 4k.\n* **`veo3.1-lite`**: Supports 720p, 1080p.\n* **`veo3.1`**: Supports 720p, 1080p.\n* **`seedance`**: Supports 480p, 720p, 1080p.\n* **`seedance-2.0`**: Supports 480p, 720p.\n* **`sora-2`**: Supports 720p.\n",
                },
                "audio": {
                    "type": "boolean",
                    "description": "Whether to include audio in the video. Defaults to `false` if not specified.\n\nAudio support varies by model:\n* **`ltx-2.3`**: Toggle-able: no additional credits for audio\n* **`wan-2.2`**: Not supported\n* **`kling-2.5`**: Toggle-able: no additional credits for audio\n* **`kling-3.0`**: Toggle-able: audio adds extra credits when enabled\n* **`veo3.1-lite`**: Toggle-able: audio adds extra credits when enabled\n* **`veo3.1`**: Toggle-able: audio adds extra credits when enabled\n* **`seedance`**: Not supported\n* **`seedance-2.0`**: Toggle-able: no additional credits for audio\n* **`sora-2`**: Toggle-able: no additional credits for audio\n",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "description": "The prompt used for the video.",
                        }
                    },
                    "description": "Attributed used to dictate the style of the output",
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The path of the image file. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "end_image_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The image to use as the last frame of the video.\n\n* **`ltx-2.3`**: Supports 480p, 720p, 1080p.\n* **`wan-2.2`**: Not supported\n* **`kling-2.5`**: Supports 1080p.\n* **`kling-3.0`**: Supports 720p, 1080p, 4k.\n* **`veo3.1-lite`**: Not supported\n* **`veo3.1`**: Not supported\n* **`seedance`**: Not supported\n* **`seedance-2.0`**: Supports 480p, 720p.\n* **`sora-2`**: Not supported\n",
                        },
                    },
                    "required": ["image_file_path"],
                    "description": "Provide the assets for image-to-video. Sora 2 only supports images with an aspect ratio of `9:16` or `16:9`.",
                    "additionalProperties": False,
                },
            },
            "required": ["end_seconds", "assets"],
            "additionalProperties": False,
        },
    ),
    "lip-sync": Tool(
        name="lip-sync",
        method="POST",
        path="/v1/lip-sync",
        kind="video",
        body_model="LipSyncBody",
        response_model="LipSyncResponse",
        api_module="generated.api.video_projects",
        function="create_lip_sync",
        file_inputs=(
            FileInput(path=("assets", "audio_file_path"), asset_type="audio"),
            FileInput(path=("assets", "video_file_path"), asset_type="video"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "start_seconds": {
                    "type": "number",
                    "minimum": 0,
                    "description": "Start time of your clip (seconds). Must be ≥ 0.",
                    "format": "float",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "End time of your clip (seconds). Must be greater than start_seconds.",
                    "format": "float",
                },
                "max_fps_limit": {
                    "type": "number",
                    "minimum": 1,
                    "description": "Defines the maximum FPS (frames per second) for the output video. If the input video's FPS is lower than this limit, the output video will retain the input FPS. This is useful for reducing unnecessary frame usage in scenarios where high FPS is not required.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "audio_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The path of the audio file. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "video_source": {
                            "type": "string",
                            "enum": ["file", "youtube"],
                            "description": "Choose your video source.",
                        },
                        "video_file_path": {
                            "type": "string",
                            "description": "Your video file. Required if `video_source` is `file`. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "youtube_url": {
                            "type": "string",
                            "format": "uri",
                            "description": "YouTube URL (required if `video_source` is `youtube`).",
                        },
                    },
                    "required": ["audio_file_path", "video_source"],
                    "description": "Provide the assets for lip-sync. For video, The `video_source` field determines whether `video_file_path` or `youtube_url` field is used",
                    "additionalProperties": False,
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "generation_mode": {
                            "type": "string",
                            "enum": ["lite", "standard", "pro"],
                            "description": "A specific version of our lip sync system, optimized for different needs.\n* `lite` -  Fast and affordable lip sync - best for simple videos. Costs 1 credit per frame of video.\n* `standard` -  Natural, accurate lip sync - best for most creators. Costs 1 credit per frame of video.\n* `pro` -  Premium fidelity with enhanced detail - best for professionals. Costs 2 credits per frame of video.\n\nNote: `standard` and `pro` are only available for users on Creator, Pro, and Business tiers.\n              ",
                        }
                    },
                    "description": "Attributes used to dictate the style of the output",
                    "additionalProperties": False,
                },
            },
            "required": ["start_seconds", "end_seconds", "assets"],
            "additionalProperties": False,
        },
    ),
    "video-to-video": Tool(
        name="video-to-video",
        method="POST",
        path="/v1/video-to-video",
        kind="video",
        body_model="VideoToVideoBody",
        response_model="VideoToVideoResponse",
        api_module="generated.api.video_projects",
        function="create_video_to_video",
        file_inputs=(
            FileInput(path=("assets", "video_file_path"), asset_type="video"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "start_seconds": {
                    "type": "number",
                    "minimum": 0,
                    "description": "Start time of your clip (seconds). Must be ≥ 0.",
                    "format": "float",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 0.1,
                    "description": "End time of your clip (seconds). Must be greater than start_seconds.",
                    "format": "float",
                },
                "fps_resolution": {
                    "type": "string",
                    "enum": ["FULL", "HALF"],
                    "description": "Determines whether the resulting video will have the same frame per second as the original video, or half.\n* `FULL` - the result video will have the same FPS as the input video\n* `HALF` - the result video will have half the FPS as the input video",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "art_style": {
                            "type": "string",
                            "enum": [
                                "Minecraft",
                                "Watercolor",
                                "Pixel",
                                "Retro Sci-Fi",
                                "Lego",
                                "Origami",
                                "Ghost",
                                "Sub-Zero",
                                "Studio Ghibli",
                                "Comic",
                                "Impressionism",
                                "Master Chief",
                                "Solid Snake",
                                "Street Fighter",
                                "Hologram",
                                "GTA",
                                "Clay",
                                "Mystique",
                                "Dragonball Z",
                                "Mario",
                                "Samurai",
                                "Spartan",
                                "Boba Fett",
                                "3D Render",
                                "Airbender",
                                "Android",
                                "Anime Warrior",
                                "Armored Knight",
                                "Assassin's Creed",
                                "Avatar",
                                "Black Spiderman",
                                "Bold Anime",
                                "Celestial Skin",
                                "Chinese Swordsmen",
                                "Cyberpunk",
                                "Cypher",
                                "Dark Fantasy",
                                "Future Bot",
                                "Futuristic Fantasy",
                                "Ghibli Anime",
                                "Gundam",
                                "Illustration",
                                "Ink",
                                "Ink Poster",
                                "Jinx",
                                "Knight",
                                "Link",
                                "Marble",
                                "Mech",
                                "Naruto",
                                "Neon Dream",
                                "No Art Style",
                                "Oil Painting",
                                "On Fire",
                                "Painterly Anime",
                                "Pixar",
                                "Power Armor",
                                "Power Ranger",
                                "Radiant Anime",
                                "Realistic Anime",
                                "Realistic Pixar",
                                "Retro Anime",
                                "Samurai Bot",
                                "Sharp Anime",
                                "Soft Anime",
                                "Starfield",
                                "The Void",
                                "Tomb Raider",
                                "Underwater",
                                "Van Gogh",
                                "Viking",
                                "Western Anime",
                                "Wu Kong",
                                "Wuxia Anime",
                                "Zelda",
                            ],
                        },
                        "version": {
                            "type": "string",
                            "enum": ["v1", "v2", "default"],
                            "description": "* `v1` - more detail, closer prompt adherence, and frame-by-frame previews.\n* `v2` - faster, more consistent, and less noisy.\n* `default` - use the default version for the selected art style.",
                        },
                        "prompt_type": {
                            "type": "string",
                            "enum": ["default", "custom", "append_default"],
                            "description": "* `default` - Use the default recommended prompt for the art style.\n* `custom` - Only use the prompt passed in the API. Note: for v1, lora prompt will still be auto added to apply the art style properly.\n* `append_default` - Add the default recommended prompt to the end of the prompt passed in the API.",
                        },
                        "prompt": {
                            "type": ["string", "null"],
                            "description": "The prompt used for the video. Prompt is required if `prompt_type` is `custom` or `append_default`. If `prompt_type` is `default`, then the `prompt` value passed will be ignored.",
                        },
                        "model": {
                            "type": "string",
                            "enum": [
                                "Dreamshaper",
                                "Absolute Reality",
                                "Flat 2D Anime",
                                "Soft Anime",
                                "Kaywaii",
                                "Western Anime",
                                "3D Anime",
                                "default",
                            ],
                            "description": "* `Dreamshaper` - a good all-around model that works for both animations as well as realism.\n* `Absolute Reality` - better at realism, but you'll often get similar results with Dreamshaper as well.\n* `Flat 2D Anime` - best for a flat illustration style that's common in most anime.\n* `default` - use the default recommended model for the selected art style.",
                        },
                    },
                    "required": ["art_style"],
                    "additionalProperties": False,
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "video_source": {
                            "type": "string",
                            "enum": ["file", "youtube"],
                            "description": "Choose your video source.",
                        },
                        "video_file_path": {
                            "type": "string",
                            "description": "Your video file. Required if `video_source` is `file`. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        },
                        "youtube_url": {
                            "type": "string",
                            "format": "uri",
                            "description": "YouTube URL (required if `video_source` is `youtube`).",
                        },
                    },
                    "required": ["video_source"],
                    "description": "Provide the assets for video-to-video. For video, The `video_source` field determines whether `video_file_path` or `youtube_url` field is used",
                    "additionalProperties": False,
                },
            },
            "required": ["start_seconds", "end_seconds", "style", "assets"],
            "additionalProperties": False,
        },
    ),
    "text-to-video": Tool(
        name="text-to-video",
        method="POST",
        path="/v1/text-to-video",
        kind="video",
        body_model="TextToVideoBody",
        response_model="TextToVideoResponse",
        api_module="generated.api.video_projects",
        function="create_text_to_video",
        file_inputs=(),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your video a custom name for easy identification.",
                },
                "end_seconds": {
                    "type": "number",
                    "minimum": 1,
                    "maximum": 60,
                    "description": "The total duration of the output video in seconds. Supported durations depend on the chosen model:\n\n* **`ltx-2.3`**: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30\n* **`wan-2.2`**: 3, 4, 5, 6, 7, 8, 9, 10, 15\n* **`kling-2.5`**: 5, 10\n* **`kling-3.0`**: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n* **`veo3.1-lite`**: 8, 16, 24, 32, 40, 48, 56\n* **`veo3.1`**: 4, 6, 8, 16, 24, 32, 40, 48, 56\n* **`seedance`**: 4, 5, 6, 7, 8, 9, 10, 11, 12\n* **`seedance-2.0`**: 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n* **`sora-2`**: 4, 8, 12, 24, 36, 48, 60\n",
                    "format": "float",
                },
                "aspect_ratio": {
                    "type": "string",
                    "enum": ["16:9", "9:16", "1:1"],
                    "description": "Determines the aspect ratio of the output video.\n\n* **`ltx-2.3`**: Supports 9:16, 16:9, 1:1.\n* **`wan-2.2`**: Supports 9:16, 16:9, 1:1.\n* **`kling-2.5`**: Supports 9:16, 16:9, 1:1.\n* **`kling-3.0`**: Supports 9:16, 16:9, 1:1.\n* **`veo3.1-lite`**: Supports 9:16, 16:9.\n* **`veo3.1`**: Supports 9:16, 16:9.\n* **`seedance`**: Supports 9:16, 16:9, 1:1.\n* **`seedance-2.0`**: Supports 9:16, 16:9, 1:1.\n* **`sora-2`**: Supports 9:16, 16:9.\n",
                },
                "resolution": {
                    "type": "string",
                    "enum": ["480p", "720p", "1080p", "4k"],
                    "description": "Controls the output video resolution. Defaults to `720p` on paid tiers and `480p` on free tiers.\n\n* **`ltx-2.3`**: Supports 480p, 720p, 1080p.\n* **`wan-2.2`**: Supports 480p, 720p, 1080p.\n* **`kling-2.5`**: Supports 720p, 1080p.\n* **`kling-3.0`**: Supports 720p, 1080p, 4k.\n* **`veo3.1-lite`**: Supports 720p, 1080p.\n* **`veo3.1`**: Supports 720p, 1080p.\n* **`seedance`**: Supports 480p, 720p, 1080p.\n* **`seedance-2.0`**: Supports 480p, 720p.\n* **`sora-2`**: Supports 720p.\n",
                },
                "model": {
                    "type": "string",
                    "enum": [
                        "default",
                        "ltx-2",
                        "ltx-2.3",
                        "wan-2.2",
                        "seedance",
                        "seedance-2.0",
                        "kling-2.5",
                        "kling-3.0",
                        "veo3.1",
                        "veo3.1-lite",
                        "sora-2",
                        "kling-1.6",
                        "kling-2.5-audio",
                        "veo3.1-audio",
                    ],
                    "description": "The AI model to use for video generation.\n\n* `default`: uses our currently recommended model for general use. For paid tiers, defaults to `kling-3.0`. For free tiers, it defaults to `ltx-2.3`.\n* `ltx-2.3`: Fast iteration with lip-sync & end frame\n* `wan-2.2`: Fast, strong visuals with effects\n* `kling-2.5`: Motion, action, and camera control\n* `kling-3.0`: Cinematic, multi-scene storytelling\n* `veo3.1-lite`: Fast, affordable, high-quality\n* `veo3.1`: Realistic visuals and prompt adherence\n* `seedance`: Fast iteration\n* `seedance-2.0`: State-of-the-art quality and consistency\n* `sora-2`: Story-first concepts and creativity\n\nIf you specify the deprecated model value that includes the `-audio` suffix, this will be the same as included `audio` as `true`.",
                },
                "audio": {
                    "type": "boolean",
                    "description": "Whether to include audio in the video. Defaults to `false` if not specified.\n\nAudio support varies by model:\n* **`ltx-2.3`**: Toggle-able: no additional credits for audio\n* **`wan-2.2`**: Not supported\n* **`kling-2.5`**: Toggle-able: no additional credits for audio\n* **`kling-3.0`**: Toggle-able: audio adds extra credits when enabled\n* **`veo3.1-lite`**: Toggle-able: audio adds extra credits when enabled\n* **`veo3.1`**: Toggle-able: audio adds extra credits when enabled\n* **`seedance`**: Not supported\n* **`seedance-2.0`**: Toggle-able: no additional credits for audio\n* **`sora-2`**: Toggle-able: no additional credits for audio\n",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 2000,
                            "description": "The prompt used for the video.",
                        }
                    },
                    "required": ["prompt"],
                    "additionalProperties": False,
                },
            },
            "required": ["end_seconds", "style"],
            "additionalProperties": False,
        },
    ),
    "ai-voice-generator": Tool(
        name="ai-voice-generator",
        method="POST",
        path="/v1/ai-voice-generator",
        kind="audio",
        body_model="AiVoiceGeneratorBody",
        response_model="AiVoiceGeneratorResponse",
        api_module="generated.api.audio_projects",
        function="create_ai_voice_generator",
        file_inputs=(),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your audio a custom name for easy identification.",
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "minLength": 1,
                            "description": "Text used to generate speech. The character limit is 1000 characters.",
                        },
                        "voice_name": {
                            "type": "string",
                            "enum": [
                                "Elon Musk",
                                "Mark Zuckerberg",
                                "Joe Rogan",
                                "Barack Obama",
                                "Morgan Freeman",
                                "Kanye West",
                                "Donald Trump",
                                "Joe Biden",
                                "Kim Kardashian",
                                "Taylor Swift",
                                "James Earl Jones",
                                "Samuel L. Jackson",
                                "Jeff Goldblum",
                                "David Attenborough",
                                "Sean Connery",
                                "Cillian Murphy",
                                "Anne Hathaway",
                                "Julia Roberts",
                                "Natalie Portman",
                                "Steve Carell",
                                "Amy Poehler",
                                "Stephen Colbert",
                                "Jimmy Fallon",
                                "David Letterman",
                                "Alex Trebek",
                                "Katy Perry",
                                "Prince",
                                "Kevin Bacon",
                                "Tom Hiddleston",
                                "Adam Driver",
                                "Alan Rickman",
                                "Alexz Johnson",
                                "Ana Gasteyer",
                                "Andrew Rannells",
                                "Arden Cho",
                                "Bear Grylls",
                                "Ben McKenzie",
                                "Ben Stiller",
                                "Ben Whishaw",
                                "Billie Joe Armstrong",
                                "Bingbing Li",
                                "Booboo Stewart",
                                "Bradley Steven Perry",
                                "Bruno Mars",
                                "Caity Lotz",
                                "Cameron Boyce",
                                "Candice Accola",
                                "Carrie Underwood",
                                "Casey Affleck",
                                "Caterina Scorsone",
                                "Cedric the Entertainer",
                                "Chace Crawford",
                                "Chadwick Boseman",
                                "Charlie Day",
                                "Chris Hemsworth",
                                "Chris Martin",
                                "Christopher Mintz-Plasse",
                                "Dan Fogler",
                                "Dan Stevens",
                                "Daniel Dae Kim",
                                "Danielle Panabaker",
                                "Dave Bautista",
                                "David Schwimmer",
                                "Denis Leary",
                                "Derek Mears",
                                "Diego Luna",
                                "Donald Glover",
                                "Donnie Yen",
                                "Doutzen Kroes",
                                "Dove Cameron",
                                "Dr. Dre",
                                "Drake Bell",
                                "Elle Fanning",
                                "Ernie Hudson",
                                "Fergie",
                                "Forest Whitaker",
                                "Francia Raisa",
                                "Freddie Highmore",
                                "Gillian Jacobs",
                                "Gina Carano",
                                "Ginnifer Goodwin",
                                "Gordon Ramsay",
                                "Guy Pearce",
                                "Gwendoline Christie",
                                "Hailee Steinfeld",
                                "Howie Mandel",
                                "Hugh Jackman",
                                "Hugh Laurie",
                                "J. K. Simmons",
                                "Jack Black",
                                "Jared Leto",
                                "Jennifer Carpenter",
                                "Kesha",
                                "Kris Jenner",
                                "Kristen Bell",
                                "Lorde",
                                "Matt Smith",
                                "Marilyn Monroe",
                                "Charlie Chaplin",
                                "Albert Einstein",
                                "Abraham Lincoln",
                                "John F. Kennedy",
                                "Lucille Ball",
                                "A.R. Rahman",
                                "Aamir Khan",
                                "Ajay Devgn",
                                "Akshay Kumar",
                                "Alain Delon",
                                "Alan Alda",
                                "Alan Cumming",
                                "Amitabh Bachchan",
                                "Ang Lee",
                                "Ansel Elgort",
                                "Anthony Anderson",
                                "Anthony Mackie",
                                "Armie Hammer",
                                "Asa Butterfield",
                                "B.J. Novak",
                                "Barbara Eden",
                                "Betty White",
                                "Bill Nighy",
                                "Bill Pullman",
                                "Blake Shelton",
                                "Bonnie Wright",
                                "Brad Paisley",
                                "Brendan Gleeson",
                                "Brian Cox",
                                "Bruno Ganz",
                                "Burt Reynolds",
                                "Carrie Fisher",
                                "Charles Dance",
                                "Chiwetel Ejiofor",
                                "Chris Pine",
                                "Christina Hendricks",
                                "Christina Ricci",
                                "Cyndi Lauper",
                                "Dakota Fanning",
                                "Damian Lewis",
                                "Dan Aykroyd",
                                "Daniel Craig",
                                "David Oyelowo",
                                "David Tennant",
                                "Diane Keaton",
                                "Diane Kruger",
                                "Dick Van Dyke",
                                "Domhnall Gleeson",
                                "Dominic Cooper",
                                "Donald Sutherland",
                                "Drew Carey",
                                "Eartha Kitt",
                                "Eddie Izzard",
                                "Edward Asner",
                                "Eli Roth",
                                "Elisabeth Moss",
                                "Ellen Burstyn",
                                "Emile Hirsch",
                                "Ezra Miller",
                                "Felicity Jones",
                                "Fiona Shaw",
                                "Florence Henderson",
                                "Freida Pinto",
                                "Geena Davis",
                                "Gemma Arterton",
                                "Geri Halliwell",
                                "Glenn Close",
                                "Gloria Steinem",
                                "Greta Gerwig",
                                "Gugu Mbatha-Raw",
                                "Hans Zimmer",
                                "Harry Connick Jr.",
                                "Harvey Keitel",
                                "Helena Bonham Carter",
                                "Henry Cavill",
                                "Hilary Swank",
                                "Hugh Bonneville",
                                "Idina Menzel",
                                "Imelda Staunton",
                                "Ingrid Bergman",
                                "Irrfan Khan",
                                "Isla Fisher",
                                "Iwan Rheon",
                                "Jack Lemmon",
                                "Janet Jackson",
                                "Jason Bateman",
                                "Jason Segel",
                                "Jennifer Coolidge",
                                "Johnny Galecki",
                                "Jon Favreau",
                                "Joseph Gordon-Levitt",
                                "Josh Brolin",
                                "Josh Gad",
                                "Josh Groban",
                                "Julia Louis-Dreyfus",
                                "Kristen Stewart",
                                "Kristen Wiig",
                                "Rooney Mara",
                                "Caitriona Balfe",
                                "J.J. Abrams",
                                "Zoe Saldana",
                                "SpongeBob SquarePants",
                                "Patrick Star",
                                "Squidward Tentacles",
                                "Homer Simpson",
                                "Bart Simpson",
                                "Peter Griffin",
                                "Stewie Griffin",
                                "Eric Cartman",
                                "Rick Sanchez",
                                "Bugs Bunny",
                                "Mickey Mouse",
                                "Donald Duck",
                                "Shrek",
                                "Donkey (Shrek)",
                                "Elsa (Frozen)",
                                "Woody (Toy Story)",
                                "Buzz Lightyear",
                                "Scooby-Doo",
                                "Shaggy Rogers",
                                "Bender (Futurama)",
                                "Optimus Prime",
                                "Batman (Animated)",
                                "The Joker (Animated)",
                                "Darth Vader",
                                "Yoda",
                                "Gollum Smeagol",
                                "Gandalf",
                                "Winnie the Pooh",
                                "Kermit the Frog",
                                "Elmo",
                                "SpiderMan (Tom Holland ver.)",
                                "Mario",
                                "Luigi",
                                "Sonic the Hedgehog",
                                "Naruto Uzumaki",
                                "Goku",
                                "Vegeta",
                                "Light Yagami",
                                "Luffy (One Piece)",
                                "Edward Elric",
                                "Eren Jaeger",
                                "Levi Ackerman",
                                "Tanjiro Kamado",
                                "All Might",
                                "GLaDOS",
                                "Master Chief",
                                "Kratos",
                                "Arthur Morgan",
                                "Geralt of Rivia",
                                "Dwayne 'The Rock' Johnson",
                                "LeBron James",
                                "Shaquille O'Neal",
                                "Conor McGregor",
                                "Mike Tyson",
                                "Kobe Bryant",
                                "Floyd Mayweather",
                                "Cristiano Ronaldo",
                                "Lionel Messi",
                                "Serena Williams",
                                "Tom Brady",
                                "Stephen Curry",
                                "John Cena",
                                "Hulk Hogan",
                                "Stone Cold Steve Austin",
                                "The Undertaker",
                                "Nate Diaz",
                                "Charles Barkley",
                                "Shannon Sharpe",
                                "Drake",
                                "Beyonce",
                                "Rihanna",
                                "Eminem",
                                "Snoop Dogg",
                                "Jay-Z",
                                "Ed Sheeran",
                                "Billie Eilish",
                                "Ariana Grande",
                                "Adele",
                                "Post Malone",
                                "Travis Scott",
                                "Nicki Minaj",
                                "Cardi B",
                                "Doja Cat",
                                "Bad Bunny",
                                "Shakira",
                                "Justin Bieber",
                                "Sabrina Carpenter",
                                "Chappell Roan",
                                "Dua Lipa",
                                "The Weeknd",
                                "Miley Cyrus",
                                "Lady Gaga",
                                "Kendrick Lamar",
                                "Ozzy Osbourne",
                                "Freddie Mercury",
                                "Elvis Presley",
                                "Bob Marley",
                                "Frank Sinatra",
                                "MrBeast",
                                "PewDiePie",
                                "Kai Cenat",
                                "IShowSpeed",
                                "Markiplier",
                                "Jacksepticeye",
                                "KSI",
                                "Logan Paul",
                                "Jake Paul",
                                "Dream (Minecraft)",
                                "Corpse Husband",
                                "xQc",
                                "Pokimane",
                                "Valkyrae",
                                "Ninja",
                                "Joe Scott",
                                "Linus (LTT)",
                                "Ryan Reynolds",
                                "Tom Hanks",
                                "Robert Downey Jr.",
                                "Will Smith",
                                "Denzel Washington",
                                "Leonardo DiCaprio",
                                "Brad Pitt",
                                "Keanu Reeves",
                                "Nicolas Cage",
                                "Al Pacino",
                                "Robert De Niro",
                                "Arnold Schwarzenegger",
                                "Sylvester Stallone",
                                "Vin Diesel",
                                "Jason Statham",
                                "Tom Cruise",
                                "Johnny Depp",
                                "Scarlett Johansson",
                                "Angelina Jolie",
                                "Jennifer Aniston",
                                "Emma Watson",
                                "Margot Robbie",
                                "Sydney Sweeney",
                                "Zendaya",
                                "Timothee Chalamet",
                                "Pedro Pascal",
                                "Oscar Isaac",
                                "Benedict Cumberbatch",
                                "Ian McKellen",
                                "Patrick Stewart",
                                "Christopher Walken",
                                "Matthew McConaughey",
                                "Harrison Ford",
                                "Mark Wahlberg",
                                "Owen Wilson",
                                "Seth Rogen",
                                "Kevin Hart",
                                "Adam Sandler",
                                "Jim Carrey",
                                "Eddie Murphy",
                                "Robin Williams",
                                "Will Ferrell",
                                "Melissa McCarthy",
                                "Awkwafina",
                                "Jason Momoa",
                                "Idris Elba",
                                "Tom Hardy",
                                "Michael B. Jordan",
                                "Austin Butler",
                                "Glen Powell",
                                "Paul Giamatti",
                                "Bryan Cranston",
                                "Bob Odenkirk",
                                "Vladimir Putin",
                                "Queen Elizabeth II",
                                "Winston Churchill",
                                "Martin Luther King Jr.",
                                "Kamala Harris",
                                "Bernie Sanders",
                                "Alexandria Ocasio-Cortez",
                                "Narendra Modi",
                                "Oprah Winfrey",
                                "Ellen DeGeneres",
                                "Dr. Phil",
                                "Steve Harvey",
                                "Trevor Noah",
                                "John Oliver",
                                "James Corden",
                                "Ryan Seacrest",
                                "Howard Stern",
                                "Conan O'Brien",
                                "Seth Meyers",
                                "Bill Nye",
                                "Neil deGrasse Tyson",
                                "Guy Fieri",
                                "Dave Chappelle",
                                "Chris Rock",
                                "Jerry Seinfeld",
                                "Ali Wong",
                                "John Mulaney",
                                "Hasan Minhaj",
                                "Nikki Glaser",
                                "Matt Rife",
                                "Gabriel Iglesias",
                                "Bo Burnham",
                                "Jeff Bezos",
                                "Bill Gates",
                                "Steve Jobs",
                                "Tim Cook",
                                "Sam Altman",
                                "Jensen Huang",
                                "Gilbert Gottfried",
                                "James May",
                                "Jeremy Clarkson",
                                "Richard Hammond",
                                "Bob Ross",
                                "Anthony Bourdain",
                                "David Goggins",
                                "Jordan Peterson",
                                "Joe Pesci",
                                "Danny DeVito",
                                "Seth MacFarlane",
                                "Patrick Warburton",
                                "Keith David",
                                "Mark Hamill",
                                "Liam Neeson",
                                "Antonio Banderas",
                                "Sofia Vergara",
                                "Penelope Cruz",
                                "Gal Gadot",
                                "Cate Blanchett",
                                "Viola Davis",
                                "Meryl Streep",
                                "Sandra Bullock",
                                "Reese Witherspoon",
                                "Salma Hayek",
                                "Lupita Nyong'o",
                                "Florence Pugh",
                                "Jenna Ortega",
                                "Ana de Armas",
                                "Jacob Elordi",
                                "Barry White",
                                "Dolly Parton",
                                "Willie Nelson",
                                "Lil Wayne",
                                "50 Cent",
                                "Ice Cube",
                                "Tupac Shakur",
                                "Notorious B.I.G.",
                                "Bob Dylan",
                                "David Bowie",
                                "Michael Jackson",
                                "Whitney Houston",
                                "Amy Winehouse",
                                "SZA",
                                "Tyler, The Creator",
                                "Thanos",
                                "Tony Stark",
                                "Captain Jack Sparrow",
                                "Walter White",
                                "Tommy Shelby",
                                "Michael Scott",
                                "Dwight Schrute",
                                "Bowser",
                                "Usain Bolt",
                                "Tyson Fury",
                                "Dana White",
                                "Pat McAfee",
                                "Giannis Antetokounmpo",
                                "Lex Fridman",
                                "Ben Shapiro",
                                "Tucker Carlson",
                                "Martha Stewart",
                                "Gordon Lightfoot",
                                "Lizzo",
                                "Megan Thee Stallion",
                                "Ice Spice",
                                "21 Savage",
                                "Metro Boomin",
                                "Jack Harlow",
                                "Peso Pluma",
                                "BTS Jungkook",
                                "Quentin Tarantino",
                                "Werner Herzog",
                                "Anderson Cooper",
                                "Rachel Maddow",
                                "Mahatma Gandhi",
                                "Muhammad Ali",
                                "Princess Diana",
                                "Nelson Mandela",
                                "Steve Irwin",
                                "Morty Smith",
                                "Andrew Huberman",
                                "Willem Dafoe",
                                "Mike Rowe",
                                "Terminator",
                                "Deadpool",
                                "Plankton",
                                "Mr. Krabs",
                                "Picard",
                            ],
                            "description": "The voice to use for the speech. Available voices: Elon Musk, Mark Zuckerberg, Joe Rogan, Barack Obama, Morgan Freeman, Kanye West, Donald Trump, Joe Biden, Kim Kardashian, Taylor Swift, James Earl Jones, Samuel L. Jackson, Jeff Goldblum, David Attenborough, Sean Connery, Cillian Murphy, Anne Hathaway, Julia Roberts, Natalie Portman, Steve Carell, Amy Poehler, Stephen Colbert, Jimmy Fallon, David Letterman, Alex Trebek, Katy Perry, Prince, Kevin Bacon, Tom Hiddleston, Adam Driver, Alan Rickman, Alexz Johnson, Ana Gasteyer, Andrew Rannells, Arden Cho, Bear Grylls, Ben McKenzie, Ben Stiller, Ben Whishaw, Billie Joe Armstrong, Bingbing Li, Booboo Stewart, Bradley Steven Perry, Bruno Mars, Caity Lotz, Cameron Boyce, Candice Accola, Carrie Underwood, Casey Affleck, Caterina Scorsone, Cedric the Entertainer, Chace Crawford, Chadwick Boseman, Charlie Day, Chris Hemsworth, Chris Martin, Christopher Mintz-Plasse, Dan Fogler, Dan Stevens, Daniel Dae Kim, Danielle Panabaker, Dave Bautista, David Schwimmer, Denis Leary, Derek Mears, Diego Luna, Donald Glover, Donnie Yen, Doutzen Kroes, Dove Cameron, Dr. Dre, Drake Bell, Elle Fanning, Ernie Hudson, Fergie, Forest Whitaker, Francia Raisa, Freddie Highmore, Gillian Jacobs, Gina Carano, Ginnifer Goodwin, Gordon Ramsay, Guy Pearce, Gwendoline Christie, Hailee Steinfeld, Howie Mandel, Hugh Jackman, Hugh Laurie, J. K. Simmons, Jack Black, Jared Leto, Jennifer Carpenter, Kesha, Kris Jenner, Kristen Bell, Lorde, Matt Smith, Marilyn Monroe, Charlie Chaplin, Albert Einstein, Abraham Lincoln, John F. Kennedy, Lucille Ball, A.R. Rahman, Aamir Khan, Ajay Devgn, Akshay Kumar, Alain Delon, Alan Alda, Alan Cumming, Amitabh Bachchan, Ang Lee, Ansel Elgort, Anthony Anderson, Anthony Mackie, Armie Hammer, Asa Butterfield, B.J. Novak, Barbara Eden, Betty White, Bill Nighy, Bill Pullman, Blake Shelton, Bonnie Wright, Brad Paisley, Brendan Gleeson, Brian Cox, Bruno Ganz, Burt Reynolds, Carrie Fisher, Charles Dance, Chiwetel Ejiofor, Chris Pine, Christina Hendricks, Christina Ricci, Cyndi Lauper, Dakota Fanning, Damian Lewis, Dan Aykroyd, Daniel Craig, David Oyelowo, David Tennant, Diane Keaton, Diane Kruger, Dick Van Dyke, Domhnall Gleeson, Dominic Cooper, Donald Sutherland, Drew Carey, Eartha Kitt, Eddie Izzard, Edward Asner, Eli Roth, Elisabeth Moss, Ellen Burstyn, Emile Hirsch, Ezra Miller, Felicity Jones, Fiona Shaw, Florence Henderson, Freida Pinto, Geena Davis, Gemma Arterton, Geri Halliwell, Glenn Close, Gloria Steinem, Greta Gerwig, Gugu Mbatha-Raw, Hans Zimmer, Harry Connick Jr., Harvey Keitel, Helena Bonham Carter, Henry Cavill, Hilary Swank, Hugh Bonneville, Idina Menzel, Imelda Staunton, Ingrid Bergman, Irrfan Khan, Isla Fisher, Iwan Rheon, Jack Lemmon, Janet Jackson, Jason Bateman, Jason Segel, Jennifer Coolidge, Johnny Galecki, Jon Favreau, Joseph Gordon-Levitt, Josh Brolin, Josh Gad, Josh Groban, Julia Louis-Dreyfus, Kristen Stewart, Kristen Wiig, Rooney Mara, Caitriona Balfe, J.J. Abrams, Zoe Saldana, SpongeBob SquarePants, Patrick Star, Squidward Tentacles, Homer Simpson, Bart Simpson, Peter Griffin, Stewie Griffin, Eric Cartman, Rick Sanchez, Bugs Bunny, Mickey Mouse, Donald Duck, Shrek, Donkey (Shrek), Elsa (Frozen), Woody (Toy Story), Buzz Lightyear, Scooby-Doo, Shaggy Rogers, Bender (Futurama), Optimus Prime, Batman (Animated), The Joker (Animated), Darth Vader, Yoda, Gollum Smeagol, Gandalf, Winnie the Pooh, Kermit the Frog, Elmo, SpiderMan (Tom Holland ver.), Mario, Luigi, Sonic the Hedgehog, Naruto Uzumaki, Goku, Vegeta, Light Yagami, Luffy (One Piece), Edward Elric, Eren Jaeger, Levi Ackerman, Tanjiro Kamado, All Might, GLaDOS, Master Chief, Kratos, Arthur Morgan, Geralt of Rivia, Dwayne 'The Rock' Johnson, LeBron James, Shaquille O'Neal, Conor McGregor, Mike Tyson, Kobe Bryant, Floyd Mayweather, Cristiano Ronaldo, Lionel Messi, Serena Williams, Tom Brady, Stephen Curry, John Cena, Hulk Hogan, Stone Cold Steve Austin, The Undertaker, Nate Diaz, Charles Barkley, Shannon Sharpe, Drake, Beyonce, Rihanna, Eminem, Snoop Dogg, Jay-Z, Ed Sheeran, Billie Eilish, Ariana Grande, Adele, Post Malone, Travis Scott, Nicki Minaj, Cardi B, Doja Cat, Bad Bunny, Shakira, Justin Bieber, Sabrina Carpenter, Chappell Roan, Dua Lipa, The Weeknd, Miley Cyrus, Lady Gaga, Kendrick Lamar, Ozzy Osbourne, Freddie Mercury, Elvis Presley, Bob Marley, Frank Sinatra, MrBeast, PewDiePie, Kai Cenat, IShowSpeed, Markiplier, Jacksepticeye, KSI, Logan Paul, Jake Paul, Dream (Minecraft), Corpse Husband, xQc, Pokimane, Valkyrae, Ninja, Joe Scott, Linus (LTT), Ryan Reynolds, Tom Hanks, Robert Downey Jr., Will Smith, Denzel Washington, Leonardo DiCaprio, Brad Pitt, Keanu Reeves, Nicolas Cage, Al Pacino, Robert De Niro, Arnold Schwarzenegger, Sylvester Stallone, Vin Diesel, Jason Statham, Tom Cruise, Johnny Depp, Scarlett Johansson, Angelina Jolie, Jennifer Aniston, Emma Watson, Margot Robbie, Sydney Sweeney, Zendaya, Timothee Chalamet, Pedro Pascal, Oscar Isaac, Benedict Cumberbatch, Ian McKellen, Patrick Stewart, Christopher Walken, Matthew McConaughey, Harrison Ford, Mark Wahlberg, Owen Wilson, Seth Rogen, Kevin Hart, Adam Sandler, Jim Carrey, Eddie Murphy, Robin Williams, Will Ferrell, Melissa McCarthy, Awkwafina, Jason Momoa, Idris Elba, Tom Hardy, Michael B. Jordan, Austin Butler, Glen Powell, Paul Giamatti, Bryan Cranston, Bob Odenkirk, Vladimir Putin, Queen Elizabeth II, Winston Churchill, Martin Luther King Jr., Kamala Harris, Bernie Sanders, Alexandria Ocasio-Cortez, Narendra Modi, Oprah Winfrey, Ellen DeGeneres, Dr. Phil, Steve Harvey, Trevor Noah, John Oliver, James Corden, Ryan Seacrest, Howard Stern, Conan O'Brien, Seth Meyers, Bill Nye, Neil deGrasse Tyson, Guy Fieri, Dave Chappelle, Chris Rock, Jerry Seinfeld, Ali Wong, John Mulaney, Hasan Minhaj, Nikki Glaser, Matt Rife, Gabriel Iglesias, Bo Burnham, Jeff Bezos, Bill Gates, Steve Jobs, Tim Cook, Sam Altman, Jensen Huang, Gilbert Gottfried, James May, Jeremy Clarkson, Richard Hammond, Bob Ross, Anthony Bourdain, David Goggins, Jordan Peterson, Joe Pesci, Danny DeVito, Seth MacFarlane, Patrick Warburton, Keith David, Mark Hamill, Liam Neeson, Antonio Banderas, Sofia Vergara, Penelope Cruz, Gal Gadot, Cate Blanchett, Viola Davis, Meryl Streep, Sandra Bullock, Reese Witherspoon, Salma Hayek, Lupita Nyong'o, Florence Pugh, Jenna Ortega, Ana de Armas, Jacob Elordi, Barry White, Dolly Parton, Willie Nelson, Lil Wayne, 50 Cent, Ice Cube, Tupac Shakur, Notorious B.I.G., Bob Dylan, David Bowie, Michael Jackson, Whitney Houston, Amy Winehouse, SZA, Tyler, The Creator, Thanos, Tony Stark, Captain Jack Sparrow, Walter White, Tommy Shelby, Michael Scott, Dwight Schrute, Bowser, Usain Bolt, Tyson Fury, Dana White, Pat McAfee, Giannis Antetokounmpo, Lex Fridman, Ben Shapiro, Tucker Carlson, Martha Stewart, Gordon Lightfoot, Lizzo, Megan Thee Stallion, Ice Spice, 21 Savage, Metro Boomin, Jack Harlow, Peso Pluma, BTS Jungkook, Quentin Tarantino, Werner Herzog, Anderson Cooper, Rachel Maddow, Mahatma Gandhi, Muhammad Ali, Princess Diana, Nelson Mandela, Steve Irwin, Morty Smith, Andrew Huberman, Willem Dafoe, Mike Rowe, Terminator, Deadpool, Plankton, Mr. Krabs, Picard",
                        },
                    },
                    "required": ["prompt", "voice_name"],
                    "description": "The content used to generate speech.",
                    "additionalProperties": False,
                },
            },
            "required": ["style"],
            "additionalProperties": False,
        },
    ),
    "ai-voice-cloner": Tool(
        name="ai-voice-cloner",
        method="POST",
        path="/v1/ai-voice-cloner",
        kind="audio",
        body_model="AiVoiceClonerBody",
        response_model="AiVoiceClonerResponse",
        api_module="generated.api.audio_projects",
        function="create_ai_voice_cloner",
        file_inputs=(
            FileInput(path=("assets", "audio_file_path"), asset_type="audio"),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "Give your audio a custom name for easy identification.",
                },
                "assets": {
                    "type": "object",
                    "properties": {
                        "audio_file_path": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The audio used to clone the voice. This value is either\n- a direct URL to the video file\n- `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).\n\nSee the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.\n",
                        }
                    },
                    "required": ["audio_file_path"],
                    "description": "Provide the assets for voice cloning.",
                    "additionalProperties": False,
                },
                "style": {
                    "type": "object",
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 1000,
                            "description": "Text used to generate speech from the cloned voice. The character limit is 1000 characters.",
                        }
                    },
                    "required": ["prompt"],
                    "additionalProperties": False,
                },
            },
            "required": ["assets", "style"],
            "additionalProperties": False,
        },
    ),
}
