from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ai_meme_generator_body_style_template import (
    AiMemeGeneratorBodyStyleTemplate,
)


T = TypeVar("T", bound="AiMemeGeneratorBodyStyle")


@_attrs_define
class AiMemeGeneratorBodyStyle:
    """
    Attributes:
        topic (str): The topic of the meme.
        template (AiMemeGeneratorBodyStyleTemplate): To use our templates, pass in one of the enum values.
        search_web (bool | Unset): Whether to search the web for meme content.
    """

    topic: str
    template: AiMemeGeneratorBodyStyleTemplate
    search_web: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        template = self.template.value

        search_web = self.search_web

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topic": topic,
                "template": template,
            }
        )
        if search_web is not UNSET:
            field_dict["searchWeb"] = search_web

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic")

        template = AiMemeGeneratorBodyStyleTemplate(d.pop("template"))

        search_web = d.pop("searchWeb", UNSET)

        ai_meme_generator_body_style = cls(
            topic=topic,
            template=template,
            search_web=search_web,
        )

        ai_meme_generator_body_style.additional_properties = d
        return ai_meme_generator_body_style

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
