"""The one table of asset types and extensions, checked against upload-urls' description in openapi.yaml."""

import re
from pathlib import Path

import pytest
import yaml

from magic_hour_ext import InvalidArgumentError
from magic_hour_ext._assets import ASSET_TYPES, EXTENSIONS, FILE_KINDS, asset_type_of, extension_of

SPEC = Path(__file__).parents[2] / "openapi.yaml"


def test_the_table_is_the_description_s_lists() -> None:
    spec = yaml.safe_load(SPEC.read_text())
    operation = spec["paths"]["/v1/files/upload-urls"]["post"]
    lists = dict(re.findall(r"^- (\w+): ([a-z0-9, ]+)$", operation["description"], re.MULTILINE))
    assert {kind: set(extensions.split(", ")) for kind, extensions in lists.items()} == {
        kind: set(extensions) for kind, (_, extensions) in FILE_KINDS.items()
    }
    item = spec["components"]["schemas"]["UploadUrlsBodyItemsItem"]
    assert list(ASSET_TYPES) == item["properties"]["type"]["enum"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.png", ("image", "png")),
        ("A.JPEG", ("image", "jpeg")),
        ("dir.v2/clip.MOV", ("video", "mov")),
        ("voice.m4a", ("audio", "m4a")),
        ("loop.gif", ("video", "gif")),  # upload-urls has no gif type: a GIF is a video input
        ("song.tar.wav", ("audio", "wav")),
    ],
)
def test_the_extension_names_the_type(name: str, expected: tuple[str, str]) -> None:
    assert asset_type_of(name) == expected


@pytest.mark.parametrize(
    ("name", "choices"), [("clip.webm", "audio or video"), ("still.webp", "image or video")]
)
def test_an_ambiguous_extension_needs_asset_type(name: str, choices: str) -> None:
    with pytest.raises(InvalidArgumentError, match=f"may be {choices}: pass asset_type="):
        asset_type_of(name)
    for asset_type in choices.split(" or "):
        assert asset_type_of(name, asset_type) == (asset_type, name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "asset_type", "message"),
    [
        ("notes.txt", None, r"does not take \.txt files"),
        ("README", None, "has no extension"),
        (".png", None, "has no extension"),  # a hidden file named .png has no suffix
        ("a.png", "video", r"a video upload cannot be a \.png file"),
        ("a.png", "gif", "asset_type must be one of audio, image, video"),
        ("a.mp3", "IMAGE", "asset_type must be one of"),
    ],
)
def test_what_upload_urls_would_refuse_is_refused_here(
    name: str, asset_type: str | None, message: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        asset_type_of(name, asset_type)


def test_every_extension_is_lower_case_and_listed_under_its_type() -> None:
    for asset_type, extensions in EXTENSIONS.items():
        assert all(e == e.lower() and e.isalnum() for e in extensions)
        assert asset_type in ASSET_TYPES
    assert extension_of("X.Y.PNG") == "png"
