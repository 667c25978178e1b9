from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ai_image_generator_body_style_tool import AiImageGeneratorBodyStyleTool


T = TypeVar("T", bound="AiImageGeneratorBodyStyle")


@_attrs_define
class AiImageGeneratorBodyStyle:
    """The art style to use for image generation.

    Attributes:
        prompt (str): The prompt used for the image(s).
        tool (AiImageGeneratorBodyStyleTool | Unset): The art style to use for image generation. Defaults to 'general'
            if not provided.
    """

    prompt: str
    tool: AiImageGeneratorBodyStyleTool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        tool: str | Unset = UNSET
        if not isinstance(self.tool, Unset):
            tool = self.tool.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if tool is not UNSET:
            field_dict["tool"] = tool

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        _tool = d.pop("tool", UNSET)
        tool: AiImageGeneratorBodyStyleTool | Unset
        if isinstance(_tool, Unset):
            tool = UNSET
        else:
            tool = AiImageGeneratorBodyStyleTool(_tool)

        ai_image_generator_body_style = cls(
            prompt=prompt,
            tool=tool,
        )

        ai_image_generator_body_style.additional_properties = d
        return ai_image_generator_body_style

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
