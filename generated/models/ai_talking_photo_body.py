from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.ai_talking_photo_body_assets import AiTalkingPhotoBodyAssets
    from ..models.ai_talking_photo_body_style import AiTalkingPhotoBodyStyle


T = TypeVar("T", bound="AiTalkingPhotoBody")


@_attrs_define
class AiTalkingPhotoBody:
    """Provide the assets for creating a talking photo

    Attributes:
        start_seconds (float): The start time of the input audio in seconds. Maximum clip length depends on
            style.generation_mode: realistic 180s, prompted 45s.
        end_seconds (float): The end time of the input audio in seconds. Maximum clip length depends on
            style.generation_mode: realistic 180s, prompted 45s.
        assets (AiTalkingPhotoBodyAssets): Provide the assets for creating a talking photo
        name (str | Unset): Give your image a custom name for easy identification.
        style (AiTalkingPhotoBodyStyle | Unset): Attributes used to dictate the style of the output
        max_resolution (int | Unset): Constrains the larger dimension (height or width) of the output video. Allows you
            to set a lower resolution than your plan's maximum if desired. The value is capped by your plan's max
            resolution.
    """

    start_seconds: float
    end_seconds: float
    assets: AiTalkingPhotoBodyAssets
    name: str | Unset = UNSET
    style: AiTalkingPhotoBodyStyle | Unset = UNSET
    max_resolution: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        assets = self.assets.to_dict()

        name = self.name

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        max_resolution = self.max_resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_seconds": start_seconds,
                "end_seconds": end_seconds,
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if style is not UNSET:
            field_dict["style"] = style
        if max_resolution is not UNSET:
            field_dict["max_resolution"] = max_resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_talking_photo_body_assets import AiTalkingPhotoBodyAssets  # noqa: PLC0415
        from ..models.ai_talking_photo_body_style import AiTalkingPhotoBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        start_seconds = d.pop("start_seconds")

        end_seconds = d.pop("end_seconds")

        assets = AiTalkingPhotoBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        _style = d.pop("style", UNSET)
        style: AiTalkingPhotoBodyStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = AiTalkingPhotoBodyStyle.from_dict(_style)

        max_resolution = d.pop("max_resolution", UNSET)

        ai_talking_photo_body = cls(
            start_seconds=start_seconds,
            end_seconds=end_seconds,
            assets=assets,
            name=name,
            style=style,
            max_resolution=max_resolution,
        )

        ai_talking_photo_body.additional_properties = d
        return ai_talking_photo_body

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
