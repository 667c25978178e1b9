from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field


T = TypeVar("T", bound="BodySwapBodyAssets")


@_attrs_define
class BodySwapBodyAssets:
    """Person image and scene image for body swap

    Attributes:
        person_file_path (str): Image of the person to place into the scene. This value is either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
        scene_file_path (str): Target scene image (background). This value is either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
    """

    person_file_path: str
    scene_file_path: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_file_path = self.person_file_path

        scene_file_path = self.scene_file_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_file_path": person_file_path,
                "scene_file_path": scene_file_path,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_file_path = d.pop("person_file_path")

        scene_file_path = d.pop("scene_file_path")

        body_swap_body_assets = cls(
            person_file_path=person_file_path,
            scene_file_path=scene_file_path,
        )

        body_swap_body_assets.additional_properties = d
        return body_swap_body_assets

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
