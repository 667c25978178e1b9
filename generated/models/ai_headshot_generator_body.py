from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.ai_headshot_generator_body_assets import AiHeadshotGeneratorBodyAssets
    from ..models.ai_headshot_generator_body_style import AiHeadshotGeneratorBodyStyle


T = TypeVar("T", bound="AiHeadshotGeneratorBody")


@_attrs_define
class AiHeadshotGeneratorBody:
    """
    Attributes:
        assets (AiHeadshotGeneratorBodyAssets): Provide the assets for headshot photo
        name (str | Unset): Give your image a custom name for easy identification.
        style (AiHeadshotGeneratorBodyStyle | Unset):
    """

    assets: AiHeadshotGeneratorBodyAssets
    name: str | Unset = UNSET
    style: AiHeadshotGeneratorBodyStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets = self.assets.to_dict()

        name = self.name

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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
        from ..models.ai_headshot_generator_body_assets import (
            AiHeadshotGeneratorBodyAssets,
        )  # noqa: PLC0415
        from ..models.ai_headshot_generator_body_style import (
            AiHeadshotGeneratorBodyStyle,
        )  # noqa: PLC0415

        d = dict(src_dict)
        assets = AiHeadshotGeneratorBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        _style = d.pop("style", UNSET)
        style: AiHeadshotGeneratorBodyStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = AiHeadshotGeneratorBodyStyle.from_dict(_style)

        ai_headshot_generator_body = cls(
            assets=assets,
            name=name,
            style=style,
        )

        ai_headshot_generator_body.additional_properties = d
        return ai_headshot_generator_body

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
