"""Contains all the data models used in inputs/outputs"""

from .audio_project import AudioProject
from .error_body import ErrorBody
from .image_project import ImageProject
from .project_download import ProjectDownload
from .project_error import ProjectError
from .project_status import ProjectStatus
from .video_project import VideoProject

__all__ = (
    "AudioProject",
    "ErrorBody",
    "ImageProject",
    "ProjectDownload",
    "ProjectError",
    "ProjectStatus",
    "VideoProject",
)
