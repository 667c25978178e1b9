from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.ai_image_upscaler_body_assets import AiImageUpscalerBodyAssets
    from ..models.ai_image_upscaler_body_style import AiImageUpscalerBodyStyle


T = TypeVar("T", bound="AiImageUpscalerBody")


@_attrs_define
class AiImageUpscalerBody:
    """
    Attributes:
        scale_factor (float): How much to scale the image. Must be either 2 or 4.

            Note: 4x upscale is only available on Creator, Pro, or Business tier.
        style (AiImageUpscalerBodyStyle): Style settings for the upscale. Use `mode` to select between `"pro"` (faster,
            no enhancement required) and `"creative"` (defaults to `"Balanced"` enhancement). Defaults to `"creative"`.
        assets (AiImageUpscalerBodyAssets): Provide the assets for upscaling
        name (str | Unset): Give your image a custom name for easy identification.
    """

    scale_factor: float
    style: AiImageUpscalerBodyStyle
    assets: AiImageUpscalerBodyAssets
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scale_factor = self.scale_factor

        style = self.style.to_dict()

        assets = self.assets.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scale_factor": scale_factor,
                "style": style,
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_image_upscaler_body_assets import AiImageUpscalerBodyAssets  # noqa: PLC0415
        from ..models.ai_image_upscaler_body_style import AiImageUpscalerBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        scale_factor = d.pop("scale_factor")

        style = AiImageUpscalerBodyStyle.from_dict(d.pop("style"))

        assets = AiImageUpscalerBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        ai_image_upscaler_body = cls(
            scale_factor=scale_factor,
            style=style,
            assets=assets,
            name=name,
        )

        ai_image_upscaler_body.additional_properties = d
        return ai_image_upscaler_body

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
