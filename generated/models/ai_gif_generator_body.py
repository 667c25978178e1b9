from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ai_gif_generator_body_output_format import AiGifGeneratorBodyOutputFormat

if TYPE_CHECKING:
    from ..models.ai_gif_generator_body_style import AiGifGeneratorBodyStyle


T = TypeVar("T", bound="AiGifGeneratorBody")


@_attrs_define
class AiGifGeneratorBody:
    """
    Attributes:
        style (AiGifGeneratorBodyStyle):
        name (str | Unset): Give your gif a custom name for easy identification.
        output_format (AiGifGeneratorBodyOutputFormat | Unset): The output file format for the generated animation.
    """

    style: AiGifGeneratorBodyStyle
    name: str | Unset = UNSET
    output_format: AiGifGeneratorBodyOutputFormat | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        style = self.style.to_dict()

        name = self.name

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "style": style,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if output_format is not UNSET:
            field_dict["output_format"] = output_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_gif_generator_body_style import AiGifGeneratorBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        style = AiGifGeneratorBodyStyle.from_dict(d.pop("style"))

        name = d.pop("name", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: AiGifGeneratorBodyOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = AiGifGeneratorBodyOutputFormat(_output_format)

        ai_gif_generator_body = cls(
            style=style,
            name=name,
            output_format=output_format,
        )

        ai_gif_generator_body.additional_properties = d
        return ai_gif_generator_body

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
