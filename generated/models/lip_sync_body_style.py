from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lip_sync_body_style_generation_mode import LipSyncBodyStyleGenerationMode


T = TypeVar("T", bound="LipSyncBodyStyle")


@_attrs_define
class LipSyncBodyStyle:
    """Attributes used to dictate the style of the output

    Attributes:
        generation_mode (LipSyncBodyStyleGenerationMode | Unset): A specific version of our lip sync system, optimized
            for different needs.
            * `lite` -  Fast and affordable lip sync - best for simple videos. Costs 1 credit per frame of video.
            * `standard` -  Natural, accurate lip sync - best for most creators. Costs 1 credit per frame of video.
            * `pro` -  Premium fidelity with enhanced detail - best for professionals. Costs 2 credits per frame of video.

            Note: `standard` and `pro` are only available for users on Creator, Pro, and Business tiers.

    """

    generation_mode: LipSyncBodyStyleGenerationMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generation_mode: str | Unset = UNSET
        if not isinstance(self.generation_mode, Unset):
            generation_mode = self.generation_mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if generation_mode is not UNSET:
            field_dict["generation_mode"] = generation_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _generation_mode = d.pop("generation_mode", UNSET)
        generation_mode: LipSyncBodyStyleGenerationMode | Unset
        if isinstance(_generation_mode, Unset):
            generation_mode = UNSET
        else:
            generation_mode = LipSyncBodyStyleGenerationMode(_generation_mode)

        lip_sync_body_style = cls(
            generation_mode=generation_mode,
        )

        lip_sync_body_style.additional_properties = d
        return lip_sync_body_style

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
