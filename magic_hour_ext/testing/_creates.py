"""Creating projects through the tools' endpoints: one generic handler's decisions, from the spec.

Every tool of `generated.catalog.TOOLS` (25 `POST /v1/<tool>` endpoints) is served by the same
code: its body is checked against the tool's `body_schema` (400 with the first problem), each of
its file inputs must be a URL or the `file_path` of a file uploaded to this server (422 naming the
field otherwise), then a project of the tool's kind is created following a `Render` (the
server's default per kind, or one set for that tool), and the answer is the spec's
`{id, credits_charged, ...}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from generated.catalog import FileInput, Tool

from .._create import file_values as walk_file_values
from .._create import is_url
from .._schema import first_problem
from ._content import Output
from ._projects import Kind, default_outputs

__all__ = [
    "DEFAULT_RENDERS",
    "PROJECT_TYPES",
    "Render",
    "body_problem",
    "create_answer",
    "file_values",
    "invalid_file_input",
    "project_type",
]


@dataclass(frozen=True, slots=True)
class Render:
    """How a project created through a tool's endpoint renders on the local server.

    Set `server.renders[kind]` (every tool of that kind) or `server.renders[tool]` (one tool,
    e.g. `"face-swap"`) to change it; the tool's entry wins.

    Args:
        timeline: (status, seconds) steps from the create, as for `create_project`.
        outputs: The files it offers once complete. None: the kind's default (a PNG per image
            the body asks for with `image_count`, else one; a small MP4; a small WAV).
        error: (code, message) shown once the status is "error" (the charge is then refunded).
        credits_charged: What a create costs, taken from the server's `credits`.

    Example:
        >>> Render(timeline=[("rendering", 0.1), ("complete", None)], outputs=[Output.mp4(1 << 30)])
        Render(timeline=[('rendering', 0.1), ('complete', None)], outputs=[Output(size=1073741824, ...)], ...)
    """

    timeline: Sequence[tuple[str, float | None]] = (("queued", 0.1), ("rendering", 0.3), ("complete", None))
    outputs: Sequence[Output] | None = None
    error: tuple[str, str] | None = None
    credits_charged: int = 5

    def outputs_for(self, kind: Kind, body: Mapping[str, Any]) -> list[Output]:
        """The outputs of a project of *kind* created with *body*."""
        if self.outputs is not None:
            return list(self.outputs)
        count = body.get("image_count")
        if kind == "image" and isinstance(count, int) and not isinstance(count, bool) and count > 1:
            return [Output(name=f"output-{n}.png") for n in range(count)]
        return default_outputs(kind)


#: The render of each kind unless told otherwise: images in a fraction of a second, videos and
#: audio a little longer; credits as the spec's examples show them.
DEFAULT_RENDERS: Final[Mapping[str, Render]] = {
    "image": Render(credits_charged=5),
    "video": Render(timeline=(("queued", 0.2), ("rendering", 0.8), ("complete", None)), credits_charged=450),
    "audio": Render(timeline=(("queued", 0.1), ("rendering", 0.4), ("complete", None)), credits_charged=2),
}

#: The `type` the API reports for a project made by each tool; any other tool reports its name
#: in upper case (`NEW_TOOL`).
PROJECT_TYPES: Final[Mapping[str, str]] = {
    "ai-clothes-changer": "CLOTHES_CHANGER",
    "ai-face-editor": "FACE_EDITOR",
    "ai-gif-generator": "AI_GIF",
    "ai-headshot-generator": "AI_HEADSHOT",
    "ai-image-editor": "AI_IMAGE_EDITOR",
    "ai-image-generator": "AI_IMAGE",
    "ai-image-upscaler": "IMAGE_UPSCALER",
    "ai-meme-generator": "AI_MEME",
    "ai-qr-code-generator": "QR_CODE",
    "body-swap": "BODY_SWAP",
    "face-swap-photo": "FACE_SWAP",
    "head-swap": "HEAD_SWAP",
    "image-background-remover": "BACKGROUND_REMOVER",
    "photo-colorizer": "PHOTO_COLORIZER",
    "ai-talking-photo": "TALKING_PHOTO",
    "animation": "ANIMATION",
    "audio-to-video": "AUDIO_TO_VIDEO",
    "auto-subtitle-generator": "AUTO_SUBTITLE",
    "face-swap": "FACE_SWAP",
    "image-to-video": "IMAGE_TO_VIDEO",
    "lip-sync": "LIP_SYNC",
    "video-to-video": "VIDEO_TO_VIDEO",
    "text-to-video": "TEXT_TO_VIDEO",
    "ai-voice-generator": "VOICE_GENERATOR",
    "ai-voice-cloner": "VOICE_CLONER",
}

#: The deprecated twin of `credits_charged` each kind's create response carries.
_DEPRECATED_COST: Final[Mapping[Kind, str | None]] = {
    "image": "frame_cost",
    "video": "estimated_frame_cost",
    "audio": None,
}


def project_type(tool: Tool) -> str:
    """The `type` of a project *tool* creates.

    Example:
        >>> from generated.catalog import TOOLS
        >>> project_type(TOOLS["image-background-remover"])
        'BACKGROUND_REMOVER'
    """
    return PROJECT_TYPES.get(tool.name, tool.name.upper().replace("-", "_"))


def file_values(body: Any, file_input: FileInput) -> Iterator[tuple[str, Any]]:
    """The (field, value) pairs of one file input in *body*, list items included (as generate finds them).

    Example:
        >>> from generated.catalog import FileInput
        >>> body = {"assets": {"face_mappings": [{"new_face": "a"}, {"new_face": "b"}]}}
        >>> list(file_values(body, FileInput(("assets", "face_mappings", "*", "new_face"), "image")))
        [('assets.face_mappings[0].new_face', 'a'), ('assets.face_mappings[1].new_face', 'b')]
    """
    return ((where, value) for _, where, value in walk_file_values(body, file_input))


def invalid_file_input(tool: Tool, body: Mapping[str, Any], uploaded: Callable[[str], bool]) -> str | None:
    """Why a file input of *body* cannot be used (naming the field), or None when all can.

    A value must be an http(s) URL, or an `api-assets/` file_path that *uploaded* says holds a
    file (upload-urls answered it, and the `PUT` completed). A local path sent as it is, a
    file_path whose upload never completed or one the server never gave are refused.

    Example:
        >>> from generated.catalog import TOOLS
        >>> body = {"assets": {"image_file_path": "photo.png"}}
        >>> invalid_file_input(TOOLS["photo-colorizer"], body, lambda path: False)
        "assets.image_file_path: 'photo.png' is neither a URL nor a file_path from upload-urls"
    """
    for file_input in tool.file_inputs:
        for where, value in file_values(body, file_input):
            if not isinstance(value, str) or is_url(value):
                continue
            if not value.startswith("api-assets/"):
                return f"{where}: {value!r:.80} is neither a URL nor a file_path from upload-urls"
            if not uploaded(value):
                return f"{where}: nothing was uploaded to {value!r:.80}"
    return None


def body_problem(tool: Tool, payload: Any) -> str | None:
    """The first way *payload* breaks the tool's request body schema, or None.

    Example:
        >>> from generated.catalog import TOOLS
        >>> body_problem(TOOLS["ai-image-generator"], {"image_count": 1})
        "the body: the field 'style' is required"
    """
    return first_problem(payload, tool.body_schema)


def create_answer(kind: Kind, project_id: str, credits_charged: int) -> dict[str, Any]:
    """The 200 body of a create: `{id, credits_charged}` and the kind's deprecated twin of the cost.

    Example:
        >>> create_answer("video", "p", 450)
        {'id': 'p', 'credits_charged': 450, 'estimated_frame_cost': 450}
    """
    answer: dict[str, Any] = {"id": project_id, "credits_charged": credits_charged}
    if (twin := _DEPRECATED_COST[kind]) is not None:
        answer[twin] = credits_charged
    return answer
