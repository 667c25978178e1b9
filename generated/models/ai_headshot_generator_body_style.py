from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="AiHeadshotGeneratorBodyStyle")


@_attrs_define
class AiHeadshotGeneratorBodyStyle:
    """
    Attributes:
        prompt (str | Unset): Prompt used to guide the style of your headshot. We recommend omitting the prompt unless
            you want to customize your headshot. You can visit [AI headshot generator](https://magichour.ai/create/ai-
            headshot-generator) to view an example of a good prompt used for our 'Professional' style.
    """

    prompt: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt is not UNSET:
            field_dict["prompt"] = prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt", UNSET)

        ai_headshot_generator_body_style = cls(
            prompt=prompt,
        )

        ai_headshot_generator_body_style.additional_properties = d
        return ai_headshot_generator_body_style

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
