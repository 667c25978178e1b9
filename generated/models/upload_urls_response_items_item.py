from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field


import datetime


T = TypeVar("T", bound="UploadUrlsResponseItemsItem")


@_attrs_define
class UploadUrlsResponseItemsItem:
    """
    Attributes:
        upload_url (str): Used to upload the file to storage, send a PUT request with the file as data to upload.
        expires_at (datetime.datetime): when the upload url expires, and will need to request a new one.
        file_path (str): this value is used in APIs that needs assets, such as image_file_path, video_file_path, and
            audio_file_path
    """

    upload_url: str
    expires_at: datetime.datetime
    file_path: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_url = self.upload_url

        expires_at = self.expires_at.isoformat()

        file_path = self.file_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_url": upload_url,
                "expires_at": expires_at,
                "file_path": file_path,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_url = d.pop("upload_url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        file_path = d.pop("file_path")

        upload_urls_response_items_item = cls(
            upload_url=upload_url,
            expires_at=expires_at,
            file_path=file_path,
        )

        upload_urls_response_items_item.additional_properties = d
        return upload_urls_response_items_item

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
