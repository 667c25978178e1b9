from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.animation_body_assets_audio_source import AnimationBodyAssetsAudioSource


T = TypeVar("T", bound="AnimationBodyAssets")


@_attrs_define
class AnimationBodyAssets:
    """Provide the assets for animation.

    Attributes:
        audio_source (AnimationBodyAssetsAudioSource): Optionally add an audio source if you'd like to incorporate audio
            into your video
        audio_file_path (str | Unset): The path of the input audio. This field is required if `audio_source` is `file`.
            This value is either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
        youtube_url (str | Unset): Using a youtube video as the input source. This field is required if `audio_source`
            is `youtube`
        image_file_path (str | Unset): An initial image to use a the first frame of the video. This value is either
            - a direct URL to the video file
            - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-
            reference/files/generate-asset-upload-urls).

            See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file)
            for details.
    """

    audio_source: AnimationBodyAssetsAudioSource
    audio_file_path: str | Unset = UNSET
    youtube_url: str | Unset = UNSET
    image_file_path: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_source = self.audio_source.value

        audio_file_path = self.audio_file_path

        youtube_url = self.youtube_url

        image_file_path = self.image_file_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audio_source": audio_source,
            }
        )
        if audio_file_path is not UNSET:
            field_dict["audio_file_path"] = audio_file_path
        if youtube_url is not UNSET:
            field_dict["youtube_url"] = youtube_url
        if image_file_path is not UNSET:
            field_dict["image_file_path"] = image_file_path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audio_source = AnimationBodyAssetsAudioSource(d.pop("audio_source"))

        audio_file_path = d.pop("audio_file_path", UNSET)

        youtube_url = d.pop("youtube_url", UNSET)

        image_file_path = d.pop("image_file_path", UNSET)

        animation_body_assets = cls(
            audio_source=audio_source,
            audio_file_path=audio_file_path,
            youtube_url=youtube_url,
            image_file_path=image_file_path,
        )

        animation_body_assets.additional_properties = d
        return animation_body_assets

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
