from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ai_image_upscaler_body_style_enhancement import (
    AiImageUpscalerBodyStyleEnhancement,
)
from ..models.ai_image_upscaler_body_style_mode import AiImageUpscalerBodyStyleMode


T = TypeVar("T", bound="AiImageUpscalerBodyStyle")


@_attrs_define
class AiImageUpscalerBodyStyle:
    """Style settings for the upscale. Use `mode` to select between `"pro"` (faster, no enhancement required) and
    `"creative"` (defaults to `"Balanced"` enhancement). Defaults to `"creative"`.

        Attributes:
            mode (AiImageUpscalerBodyStyleMode | Unset): The upscaling mode. `"pro"` is faster and does not require
                `enhancement`. `"creative"` requires `enhancement`. Defaults to `"creative"`.
            enhancement (AiImageUpscalerBodyStyleEnhancement | Unset):
            prompt (str | Unset): A prompt to guide the final image. This value is ignored if `enhancement` is not Creative
    """

    mode: AiImageUpscalerBodyStyleMode | Unset = UNSET
    enhancement: AiImageUpscalerBodyStyleEnhancement | Unset = UNSET
    prompt: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        enhancement: str | Unset = UNSET
        if not isinstance(self.enhancement, Unset):
            enhancement = self.enhancement.value

        prompt = self.prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if mode is not UNSET:
            field_dict["mode"] = mode
        if enhancement is not UNSET:
            field_dict["enhancement"] = enhancement
        if prompt is not UNSET:
            field_dict["prompt"] = prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _mode = d.pop("mode", UNSET)
        mode: AiImageUpscalerBodyStyleMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = AiImageUpscalerBodyStyleMode(_mode)

        _enhancement = d.pop("enhancement", UNSET)
        enhancement: AiImageUpscalerBodyStyleEnhancement | Unset
        if isinstance(_enhancement, Unset):
            enhancement = UNSET
        else:
            enhancement = AiImageUpscalerBodyStyleEnhancement(_enhancement)

        prompt = d.pop("prompt", UNSET)

        ai_image_upscaler_body_style = cls(
            mode=mode,
            enhancement=enhancement,
            prompt=prompt,
        )

        ai_image_upscaler_body_style.additional_properties = d
        return ai_image_upscaler_body_style

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
