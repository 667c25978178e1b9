from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field


T = TypeVar("T", bound="FaceSwapBodyAssetsFaceMappingsItem")


@_attrs_define
class FaceSwapBodyAssetsFaceMappingsItem:
    """
    Attributes:
        original_face (str): The face detected from the image in `target_file_path`. The file name is in the format of
            `<face_frame>-<face_index>.png`. This value is corresponds to the response in the [face detection
            API](https://docs.magichour.ai/api-reference/files/get-face-detection-details).

            * The face_frame is the frame number of the face in the target image. For images, the frame number is always 0.
            * The face_index is the index of the face in the target image, starting from 0 going left to right.
        new_face (str): The face image that will be used to replace the face in the `original_face`. This value is
            either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
    """

    original_face: str
    new_face: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        original_face = self.original_face

        new_face = self.new_face

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "original_face": original_face,
                "new_face": new_face,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        original_face = d.pop("original_face")

        new_face = d.pop("new_face")

        face_swap_body_assets_face_mappings_item = cls(
            original_face=original_face,
            new_face=new_face,
        )

        face_swap_body_assets_face_mappings_item.additional_properties = d
        return face_swap_body_assets_face_mappings_item

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
