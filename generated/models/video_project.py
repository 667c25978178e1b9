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


T = TypeVar("T", bound="VideoProject")


@_attrs_define
class VideoProject:
    """A video project. The `downloads` field will be empty unless the video was successfully rendered.

    Attributes:
        id (str): Unique ID of the video. Use it with the [Get video Project API](https://docs.magichour.ai/api-
            reference/video-projects/get-video-details) to fetch status and downloads.
        name (None | str): The name of the video.
        status (ProjectStatus): The status of the project.
            - `draft` - not currently used
            - `queued` - the job is queued and waiting for a GPU
            - `rendering` - the generation is in progress
            - `complete` - the project was rendered; see `downloads`
            - `error` - an error occurred during rendering; see `error`
            - `canceled` - the render was canceled by the user
        type_ (str): The type of the video project. Possible values are ANIMATION, AUTO_SUBTITLE, VIDEO_TO_VIDEO,
            FACE_SWAP, TEXT_TO_VIDEO, IMAGE_TO_VIDEO, LIP_SYNC, TALKING_PHOTO, VIDEO_UPSCALER, EXTEND, AUDIO_TO_VIDEO,
            VIDEO_EXPANDER, UGC_AD
        created_at (datetime.datetime):
        width (int): The width of the final output video. A value of -1 indicates the width can be ignored.
        height (int): The height of the final output video. A value of -1 indicates the height can be ignored.
        enabled (bool): Whether this resource is active. If false, it is deleted.
        start_seconds (float): Start time of your clip (seconds). Must be ≥ 0.
        end_seconds (float): End time of your clip (seconds). Must be greater than start_seconds.
        total_frame_cost (int): Deprecated. The credits charged for the project; use `credits_charged` instead.
        credits_charged (int): The amount of credits deducted from your account to generate the video. If the status is
            not 'complete', this value is an estimate and may be adjusted upon completion based on the actual FPS of the
            output video.

            If video generation fails, credits will be refunded, and this field will be updated to include the refund.
        fps (float): Frame rate of the video. If the status is not 'complete', the frame rate is an estimate and will be
            adjusted when the video completes.
        error (None | ProjectError): Why the project failed, when its status is `error`; null otherwise.
        downloads (list[ProjectDownload]): The outputs. Empty until the status is `complete`.
        download (None | ProjectDownload): Deprecated. The first output, or null; use `downloads` instead.
    """

    id: str
    name: None | str
    status: ProjectStatus
    type_: str
    created_at: datetime.datetime
    width: int
    height: int
    enabled: bool
    start_seconds: float
    end_seconds: float
    total_frame_cost: int
    credits_charged: int
    fps: float
    error: None | ProjectError
    downloads: list[ProjectDownload]
    download: None | ProjectDownload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.project_download import ProjectDownload  # noqa: PLC0415
        from ..models.project_error import ProjectError  # noqa: PLC0415

        id = self.id

        name: None | str
        name = self.name

        status = self.status.value

        type_ = self.type_

        created_at = self.created_at.isoformat()

        width = self.width

        height = self.height

        enabled = self.enabled

        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        total_frame_cost = self.total_frame_cost

        credits_charged = self.credits_charged

        fps = self.fps

        error: dict[str, Any] | None
        if isinstance(self.error, ProjectError):
            error = self.error.to_dict()
        else:
            error = self.error

        downloads = []
        for downloads_item_data in self.downloads:
            downloads_item = downloads_item_data.to_dict()
            downloads.append(downloads_item)

        download: dict[str, Any] | None
        if isinstance(self.download, ProjectDownload):
            download = self.download.to_dict()
        else:
            download = self.download

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "type": type_,
                "created_at": created_at,
                "width": width,
                "height": height,
                "enabled": enabled,
                "start_seconds": start_seconds,
                "end_seconds": end_seconds,
                "total_frame_cost": total_frame_cost,
                "credits_charged": credits_charged,
                "fps": fps,
                "error": error,
                "downloads": downloads,
                "download": download,
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

        type_ = d.pop("type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        width = d.pop("width")

        height = d.pop("height")

        enabled = d.pop("enabled")

        start_seconds = d.pop("start_seconds")

        end_seconds = d.pop("end_seconds")

        total_frame_cost = d.pop("total_frame_cost")

        credits_charged = d.pop("credits_charged")

        fps = d.pop("fps")

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

        downloads = []
        _downloads = d.pop("downloads")
        for downloads_item_data in _downloads:
            downloads_item = ProjectDownload.from_dict(downloads_item_data)

            downloads.append(downloads_item)

        def _parse_download(data: object) -> None | ProjectDownload:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                download_type_0 = ProjectDownload.from_dict(data)

                return download_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectDownload, data)

        download = _parse_download(d.pop("download"))

        video_project = cls(
            id=id,
            name=name,
            status=status,
            type_=type_,
            created_at=created_at,
            width=width,
            height=height,
            enabled=enabled,
            start_seconds=start_seconds,
            end_seconds=end_seconds,
            total_frame_cost=total_frame_cost,
            credits_charged=credits_charged,
            fps=fps,
            error=error,
            downloads=downloads,
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
