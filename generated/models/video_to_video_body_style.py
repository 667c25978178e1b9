from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.video_to_video_body_style_art_style import VideoToVideoBodyStyleArtStyle
from ..models.video_to_video_body_style_model import VideoToVideoBodyStyleModel
from ..models.video_to_video_body_style_prompt_type import (
    VideoToVideoBodyStylePromptType,
)
from ..models.video_to_video_body_style_version import VideoToVideoBodyStyleVersion
from typing import cast


T = TypeVar("T", bound="VideoToVideoBodyStyle")


@_attrs_define
class VideoToVideoBodyStyle:
    """
    Attributes:
        art_style (VideoToVideoBodyStyleArtStyle):
        version (VideoToVideoBodyStyleVersion | Unset): * `v1` - more detail, closer prompt adherence, and frame-by-
            frame previews.
            * `v2` - faster, more consistent, and less noisy.
            * `default` - use the default version for the selected art style.
        prompt_type (VideoToVideoBodyStylePromptType | Unset): * `default` - Use the default recommended prompt for the
            art style.
            * `custom` - Only use the prompt passed in the API. Note: for v1, lora prompt will still be auto added to apply
            the art style properly.
            * `append_default` - Add the default recommended prompt to the end of the prompt passed in the API.
        prompt (None | str | Unset): The prompt used for the video. Prompt is required if `prompt_type` is `custom` or
            `append_default`. If `prompt_type` is `default`, then the `prompt` value passed will be ignored.
        model (VideoToVideoBodyStyleModel | Unset): * `Dreamshaper` - a good all-around model that works for both
            animations as well as realism.
            * `Absolute Reality` - better at realism, but you'll often get similar results with Dreamshaper as well.
            * `Flat 2D Anime` - best for a flat illustration style that's common in most anime.
            * `default` - use the default recommended model for the selected art style.
    """

    art_style: VideoToVideoBodyStyleArtStyle
    version: VideoToVideoBodyStyleVersion | Unset = UNSET
    prompt_type: VideoToVideoBodyStylePromptType | Unset = UNSET
    prompt: None | str | Unset = UNSET
    model: VideoToVideoBodyStyleModel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        art_style = self.art_style.value

        version: str | Unset = UNSET
        if not isinstance(self.version, Unset):
            version = self.version.value

        prompt_type: str | Unset = UNSET
        if not isinstance(self.prompt_type, Unset):
            prompt_type = self.prompt_type.value

        prompt: None | str | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        else:
            prompt = self.prompt

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "art_style": art_style,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if prompt_type is not UNSET:
            field_dict["prompt_type"] = prompt_type
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        art_style = VideoToVideoBodyStyleArtStyle(d.pop("art_style"))

        _version = d.pop("version", UNSET)
        version: VideoToVideoBodyStyleVersion | Unset
        if isinstance(_version, Unset):
            version = UNSET
        else:
            version = VideoToVideoBodyStyleVersion(_version)

        _prompt_type = d.pop("prompt_type", UNSET)
        prompt_type: VideoToVideoBodyStylePromptType | Unset
        if isinstance(_prompt_type, Unset):
            prompt_type = UNSET
        else:
            prompt_type = VideoToVideoBodyStylePromptType(_prompt_type)

        def _parse_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        _model = d.pop("model", UNSET)
        model: VideoToVideoBodyStyleModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = VideoToVideoBodyStyleModel(_model)

        video_to_video_body_style = cls(
            art_style=art_style,
            version=version,
            prompt_type=prompt_type,
            prompt=prompt,
            model=model,
        )

        video_to_video_body_style.additional_properties = d
        return video_to_video_body_style

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
