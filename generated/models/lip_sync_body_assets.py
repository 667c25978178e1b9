from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lip_sync_body_assets_video_source import LipSyncBodyAssetsVideoSource


T = TypeVar("T", bound="LipSyncBodyAssets")


@_attrs_define
class LipSyncBodyAssets:
    """Provide the assets for lip-sync. For video, The `video_source` field determines whether `video_file_path` or
    `youtube_url` field is used

        Attributes:
            audio_file_path (str): The path of the audio file. This value is either
                - a direct URL to the video file
                - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
                reference/files/generate-asset-upload-urls).

                See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
                for details.
            video_source (LipSyncBodyAssetsVideoSource): Choose your video source.
            video_file_path (str | Unset): Your video file. Required if `video_source` is `file`. This value is either
                - a direct URL to the video file
                - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
                reference/files/generate-asset-upload-urls).

                See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
                for details.
            youtube_url (str | Unset): YouTube URL (required if `video_source` is `youtube`).
    """

    audio_file_path: str
    video_source: LipSyncBodyAssetsVideoSource
    video_file_path: str | Unset = UNSET
    youtube_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_file_path = self.audio_file_path

        video_source = self.video_source.value

        video_file_path = self.video_file_path

        youtube_url = self.youtube_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audio_file_path": audio_file_path,
                "video_source": video_source,
            }
        )
        if video_file_path is not UNSET:
            field_dict["video_file_path"] = video_file_path
        if youtube_url is not UNSET:
            field_dict["youtube_url"] = youtube_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audio_file_path = d.pop("audio_file_path")

        video_source = LipSyncBodyAssetsVideoSource(d.pop("video_source"))

        video_file_path = d.pop("video_file_path", UNSET)

        youtube_url = d.pop("youtube_url", UNSET)

        lip_sync_body_assets = cls(
            audio_file_path=audio_file_path,
            video_source=video_source,
            video_file_path=video_file_path,
            youtube_url=youtube_url,
        )

        lip_sync_body_assets.additional_properties = d
        return lip_sync_body_assets

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
