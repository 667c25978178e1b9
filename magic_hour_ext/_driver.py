"""What the sync and async drivers share: their settings (the rest differs only by ``await``)."""

from __future__ import annotations

from typing import Generic, TypeVar

from ._download import STALL_RULE, StallRule
from ._files import ProgressHook
from ._waiter import WebhookWaiter

__all__ = ["DriverSettings"]

C = TypeVar("C")


class DriverSettings(Generic[C]):
    """The clients and download options of a driver.

    Args:
        api: The httpx client of the AuthenticatedClient (base URL and token set).
        downloads: The httpx client for downloads (no Authorization header), or None when no
            download will be made.
        uploads: The httpx client for uploads to upload URLs (no credentials either), or None.
        overwrite: Replace existing final files.
        on_progress: The download-progress hook.
        max_concurrent: How many outputs download at once.
        stall: When a download's body arrives too slowly (see StallRule; tests shorten it).
        webhooks: The WebhookWaiter whose final events cut the flow's ``Sleep(wake_on=...)`` short.
    """

    def __init__(
        self,
        api: C,
        downloads: C | None = None,
        *,
        overwrite: bool = False,
        on_progress: ProgressHook | None = None,
        max_concurrent: int = 4,
        stall: StallRule = STALL_RULE,
        uploads: C | None = None,
        webhooks: WebhookWaiter | None = None,
    ) -> None:
        self.api = api
        self.downloads = downloads
        self.uploads = uploads
        self.overwrite = overwrite
        self.on_progress = on_progress
        self.max_concurrent = max_concurrent
        self.stall = stall
        self.webhooks = webhooks
