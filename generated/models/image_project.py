from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field


from ..models.project_status import ProjectStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.project_download import ProjectDownload
    from ..models.project_error import ProjectError


T = TypeVar("T", bound="ImageProject")


@_attrs_define
class ImageProject:
    """An image project. The `downloads` field will be empty unless the image was successfully rendered.

    Attributes:
        id (str): Unique ID of the image. Use it with the [Get image Project API](https://docs.magichour.ai/api-
            reference/image-projects/get-image-details) to fetch status and downloads.
        name (None | str): The name of the image.
        status (ProjectStatus): The status of the project.
            - `draft` - not currently used
            - `queued` - the job is queued and waiting for a GPU
            - `rendering` - the generation is in progress
            - `complete` - the project was rendered; see `downloads`
            - `error` - an error occurred during rendering; see `error`
            - `canceled` - the render was canceled by the user
        image_count (int): Number of images generated
        type_ (str): The type of the image project. Possible values are FACE_EDITOR, AI_IMAGE_EDITOR, AI_SELFIE,
            AI_HEADSHOT, AI_IMAGE, AI_MEME, CLOTHES_CHANGER, BACKGROUND_REMOVER, FACE_SWAP, IMAGE_UPSCALER, AI_GIF, QR_CODE,
            PHOTO_EDITOR, PHOTO_COLORIZER, HEAD_SWAP, BODY_SWAP, STORYBOARD, IMAGE_EXPANDER
        created_at (datetime.datetime):
        enabled (bool): Whether this resource is active. If false, it is deleted.
        total_frame_cost (int): Deprecated. The credits charged for the project; use `credits_charged` instead.
        credits_charged (int): The amount of credits deducted from your account to generate the image. We charge credits
            right when the request is made.

            If an error occurred while generating the image(s), credits will be refunded and this field will be updated to
            include the refund.
        downloads (list[ProjectDownload]): The outputs. Empty until the status is `complete`.
        error (None | ProjectError): Why the project failed, when its status is `error`; null otherwise.
    """

    id: str
    name: None | str
    status: ProjectStatus
    image_count: int
    type_: str
    created_at: datetime.datetime
    enabled: bool
    total_frame_cost: int
    credits_charged: int
    downloads: list[ProjectDownload]
    error: None | ProjectError
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.project_error import ProjectError  # noqa: PLC0415

        id = self.id

        name: None | str
        name = self.name

        status = self.status.value

        image_count = self.image_count

        type_ = self.type_

        created_at = self.created_at.isoformat()

        enabled = self.enabled

        total_frame_cost = self.total_frame_cost

        credits_charged = self.credits_charged

        downloads = []
        for downloads_item_data in self.downloads:
            downloads_item = downloads_item_data.to_dict()
            downloads.append(downloads_item)

        error: dict[str, Any] | None
        if isinstance(self.error, ProjectError):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "image_count": image_count,
                "type": type_,
                "created_at": created_at,
                "enabled": enabled,
                "total_frame_cost": total_frame_cost,
                "credits_charged": credits_charged,
                "downloads": downloads,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_download import ProjectDownload  # noqa: PLC0415
        from ..models.project_error import ProjectError  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        status = ProjectStatus(d.pop("status"))

        image_count = d.pop("image_count")

        type_ = d.pop("type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        enabled = d.pop("enabled")

        total_frame_cost = d.pop("total_frame_cost")

        credits_charged = d.pop("credits_charged")

        downloads = []
        _downloads = d.pop("downloads")
        for downloads_item_data in _downloads:
            downloads_item = ProjectDownload.from_dict(downloads_item_data)

            downloads.append(downloads_item)

        def _parse_error(data: object) -> None | ProjectError:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ProjectError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectError, data)

        error = _parse_error(d.pop("error"))

        image_project = cls(
            id=id,
            name=name,
            status=status,
            image_count=image_count,
            type_=type_,
            created_at=created_at,
            enabled=enabled,
            total_frame_cost=total_frame_cost,
            credits_charged=credits_charged,
            downloads=downloads,
            error=error,
        )

        image_project.additional_properties = d
        return image_project

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
