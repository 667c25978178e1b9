from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.image_to_video_body_model import ImageToVideoBodyModel
from ..models.image_to_video_body_resolution import ImageToVideoBodyResolution

if TYPE_CHECKING:
    from ..models.image_to_video_body_assets import ImageToVideoBodyAssets
    from ..models.image_to_video_body_style import ImageToVideoBodyStyle


T = TypeVar("T", bound="ImageToVideoBody")


@_attrs_define
class ImageToVideoBody:
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
        assets (ImageToVideoBodyAssets): Provide the assets for image-to-video. Sora 2 only supports images with an
            aspect ratio of `9:16` or `16:9`.
        name (str | Unset): Give your video a custom name for easy identification.
        model (ImageToVideoBodyModel | Unset): The AI model to use for video generation.

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
        resolution (ImageToVideoBodyResolution | Unset): Controls the output video resolution. Defaults to `720p` on
            paid tiers and `480p` on free tiers.

            * **`ltx-2.3`**: Supports 480p, 720p, 1080p.
            * **`wan-2.2`**: Supports 480p, 720p, 1080p.
            * **`kling-2.5`**: Supports 720p, 1080p.
            * **`kling-3.0`**: Supports 720p, 1080p, 4k.
            * **`veo3.1-lite`**: Supports 720p, 1080p.
            * **`veo3.1`**: Supports 720p, 1080p.
            * **`seedance`**: Supports 480p, 720p, 1080p.
            * **`seedance-2.0`**: Supports 480p, 720p.
            * **`sora-2`**: Supports 720p.
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
        style (ImageToVideoBodyStyle | Unset): Attributed used to dictate the style of the output
    """

    end_seconds: float
    assets: ImageToVideoBodyAssets
    name: str | Unset = UNSET
    model: ImageToVideoBodyModel | Unset = UNSET
    resolution: ImageToVideoBodyResolution | Unset = UNSET
    audio: bool | Unset = UNSET
    style: ImageToVideoBodyStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_seconds = self.end_seconds

        assets = self.assets.to_dict()

        name = self.name

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        audio = self.audio

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "end_seconds": end_seconds,
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if model is not UNSET:
            field_dict["model"] = model
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if audio is not UNSET:
            field_dict["audio"] = audio
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_to_video_body_assets import ImageToVideoBodyAssets  # noqa: PLC0415
        from ..models.image_to_video_body_style import ImageToVideoBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        end_seconds = d.pop("end_seconds")

        assets = ImageToVideoBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        _model = d.pop("model", UNSET)
        model: ImageToVideoBodyModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = ImageToVideoBodyModel(_model)

        _resolution = d.pop("resolution", UNSET)
        resolution: ImageToVideoBodyResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = ImageToVideoBodyResolution(_resolution)

        audio = d.pop("audio", UNSET)

        _style = d.pop("style", UNSET)
        style: ImageToVideoBodyStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = ImageToVideoBodyStyle.from_dict(_style)

        image_to_video_body = cls(
            end_seconds=end_seconds,
            assets=assets,
            name=name,
            model=model,
            resolution=resolution,
            audio=audio,
            style=style,
        )

        image_to_video_body.additional_properties = d
        return image_to_video_body

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
