from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audio_to_video_body_resolution import AudioToVideoBodyResolution

if TYPE_CHECKING:
    from ..models.audio_to_video_body_assets import AudioToVideoBodyAssets
    from ..models.audio_to_video_body_style import AudioToVideoBodyStyle


T = TypeVar("T", bound="AudioToVideoBody")


@_attrs_define
class AudioToVideoBody:
    """
    Attributes:
        end_seconds (float): End time of your clip (seconds). Must be greater than start_seconds.
        assets (AudioToVideoBodyAssets): Provide the audio file and an optional reference image.
        name (str | Unset): Give your video a custom name for easy identification.
        start_seconds (float | Unset): Start time of your clip (seconds). Must be ≥ 0.
        resolution (AudioToVideoBodyResolution | Unset): Output video resolution. Defaults to `720p` on paid tiers and
            `480p` on free tiers.
        style (AudioToVideoBodyStyle | Unset): Attributes used to dictate the style of the output
    """

    end_seconds: float
    assets: AudioToVideoBodyAssets
    name: str | Unset = UNSET
    start_seconds: float | Unset = UNSET
    resolution: AudioToVideoBodyResolution | Unset = UNSET
    style: AudioToVideoBodyStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_seconds = self.end_seconds

        assets = self.assets.to_dict()

        name = self.name

        start_seconds = self.start_seconds

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

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
        if start_seconds is not UNSET:
            field_dict["start_seconds"] = start_seconds
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_to_video_body_assets import AudioToVideoBodyAssets  # noqa: PLC0415
        from ..models.audio_to_video_body_style import AudioToVideoBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        end_seconds = d.pop("end_seconds")

        assets = AudioToVideoBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        start_seconds = d.pop("start_seconds", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: AudioToVideoBodyResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = AudioToVideoBodyResolution(_resolution)

        _style = d.pop("style", UNSET)
        style: AudioToVideoBodyStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = AudioToVideoBodyStyle.from_dict(_style)

        audio_to_video_body = cls(
            end_seconds=end_seconds,
            assets=assets,
            name=name,
            start_seconds=start_seconds,
            resolution=resolution,
            style=style,
        )

        audio_to_video_body.additional_properties = d
        return audio_to_video_body

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
