from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.head_swap_body_assets import HeadSwapBodyAssets


T = TypeVar("T", bound="HeadSwapBody")


@_attrs_define
class HeadSwapBody:
    """
    Attributes:
        assets (HeadSwapBodyAssets): Provide the body and head images for head swap
        name (str | Unset): Give your image a custom name for easy identification.
        max_resolution (int | Unset): Constrains the larger dimension (height or width) of the output. Omit to use the
            maximum allowed for your plan (capped at 2048px). Values above your plan maximum are clamped down to your plan's
            maximum.
    """

    assets: HeadSwapBodyAssets
    name: str | Unset = UNSET
    max_resolution: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets = self.assets.to_dict()

        name = self.name

        max_resolution = self.max_resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if max_resolution is not UNSET:
            field_dict["max_resolution"] = max_resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.head_swap_body_assets import HeadSwapBodyAssets  # noqa: PLC0415

        d = dict(src_dict)
        assets = HeadSwapBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        max_resolution = d.pop("max_resolution", UNSET)

        head_swap_body = cls(
            assets=assets,
            name=name,
            max_resolution=max_resolution,
        )

        head_swap_body.additional_properties = d
        return head_swap_body

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
