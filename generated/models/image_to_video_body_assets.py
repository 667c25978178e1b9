from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ImageToVideoBodyAssets")


@_attrs_define
class ImageToVideoBodyAssets:
    """Provide the assets for image-to-video. Sora 2 only supports images with an aspect ratio of `9:16` or `16:9`.

    Attributes:
        image_file_path (str): The path of the image file. This value is either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
        end_image_file_path (str | Unset): The image to use as the last frame of the video.

            * **`ltx-2.3`**: Supports 480p, 720p, 1080p.
            * **`wan-2.2`**: Not supported
            * **`kling-2.5`**: Supports 1080p.
            * **`kling-3.0`**: Supports 720p, 1080p, 4k.
            * **`veo3.1-lite`**: Not supported
            * **`veo3.1`**: Not supported
            * **`seedance`**: Not supported
            * **`seedance-2.0`**: Supports 480p, 720p.
            * **`sora-2`**: Not supported
    """

    image_file_path: str
    end_image_file_path: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_file_path = self.image_file_path

        end_image_file_path = self.end_image_file_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_file_path": image_file_path,
            }
        )
        if end_image_file_path is not UNSET:
            field_dict["end_image_file_path"] = end_image_file_path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_file_path = d.pop("image_file_path")

        end_image_file_path = d.pop("end_image_file_path", UNSET)

        image_to_video_body_assets = cls(
            image_file_path=image_file_path,
            end_image_file_path=end_image_file_path,
        )

        image_to_video_body_assets.additional_properties = d
        return image_to_video_body_assets

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
