from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


if TYPE_CHECKING:
    from ..models.face_detection_body_assets import FaceDetectionBodyAssets


T = TypeVar("T", bound="FaceDetectionBody")


@_attrs_define
class FaceDetectionBody:
    """
    Attributes:
        assets (FaceDetectionBodyAssets): Provide the assets for face detection
        confidence_score (float | Unset): Confidence threshold for filtering detected faces.
            * Higher values (e.g., 0.9) include only faces detected with high certainty, reducing false positives.
            * Lower values (e.g., 0.3) include more faces, but may increase the chance of incorrect detections.
    """

    assets: FaceDetectionBodyAssets
    confidence_score: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets = self.assets.to_dict()

        confidence_score = self.confidence_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assets": assets,
            }
        )
        if confidence_score is not UNSET:
            field_dict["confidence_score"] = confidence_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.face_detection_body_assets import FaceDetectionBodyAssets  # noqa: PLC0415

        d = dict(src_dict)
        assets = FaceDetectionBodyAssets.from_dict(d.pop("assets"))

        confidence_score = d.pop("confidence_score", UNSET)

        face_detection_body = cls(
            assets=assets,
            confidence_score=confidence_score,
        )

        face_detection_body.additional_properties = d
        return face_detection_body

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
