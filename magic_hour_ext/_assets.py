"""The asset type of a file to upload, from its extension: THE table, in one place.

``POST /v1/files/upload-urls`` takes each file's asset ``type`` (``image``, ``video`` or
``audio``) and its ``extension``. Its description in ``openapi.yaml`` lists the extensions of
each kind of file::

    video: mp4, m4v, mov, webm
    audio: mp3, wav, aac, flac, webm, m4a, opus, ogg, aiff, amr
    image: png, jpg, jpeg, heic, heif, webp, avif, jp2, tiff, bmp
    gif: gif, webp, webm

and a fourth kind, ``gif``, "only supported for face swap API ``video_file_path`` field", which
its ``type`` enum does not have: a GIF is uploaded as type ``video`` (the overlay's note on that
field). So an extension names one asset type, or several: ``.webm`` is a video or an audio file,
``.webp`` an image or a GIF (a ``video``). For those, the caller must say which
(``asset_type=``); an extension in no list is refused. Both before any request is made.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath
from typing import Final, Literal, TypeAlias

from ._errors import InvalidArgumentError

__all__ = ["ASSET_TYPES", "EXTENSIONS", "FILE_KINDS", "AssetType", "asset_type_of", "extension_of"]

AssetType: TypeAlias = Literal["image", "video", "audio"]

#: The asset types upload-urls takes, in the order of its enum.
ASSET_TYPES: Final[tuple[AssetType, ...]] = ("video", "audio", "image")

#: The kinds of file of upload-urls' description, each with its extensions and its asset type.
FILE_KINDS: Final[Mapping[str, tuple[AssetType, frozenset[str]]]] = {
    "video": ("video", frozenset({"mp4", "m4v", "mov", "webm"})),
    "audio": ("audio", frozenset({"mp3", "wav", "aac", "flac", "webm", "m4a", "opus", "ogg", "aiff", "amr"})),
    "image": (
        "image",
        frozenset({"png", "jpg", "jpeg", "heic", "heif", "webp", "avif", "jp2", "tiff", "bmp"}),
    ),
    "gif": ("video", frozenset({"gif", "webp", "webm"})),
}

_ARTICLES: Final[Mapping[AssetType, str]] = {"image": "an", "video": "a", "audio": "an"}

#: The extensions each asset type accepts (lower case, no dot).
EXTENSIONS: Final[Mapping[AssetType, frozenset[str]]] = {
    asset: frozenset().union(*(extensions for kind, extensions in FILE_KINDS.values() if kind == asset))
    for asset in ASSET_TYPES
}


def extension_of(path: str | os.PathLike[str]) -> str:
    """The extension upload-urls is given for *path*: its suffix, without the dot, in lower case.

    Example:
        >>> extension_of("photos/Face.JPG"), extension_of("archive.tar.gz")
        ('jpg', 'gz')
    """
    return PurePath(path).suffix.removeprefix(".").lower()


def asset_type_of(path: str | os.PathLike[str], asset_type: str | None = None) -> tuple[AssetType, str]:
    """The (asset type, extension) to ask upload-urls for, for the file at *path*.

    *asset_type* when given (it must accept the extension), else the one type the extension
    names. Nothing is read from the file.

    Raises:
        InvalidArgumentError: no extension, an extension upload-urls does not take, an unknown
            *asset_type*, one that does not take this extension, or an ambiguous extension
            (``.webm``, ``.webp``) without *asset_type*.

    Example:
        >>> asset_type_of("face.PNG"), asset_type_of("clip.webm", "audio")
        (('image', 'png'), ('audio', 'webm'))
        >>> asset_type_of("clip.webm")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: 'clip.webm': a .webm file may be audio or video: ...
    """
    extension = extension_of(path)
    name = PurePath(path).name
    if not extension:
        raise InvalidArgumentError(
            f"{name!r} has no extension: upload-urls needs one (e.g. .png, .mp4, .mp3)"
        )
    if asset_type is not None:
        if asset_type not in ASSET_TYPES:
            raise InvalidArgumentError(
                f"asset_type must be one of {', '.join(sorted(ASSET_TYPES))}, not {asset_type!r:.40}"
            )
        if extension not in EXTENSIONS[asset_type]:
            raise InvalidArgumentError(
                f"{name!r}: {_ARTICLES[asset_type]} {asset_type} upload cannot be a .{extension} file "
                f"(it takes {', '.join(sorted(EXTENSIONS[asset_type]))})"
            )
        return asset_type, extension
    candidates = sorted(asset for asset in ASSET_TYPES if extension in EXTENSIONS[asset])
    if not candidates:
        raise InvalidArgumentError(f"{name!r}: upload-urls does not take .{extension} files")
    if len(candidates) > 1:
        raise InvalidArgumentError(
            f"{name!r}: a .{extension} file may be {' or '.join(candidates)}: pass asset_type="
        )
    return candidates[0], extension
