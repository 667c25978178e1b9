from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.text_to_video_body_aspect_ratio import TextToVideoBodyAspectRatio
from ..models.text_to_video_body_model import TextToVideoBodyModel
from ..models.text_to_video_body_resolution import TextToVideoBodyResolution

if TYPE_CHECKING:
    from ..models.text_to_video_body_style import TextToVideoBodyStyle


T = TypeVar("T", bound="TextToVideoBody")


@_attrs_define
class TextToVideoBody:
    """
    Attributes:
        end_seconds (float): The total duration of the output video in seconds. Supported durations depend on the chosen
            model:

            * **`ltx-2.3`**: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30
            * **`wan-2.2`**: 3, 4, 5, 6, 7, 8, 9, 10, 15
            * **`kling-2.5`**: 5, 10
            * **`kling-3.0`**: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
            * **`veo3.1-lite`**: 8, 16, 24, 32, 40, 48, 56
            * **`veo3.1`**: 4, 6, 8, 16, 24, 32, 40, 48, 56
            * **`seedance`**: 4, 5, 6, 7, 8, 9, 10, 11, 12
            * **`seedance-2.0`**: 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
            * **`sora-2`**: 4, 8, 12, 24, 36, 48, 60
        style (TextToVideoBodyStyle):
        name (str | Unset): Give your video a custom name for easy identification.
        aspect_ratio (TextToVideoBodyAspectRatio | Unset): Determines the aspect ratio of the output video.

            * **`ltx-2.3`**: Supports 9:16, 16:9, 1:1.
            * **`wan-2.2`**: Supports 9:16, 16:9, 1:1.
            * **`kling-2.5`**: Supports 9:16, 16:9, 1:1.
            * **`kling-3.0`**: Supports 9:16, 16:9, 1:1.
            * **`veo3.1-lite`**: Supports 9:16, 16:9.
            * **`veo3.1`**: Supports 9:16, 16:9.
            * **`seedance`**: Supports 9:16, 16:9, 1:1.
            * **`seedance-2.0`**: Supports 9:16, 16:9, 1:1.
            * **`sora-2`**: Supports 9:16, 16:9.
        resolution (TextToVideoBodyResolution | Unset): Controls the output video resolution. Defaults to `720p` on paid
            tiers and `480p` on free tiers.

            * **`ltx-2.3`**: Supports 480p, 720p, 1080p.
            * **`wan-2.2`**: Supports 480p, 720p, 1080p.
            * **`kling-2.5`**: Supports 720p, 1080p.
            * **`kling-3.0`**: Supports 720p, 1080p, 4k.
            * **`veo3.1-lite`**: Supports 720p, 1080p.
            * **`veo3.1`**: Supports 720p, 1080p.
            * **`seedance`**: Supports 480p, 720p, 1080p.
            * **`seedance-2.0`**: Supports 480p, 720p.
            * **`sora-2`**: Supports 720p.
        model (TextToVideoBodyModel | Unset): The AI model to use for video generation.

            * `default`: uses our currently recommended model for general use. For paid tiers, defaults to `kling-3.0`. For
            free tiers, it defaults to `ltx-2.3`.
            * `ltx-2.3`: Fast iteration with lip-sync & end frame
            * `wan-2.2`: Fast, strong visuals with effects
            * `kling-2.5`: Motion, action, and camera control
            * `kling-3.0`: Cinematic, multi-scene storytelling
            * `veo3.1-lite`: Fast, affordable, high-quality
            * `veo3.1`: Realistic visuals and prompt adherence
            * `seedance`: Fast iteration
            * `seedance-2.0`: State-of-the-art quality and consistency
            * `sora-2`: Story-first concepts and creativity

            If you specify the deprecated model value that includes the `-audio` suffix, this will be the same as included
            `audio` as `true`.
        audio (bool | Unset): Whether to include audio in the video. Defaults to `false` if not specified.

            Audio support varies by model:
            * **`ltx-2.3`**: Toggle-able: no additional credits for audio
            * **`wan-2.2`**: Not supported
            * **`kling-2.5`**: Toggle-able: no additional credits for audio
            * **`kling-3.0`**: Toggle-able: audio adds extra credits when enabled
            * **`veo3.1-lite`**: Toggle-able: audio adds extra credits when enabled
            * **`veo3.1`**: Toggle-able: audio adds extra credits when enabled
            * **`seedance`**: Not supported
            * **`seedance-2.0`**: Toggle-able: no additional credits for audio
            * **`sora-2`**: Toggle-able: no additional credits for audio
    """

    end_seconds: float
    style: TextToVideoBodyStyle
    name: str | Unset = UNSET
    aspect_ratio: TextToVideoBodyAspectRatio | Unset = UNSET
    resolution: TextToVideoBodyResolution | Unset = UNSET
    model: TextToVideoBodyModel | Unset = UNSET
    audio: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_seconds = self.end_seconds

        style = self.style.to_dict()

        name = self.name

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        audio = self.audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "end_seconds": end_seconds,
                "style": style,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if model is not UNSET:
            field_dict["model"] = model
        if audio is not UNSET:
            field_dict["audio"] = audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_to_video_body_style import TextToVideoBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        end_seconds = d.pop("end_seconds")

        style = TextToVideoBodyStyle.from_dict(d.pop("style"))

        name = d.pop("name", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: TextToVideoBodyAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = TextToVideoBodyAspectRatio(_aspect_ratio)

        _resolution = d.pop("resolution", UNSET)
        resolution: TextToVideoBodyResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = TextToVideoBodyResolution(_resolution)

        _model = d.pop("model", UNSET)
        model: TextToVideoBodyModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = TextToVideoBodyModel(_model)

        audio = d.pop("audio", UNSET)

        text_to_video_body = cls(
            end_seconds=end_seconds,
            style=style,
            name=name,
            aspect_ratio=aspect_ratio,
            resolution=resolution,
            model=model,
            audio=audio,
        )

        text_to_video_body.additional_properties = d
        return text_to_video_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
