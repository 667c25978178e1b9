from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.auto_subtitle_generator_body_assets import (
        AutoSubtitleGeneratorBodyAssets,
    )
    from ..models.auto_subtitle_generator_body_style import (
        AutoSubtitleGeneratorBodyStyle,
    )


T = TypeVar("T", bound="AutoSubtitleGeneratorBody")


@_attrs_define
class AutoSubtitleGeneratorBody:
    """
    Attributes:
        start_seconds (float): Start time of your clip (seconds). Must be ≥ 0.
        end_seconds (float): End time of your clip (seconds). Must be greater than start_seconds.
        assets (AutoSubtitleGeneratorBodyAssets): Provide the assets for auto subtitle generator
        style (AutoSubtitleGeneratorBodyStyle): Style of the subtitle. At least one of `.style.template` or
            `.style.custom_config` must be provided.
            * If only `.style.template` is provided, default values for the template will be used.
            * If both are provided, the fields in `.style.custom_config` will be used to overwrite the fields in
            `.style.template`.
            * If only `.style.custom_config` is provided, then all fields in `.style.custom_config` will be used.

            To use custom config only, the following `custom_config` params are required:
            * `.style.custom_config.font`
            * `.style.custom_config.text_color`
            * `.style.custom_config.vertical_position`
            * `.style.custom_config.horizontal_position`
        name (str | Unset): Give your video a custom name for easy identification.
    """

    start_seconds: float
    end_seconds: float
    assets: AutoSubtitleGeneratorBodyAssets
    style: AutoSubtitleGeneratorBodyStyle
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        assets = self.assets.to_dict()

        style = self.style.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_seconds": start_seconds,
                "end_seconds": end_seconds,
                "assets": assets,
                "style": style,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_subtitle_generator_body_assets import (
            AutoSubtitleGeneratorBodyAssets,
        )  # noqa: PLC0415
        from ..models.auto_subtitle_generator_body_style import (
            AutoSubtitleGeneratorBodyStyle,
        )  # noqa: PLC0415

        d = dict(src_dict)
        start_seconds = d.pop("start_seconds")

        end_seconds = d.pop("end_seconds")

        assets = AutoSubtitleGeneratorBodyAssets.from_dict(d.pop("assets"))

        style = AutoSubtitleGeneratorBodyStyle.from_dict(d.pop("style"))

        name = d.pop("name", UNSET)

        auto_subtitle_generator_body = cls(
            start_seconds=start_seconds,
            end_seconds=end_seconds,
            assets=assets,
            style=style,
            name=name,
        )

        auto_subtitle_generator_body.additional_properties = d
        return auto_subtitle_generator_body

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
