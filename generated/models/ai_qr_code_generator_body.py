from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.ai_qr_code_generator_body_style import AiQrCodeGeneratorBodyStyle


T = TypeVar("T", bound="AiQrCodeGeneratorBody")


@_attrs_define
class AiQrCodeGeneratorBody:
    """
    Attributes:
        content (str): The content of the QR code.
        style (AiQrCodeGeneratorBodyStyle):
        name (str | Unset): Give your image a custom name for easy identification.
    """

    content: str
    style: AiQrCodeGeneratorBodyStyle
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        style = self.style.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "style": style,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_qr_code_generator_body_style import AiQrCodeGeneratorBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        content = d.pop("content")

        style = AiQrCodeGeneratorBodyStyle.from_dict(d.pop("style"))

        name = d.pop("name", UNSET)

        ai_qr_code_generator_body = cls(
            content=content,
            style=style,
            name=name,
        )

        ai_qr_code_generator_body.additional_properties = d
        return ai_qr_code_generator_body

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
