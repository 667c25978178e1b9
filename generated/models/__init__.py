"""Contains all the data models used in inputs/outputs"""

from .error_body import ErrorBody
from .image_project import ImageProject
from .image_project_download import ImageProjectDownload
from .image_project_error import ImageProjectError
from .image_project_status import ImageProjectStatus

__all__ = (
    "ErrorBody",
    "ImageProject",
    "ImageProjectDownload",
    "ImageProjectError",
    "ImageProjectStatus",
)
