from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.body_swap_body_resolution import BodySwapBodyResolution

if TYPE_CHECKING:
    from ..models.body_swap_body_assets import BodySwapBodyAssets


T = TypeVar("T", bound="BodySwapBody")


@_attrs_define
class BodySwapBody:
    """
    Attributes:
        resolution (BodySwapBodyResolution): Output resolution. Determines credits charged for the run.
        assets (BodySwapBodyAssets): Person image and scene image for body swap
        name (str | Unset): Give your image a custom name for easy identification.
    """

    resolution: BodySwapBodyResolution
    assets: BodySwapBodyAssets
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolution = self.resolution.value

        assets = self.assets.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resolution": resolution,
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.body_swap_body_assets import BodySwapBodyAssets  # noqa: PLC0415

        d = dict(src_dict)
        resolution = BodySwapBodyResolution(d.pop("resolution"))

        assets = BodySwapBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        body_swap_body = cls(
            resolution=resolution,
            assets=assets,
            name=name,
        )

        body_swap_body.additional_properties = d
        return body_swap_body

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
