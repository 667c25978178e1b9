from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.image_background_remover_body_assets import (
        ImageBackgroundRemoverBodyAssets,
    )


T = TypeVar("T", bound="ImageBackgroundRemoverBody")


@_attrs_define
class ImageBackgroundRemoverBody:
    """
    Attributes:
        assets (ImageBackgroundRemoverBodyAssets): Provide the assets for background removal
        name (str | Unset): Give your image a custom name for easy identification.
    """

    assets: ImageBackgroundRemoverBodyAssets
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets = self.assets.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_background_remover_body_assets import (
            ImageBackgroundRemoverBodyAssets,
        )  # noqa: PLC0415

        d = dict(src_dict)
        assets = ImageBackgroundRemoverBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        image_background_remover_body = cls(
            assets=assets,
            name=name,
        )

        image_background_remover_body.additional_properties = d
        return image_background_remover_body

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
