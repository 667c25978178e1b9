from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.ai_face_editor_body_assets import AiFaceEditorBodyAssets
    from ..models.ai_face_editor_body_style import AiFaceEditorBodyStyle


T = TypeVar("T", bound="AiFaceEditorBody")


@_attrs_define
class AiFaceEditorBody:
    """
    Attributes:
        assets (AiFaceEditorBodyAssets): Provide the assets for face editor
        style (AiFaceEditorBodyStyle): Face editing parameters
        name (str | Unset): Give your image a custom name for easy identification.
    """

    assets: AiFaceEditorBodyAssets
    style: AiFaceEditorBodyStyle
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets = self.assets.to_dict()

        style = self.style.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assets": assets,
                "style": style,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_face_editor_body_assets import AiFaceEditorBodyAssets  # noqa: PLC0415
        from ..models.ai_face_editor_body_style import AiFaceEditorBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        assets = AiFaceEditorBodyAssets.from_dict(d.pop("assets"))

        style = AiFaceEditorBodyStyle.from_dict(d.pop("style"))

        name = d.pop("name", UNSET)

        ai_face_editor_body = cls(
            assets=assets,
            style=style,
            name=name,
        )

        ai_face_editor_body.additional_properties = d
        return ai_face_editor_body

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
