from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.face_swap_photo_body_assets_face_swap_mode import (
    FaceSwapPhotoBodyAssetsFaceSwapMode,
)

if TYPE_CHECKING:
    from ..models.face_swap_photo_body_assets_face_mappings_item import (
        FaceSwapPhotoBodyAssetsFaceMappingsItem,
    )


T = TypeVar("T", bound="FaceSwapPhotoBodyAssets")


@_attrs_define
class FaceSwapPhotoBodyAssets:
    """Provide the assets for face swap photo

    Attributes:
        target_file_path (str): This is the image where the face from the source image will be placed. This value is
            either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
        face_swap_mode (FaceSwapPhotoBodyAssetsFaceSwapMode | Unset): Choose how to swap faces:
            **all-faces** (recommended) — swap all detected faces using one source image (`source_file_path` required)
            +- **individual-faces** — specify exact mappings using `face_mappings`
        source_file_path (str | Unset): This is the image from which the face is extracted. The value is required if
            `face_swap_mode` is `all-faces`.

            This value is either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
        face_mappings (list[FaceSwapPhotoBodyAssetsFaceMappingsItem] | Unset): This is the array of face mappings used
            for multiple face swap. The value is required if `face_swap_mode` is `individual-faces`.
    """

    target_file_path: str
    face_swap_mode: FaceSwapPhotoBodyAssetsFaceSwapMode | Unset = UNSET
    source_file_path: str | Unset = UNSET
    face_mappings: list[FaceSwapPhotoBodyAssetsFaceMappingsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target_file_path = self.target_file_path

        face_swap_mode: str | Unset = UNSET
        if not isinstance(self.face_swap_mode, Unset):
            face_swap_mode = self.face_swap_mode.value

        source_file_path = self.source_file_path

        face_mappings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.face_mappings, Unset):
            face_mappings = []
            for face_mappings_item_data in self.face_mappings:
                face_mappings_item = face_mappings_item_data.to_dict()
                face_mappings.append(face_mappings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target_file_path": target_file_path,
            }
        )
        if face_swap_mode is not UNSET:
            field_dict["face_swap_mode"] = face_swap_mode
        if source_file_path is not UNSET:
            field_dict["source_file_path"] = source_file_path
        if face_mappings is not UNSET:
            field_dict["face_mappings"] = face_mappings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.face_swap_photo_body_assets_face_mappings_item import (
            FaceSwapPhotoBodyAssetsFaceMappingsItem,
        )  # noqa: PLC0415

        d = dict(src_dict)
        target_file_path = d.pop("target_file_path")

        _face_swap_mode = d.pop("face_swap_mode", UNSET)
        face_swap_mode: FaceSwapPhotoBodyAssetsFaceSwapMode | Unset
        if isinstance(_face_swap_mode, Unset):
            face_swap_mode = UNSET
        else:
            face_swap_mode = FaceSwapPhotoBodyAssetsFaceSwapMode(_face_swap_mode)

        source_file_path = d.pop("source_file_path", UNSET)

        _face_mappings = d.pop("face_mappings", UNSET)
        face_mappings: list[FaceSwapPhotoBodyAssetsFaceMappingsItem] | Unset = UNSET
        if _face_mappings is not UNSET:
            face_mappings = []
            for face_mappings_item_data in _face_mappings:
                face_mappings_item = FaceSwapPhotoBodyAssetsFaceMappingsItem.from_dict(
                    face_mappings_item_data
                )

                face_mappings.append(face_mappings_item)

        face_swap_photo_body_assets = cls(
            target_file_path=target_file_path,
            face_swap_mode=face_swap_mode,
            source_file_path=source_file_path,
            face_mappings=face_mappings,
        )

        face_swap_photo_body_assets.additional_properties = d
        return face_swap_photo_body_assets

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
