from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.lip_sync_body_assets import LipSyncBodyAssets
    from ..models.lip_sync_body_style import LipSyncBodyStyle


T = TypeVar("T", bound="LipSyncBody")


@_attrs_define
class LipSyncBody:
    """
    Attributes:
        start_seconds (float): Start time of your clip (seconds). Must be ≥ 0.
        end_seconds (float): End time of your clip (seconds). Must be greater than start_seconds.
        assets (LipSyncBodyAssets): Provide the assets for lip-sync. For video, The `video_source` field determines
            whether `video_file_path` or `youtube_url` field is used
        name (str | Unset): Give your video a custom name for easy identification.
        max_fps_limit (float | Unset): Defines the maximum FPS (frames per second) for the output video. If the input
            video's FPS is lower than this limit, the output video will retain the input FPS. This is useful for reducing
            unnecessary frame usage in scenarios where high FPS is not required.
        style (LipSyncBodyStyle | Unset): Attributes used to dictate the style of the output
    """

    start_seconds: float
    end_seconds: float
    assets: LipSyncBodyAssets
    name: str | Unset = UNSET
    max_fps_limit: float | Unset = UNSET
    style: LipSyncBodyStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        assets = self.assets.to_dict()

        name = self.name

        max_fps_limit = self.max_fps_limit

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
        if max_fps_limit is not UNSET:
            field_dict["max_fps_limit"] = max_fps_limit
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lip_sync_body_assets import LipSyncBodyAssets  # noqa: PLC0415
        from ..models.lip_sync_body_style import LipSyncBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        start_seconds = d.pop("start_seconds")

        end_seconds = d.pop("end_seconds")

        assets = LipSyncBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        max_fps_limit = d.pop("max_fps_limit", UNSET)

        _style = d.pop("style", UNSET)
        style: LipSyncBodyStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = LipSyncBodyStyle.from_dict(_style)

        lip_sync_body = cls(
            start_seconds=start_seconds,
            end_seconds=end_seconds,
            assets=assets,
            name=name,
            max_fps_limit=max_fps_limit,
            style=style,
        )

        lip_sync_body.additional_properties = d
        return lip_sync_body

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
