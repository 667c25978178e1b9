from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.animation_body_style_art_style import AnimationBodyStyleArtStyle
from ..models.animation_body_style_camera_effect import AnimationBodyStyleCameraEffect
from ..models.animation_body_style_prompt_type import AnimationBodyStylePromptType


T = TypeVar("T", bound="AnimationBodyStyle")


@_attrs_define
class AnimationBodyStyle:
    """Defines the style of the output video

    Attributes:
        art_style (AnimationBodyStyleArtStyle): The art style used to create the output video
        camera_effect (AnimationBodyStyleCameraEffect): The camera effect used to create the output video
        prompt_type (AnimationBodyStylePromptType):
            * `custom` - Use your own prompt for the video.
            * `use_lyrics` - Use the lyrics of the audio to create the prompt. If this option is selected, then
            `assets.audio_source` must be `file` or `youtube`.
            * `ai_choose` - Let AI write the prompt. If this option is selected, then `assets.audio_source` must be `file`
            or `youtube`.
        transition_speed (int): Change determines how quickly the video's content changes across frames.
            * Higher = more rapid transitions.
            * Lower = more stable visual experience.
        art_style_custom (str | Unset): Describe custom art style. This field is required if `art_style` is `Custom`
        prompt (str | Unset): The prompt used for the video. Prompt is required if `prompt_type` is `custom`. Otherwise
            this value is ignored
    """

    art_style: AnimationBodyStyleArtStyle
    camera_effect: AnimationBodyStyleCameraEffect
    prompt_type: AnimationBodyStylePromptType
    transition_speed: int
    art_style_custom: str | Unset = UNSET
    prompt: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        art_style = self.art_style.value

        camera_effect = self.camera_effect.value

        prompt_type = self.prompt_type.value

        transition_speed = self.transition_speed

        art_style_custom = self.art_style_custom

        prompt = self.prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "art_style": art_style,
                "camera_effect": camera_effect,
                "prompt_type": prompt_type,
                "transition_speed": transition_speed,
            }
        )
        if art_style_custom is not UNSET:
            field_dict["art_style_custom"] = art_style_custom
        if prompt is not UNSET:
            field_dict["prompt"] = prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        art_style = AnimationBodyStyleArtStyle(d.pop("art_style"))

        camera_effect = AnimationBodyStyleCameraEffect(d.pop("camera_effect"))

        prompt_type = AnimationBodyStylePromptType(d.pop("prompt_type"))

        transition_speed = d.pop("transition_speed")

        art_style_custom = d.pop("art_style_custom", UNSET)

        prompt = d.pop("prompt", UNSET)

        animation_body_style = cls(
            art_style=art_style,
            camera_effect=camera_effect,
            prompt_type=prompt_type,
            transition_speed=transition_speed,
            art_style_custom=art_style_custom,
            prompt=prompt,
        )

        animation_body_style.additional_properties = d
        return animation_body_style

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
