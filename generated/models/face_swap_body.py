from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.face_swap_body_assets import FaceSwapBodyAssets
    from ..models.face_swap_body_style import FaceSwapBodyStyle


T = TypeVar("T", bound="FaceSwapBody")


@_attrs_define
class FaceSwapBody:
    """
    Attributes:
        start_seconds (float): Start time of your clip (seconds). Must be ≥ 0.
        end_seconds (float): End time of your clip (seconds). Must be greater than start_seconds.
        assets (FaceSwapBodyAssets): Provide the assets for face swap. For video, The `video_source` field determines
            whether `video_file_path` or `youtube_url` field is used
        name (str | Unset): Give your video a custom name for easy identification.
        style (FaceSwapBodyStyle | Unset): Style of the face swap video.
    """

    start_seconds: float
    end_seconds: float
    assets: FaceSwapBodyAssets
    name: str | Unset = UNSET
    style: FaceSwapBodyStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        assets = self.assets.to_dict()

        name = self.name

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.face_swap_body_assets import FaceSwapBodyAssets  # noqa: PLC0415
        from ..models.face_swap_body_style import FaceSwapBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        start_seconds = d.pop("start_seconds")

        end_seconds = d.pop("end_seconds")

        assets = FaceSwapBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        _style = d.pop("style", UNSET)
        style: FaceSwapBodyStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = FaceSwapBodyStyle.from_dict(_style)

        face_swap_body = cls(
            start_seconds=start_seconds,
            end_seconds=end_seconds,
            assets=assets,
            name=name,
            style=style,
        )

        face_swap_body.additional_properties = d
        return face_swap_body

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
