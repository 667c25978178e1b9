from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field


T = TypeVar("T", bound="AiVoiceGeneratorResponse")


@_attrs_define
class AiVoiceGeneratorResponse:
    """Success

    Attributes:
        id (str): Unique ID of the audio. Use it with the [Get audio Project API](https://docs.magichour.ai/api-
            reference/audio-projects/get-audio-details) to fetch status and downloads.
        credits_charged (int): The amount of credits deducted from your account to generate the audio. We charge credits
            right when the request is made.

            If an error occurred while generating the audio, credits will be refunded and this field will be updated to
            include the refund.
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

        ai_voice_generator_response = cls(
            id=id,
            credits_charged=credits_charged,
        )

        ai_voice_generator_response.additional_properties = d
        return ai_voice_generator_response

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
