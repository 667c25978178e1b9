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


T = TypeVar("T", bound="VideoProject")


@_attrs_define
class VideoProject:
    """A video project. The `downloads` field will be empty unless the video was successfully rendered.

    Attributes:
        id (str): Unique ID of the video. Use it with the [Get video Project API](https://docs.magichour.ai/api-
            reference/video-projects/get-video-details) to fetch status and downloads.
        status (ProjectStatus): The status of the project.
            - `draft` - not currently used
            - `queued` - the job is queued and waiting for a GPU
            - `rendering` - the generation is in progress
            - `complete` - the project was rendered; see `downloads`
            - `error` - an error occurred during rendering; see `error`
            - `canceled` - the render was canceled by the user
        name (None | str | Unset): The name of the video.
        type_ (str | Unset): The type of the video project. Possible values are ANIMATION, AUTO_SUBTITLE,
            VIDEO_TO_VIDEO, FACE_SWAP, TEXT_TO_VIDEO, IMAGE_TO_VIDEO, LIP_SYNC, TALKING_PHOTO, VIDEO_UPSCALER, EXTEND,
            AUDIO_TO_VIDEO, VIDEO_EXPANDER, UGC_AD
        created_at (datetime.datetime | Unset):
        width (int | Unset): The width of the final output video. A value of -1 indicates the width can be ignored.
        height (int | Unset): The height of the final output video. A value of -1 indicates the height can be ignored.
        enabled (bool | Unset): Whether this resource is active. If false, it is deleted.
        start_seconds (float | Unset): Start time of your clip (seconds). Must be ≥ 0.
        end_seconds (float | Unset): End time of your clip (seconds). Must be greater than start_seconds.
        credits_charged (int | Unset): The amount of credits deducted from your account to generate the video. If the
            status is not 'complete', this value is an estimate and may be adjusted upon completion based on the actual FPS
            of the output video.

            If video generation fails, credits will be refunded, and this field will be updated to include the refund.
        fps (float | Unset): Frame rate of the video. If the status is not 'complete', the frame rate is an estimate and
            will be adjusted when the video completes.
        error (None | ProjectError | Unset): Why the project failed, when its status is `error`; null otherwise.
        downloads (list[ProjectDownload] | Unset): The outputs. Empty until the status is `complete`.
        total_frame_cost (int | Unset): Deprecated. The credits charged for the project; use `credits_charged` instead.
        download (None | ProjectDownload | Unset): Deprecated. The first output, or null; use `downloads` instead.
    """

    id: str
    status: ProjectStatus
    name: None | str | Unset = UNSET
    type_: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    enabled: bool | Unset = UNSET
    start_seconds: float | Unset = UNSET
    end_seconds: float | Unset = UNSET
    credits_charged: int | Unset = UNSET
    fps: float | Unset = UNSET
    error: None | ProjectError | Unset = UNSET
    downloads: list[ProjectDownload] | Unset = UNSET
    total_frame_cost: int | Unset = UNSET
    download: None | ProjectDownload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.project_download import ProjectDownload  # noqa: PLC0415
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

        width = self.width

        height = self.height

        enabled = self.enabled

        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        credits_charged = self.credits_charged

        fps = self.fps

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ProjectError):
            error = self.error.to_dict()
        else:
            error = self.error

        downloads: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.downloads, Unset):
            downloads = []
            for downloads_item_data in self.downloads:
                downloads_item = downloads_item_data.to_dict()
                downloads.append(downloads_item)

        total_frame_cost = self.total_frame_cost

        download: dict[str, Any] | None | Unset
        if isinstance(self.download, Unset):
            download = UNSET
        elif isinstance(self.download, ProjectDownload):
            download = self.download.to_dict()
        else:
            download = self.download

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
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if start_seconds is not UNSET:
            field_dict["start_seconds"] = start_seconds
        if end_seconds is not UNSET:
            field_dict["end_seconds"] = end_seconds
        if credits_charged is not UNSET:
            field_dict["credits_charged"] = credits_charged
        if fps is not UNSET:
            field_dict["fps"] = fps
        if error is not UNSET:
            field_dict["error"] = error
        if downloads is not UNSET:
            field_dict["downloads"] = downloads
        if total_frame_cost is not UNSET:
            field_dict["total_frame_cost"] = total_frame_cost
        if download is not UNSET:
            field_dict["download"] = download

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

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        enabled = d.pop("enabled", UNSET)

        start_seconds = d.pop("start_seconds", UNSET)

        end_seconds = d.pop("end_seconds", UNSET)

        credits_charged = d.pop("credits_charged", UNSET)

        fps = d.pop("fps", UNSET)

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

        _downloads = d.pop("downloads", UNSET)
        downloads: list[ProjectDownload] | Unset = UNSET
        if _downloads is not UNSET:
            downloads = []
            for downloads_item_data in _downloads:
                downloads_item = ProjectDownload.from_dict(downloads_item_data)

                downloads.append(downloads_item)

        total_frame_cost = d.pop("total_frame_cost", UNSET)

        def _parse_download(data: object) -> None | ProjectDownload | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                download_type_0 = ProjectDownload.from_dict(data)

                return download_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectDownload | Unset, data)

        download = _parse_download(d.pop("download", UNSET))

        video_project = cls(
            id=id,
            status=status,
            name=name,
            type_=type_,
            created_at=created_at,
            width=width,
            height=height,
            enabled=enabled,
            start_seconds=start_seconds,
            end_seconds=end_seconds,
            credits_charged=credits_charged,
            fps=fps,
            error=error,
            downloads=downloads,
            total_frame_cost=total_frame_cost,
            download=download,
        )

        video_project.additional_properties = d
        return video_project

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
