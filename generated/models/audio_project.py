from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.project_status import ProjectStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.project_download import ProjectDownload
    from ..models.project_error import ProjectError


T = TypeVar("T", bound="AudioProject")


@_attrs_define
class AudioProject:
    """An audio project. The `downloads` field will be empty unless the audio was successfully rendered.

    Attributes:
        id (str): Unique ID of the audio. Use it with the [Get audio Project API](https://docs.magichour.ai/api-
            reference/audio-projects/get-audio-details) to fetch status and downloads.
        status (ProjectStatus): The status of the project.
            - `draft` - not currently used
            - `queued` - the job is queued and waiting for a GPU
            - `rendering` - the generation is in progress
            - `complete` - the project was rendered; see `downloads`
            - `error` - an error occurred during rendering; see `error`
            - `canceled` - the render was canceled by the user
        name (None | str | Unset): The name of the audio.
        type_ (str | Unset): The type of the audio project. Possible values are VOICE_GENERATOR, VOICE_CHANGER,
            VOICE_CLONER, VIDEO_TO_AUDIO, MUSIC_GENERATOR
        created_at (datetime.datetime | Unset):
        enabled (bool | Unset): Whether this resource is active. If false, it is deleted.
        credits_charged (int | Unset): The amount of credits deducted from your account to generate the audio. We charge
            credits right when the request is made.

            If an error occurred while generating the audio, credits will be refunded and this field will be updated to
            include the refund.
        downloads (list[ProjectDownload] | Unset): The outputs. Empty until the status is `complete`.
        error (None | ProjectError | Unset): Why the project failed, when its status is `error`; null otherwise.
    """

    id: str
    status: ProjectStatus
    name: None | str | Unset = UNSET
    type_: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    enabled: bool | Unset = UNSET
    credits_charged: int | Unset = UNSET
    downloads: list[ProjectDownload] | Unset = UNSET
    error: None | ProjectError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.project_error import ProjectError  # noqa: PLC0415

        id = self.id

        status = self.status.value

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        type_ = self.type_

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        enabled = self.enabled

        credits_charged = self.credits_charged

        downloads: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.downloads, Unset):
            downloads = []
            for downloads_item_data in self.downloads:
                downloads_item = downloads_item_data.to_dict()
                downloads.append(downloads_item)

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ProjectError):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if credits_charged is not UNSET:
            field_dict["credits_charged"] = credits_charged
        if downloads is not UNSET:
            field_dict["downloads"] = downloads
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_download import ProjectDownload  # noqa: PLC0415
        from ..models.project_error import ProjectError  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = ProjectStatus(d.pop("status"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        type_ = d.pop("type", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        enabled = d.pop("enabled", UNSET)

        credits_charged = d.pop("credits_charged", UNSET)

        _downloads = d.pop("downloads", UNSET)
        downloads: list[ProjectDownload] | Unset = UNSET
        if _downloads is not UNSET:
            downloads = []
            for downloads_item_data in _downloads:
                downloads_item = ProjectDownload.from_dict(downloads_item_data)

                downloads.append(downloads_item)

        def _parse_error(data: object) -> None | ProjectError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ProjectError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        audio_project = cls(
            id=id,
            status=status,
            name=name,
            type_=type_,
            created_at=created_at,
            enabled=enabled,
            credits_charged=credits_charged,
            downloads=downloads,
            error=error,
        )

        audio_project.additional_properties = d
        return audio_project

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
