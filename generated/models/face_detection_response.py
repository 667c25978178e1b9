from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field


T = TypeVar("T", bound="FaceDetectionResponse")


@_attrs_define
class FaceDetectionResponse:
    """
    Attributes:
        id (str): The id of the task. Use this value in the [get face detection details
            API](https://docs.magichour.ai/api-reference/files/get-face-detection-details) to get the details of the face
            detection task.
        credits_charged (int): The credits charged for the task.
    """

    id: str
    credits_charged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        credits_charged = self.credits_charged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "credits_charged": credits_charged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        credits_charged = d.pop("credits_charged")

        face_detection_response = cls(
            id=id,
            credits_charged=credits_charged,
        )

        face_detection_response.additional_properties = d
        return face_detection_response

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
