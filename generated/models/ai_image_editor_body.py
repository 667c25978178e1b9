from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, TYPE_CHECKING

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ai_image_editor_body_aspect_ratio import AiImageEditorBodyAspectRatio
from ..models.ai_image_editor_body_image_count import AiImageEditorBodyImageCount
from ..models.ai_image_editor_body_model import AiImageEditorBodyModel
from ..models.ai_image_editor_body_resolution import AiImageEditorBodyResolution

if TYPE_CHECKING:
    from ..models.ai_image_editor_body_assets import AiImageEditorBodyAssets
    from ..models.ai_image_editor_body_style import AiImageEditorBodyStyle


T = TypeVar("T", bound="AiImageEditorBody")


@_attrs_define
class AiImageEditorBody:
    """
    Attributes:
        style (AiImageEditorBodyStyle):
        assets (AiImageEditorBodyAssets): Provide the assets for image edit
        name (str | Unset): Give your image a custom name for easy identification.
        image_count (AiImageEditorBodyImageCount | Unset): Number of images to generate. Maximum varies by model.
            Defaults to 1 if not specified.
        model (AiImageEditorBodyModel | Unset): The AI model to use for image editing. Each model has different
            capabilities and costs.

            **Models:**
            - `default` - Use the model we recommend, which will change over time. This is recommended unless you need a
            specific model. This is the default behavior.
            - `qwen-edit` - from 10 credits/image
              - Supported resolutions: 640px, 1k, 2k
              - Available for tiers: free, creator, pro, business
              - Max additional input images: 2
            - `flux-2-klein` - from 5 credits/image
              - Supported resolutions: 640px, 1k, 2k
              - Available for tiers: free, creator, pro, business
              - Max additional input images: 5
            - `nano-banana` - from 50 credits/image
              - Supported resolutions: 640px, 1k
              - Available for tiers: creator, pro, business
              - Max additional input images: 9
            - `nano-banana-2` - from 100 credits/image
              - Supported resolutions: 640px, 1k, 2k, 4k
              - Available for tiers: creator, pro, business
              - Max additional input images: 9
            - `seedream-v4` - from 40 credits/image
              - Supported resolutions: 640px, 1k, 2k, 4k
              - Available for tiers: creator, pro, business
              - Max additional input images: 9
            - `nano-banana-pro` - from 150 credits/image
              - Supported resolutions: 1k, 2k, 4k
              - Available for tiers: creator, pro, business
              - Max additional input images: 9
            - `seedream-v4.5` - from 50 credits/image
              - Supported resolutions: 640px, 1k, 2k, 4k
              - Available for tiers: creator, pro, business
              - Max additional input images: 9
            - `gpt-image-2` - from 50 credits/image
              - Supported resolutions: 640px, 1k, 2k, 4k
              - Available for tiers: creator, pro, business
              - Max additional input images: 9
        aspect_ratio (AiImageEditorBodyAspectRatio | Unset): The aspect ratio of the output image(s). If not specified,
            defaults to `auto`.
        resolution (AiImageEditorBodyResolution | Unset): Maximum resolution (longest edge) for the output image.

            **Options:**
            - `640px` — up to 640px
            - `1k` — up to 1024px
            - `2k` — up to 2048px
            - `4k` — up to 4096px
            - `auto` — **Deprecated.** Mapped server-side from your subscription tier to the best matching resolution the
            model supports

            **Per-model support:**
            - `qwen-edit` - 640px, 1k, 2k
            - `flux-2-klein` - 640px, 1k, 2k
            - `nano-banana` - 640px, 1k
            - `nano-banana-2` - 640px, 1k, 2k, 4k
            - `seedream-v4` - 640px, 1k, 2k, 4k
            - `nano-banana-pro` - 1k, 2k, 4k
            - `seedream-v4.5` - 640px, 1k, 2k, 4k
            - `gpt-image-2` - 640px, 1k, 2k, 4k

            Note: Resolution availability depends on the model and your subscription tier.
    """

    style: AiImageEditorBodyStyle
    assets: AiImageEditorBodyAssets
    name: str | Unset = UNSET
    image_count: AiImageEditorBodyImageCount | Unset = UNSET
    model: AiImageEditorBodyModel | Unset = UNSET
    aspect_ratio: AiImageEditorBodyAspectRatio | Unset = UNSET
    resolution: AiImageEditorBodyResolution | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        style = self.style.to_dict()

        assets = self.assets.to_dict()

        name = self.name

        image_count: int | Unset = UNSET
        if not isinstance(self.image_count, Unset):
            image_count = self.image_count.value

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "style": style,
                "assets": assets,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if image_count is not UNSET:
            field_dict["image_count"] = image_count
        if model is not UNSET:
            field_dict["model"] = model
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_image_editor_body_assets import AiImageEditorBodyAssets  # noqa: PLC0415
        from ..models.ai_image_editor_body_style import AiImageEditorBodyStyle  # noqa: PLC0415

        d = dict(src_dict)
        style = AiImageEditorBodyStyle.from_dict(d.pop("style"))

        assets = AiImageEditorBodyAssets.from_dict(d.pop("assets"))

        name = d.pop("name", UNSET)

        _image_count = d.pop("image_count", UNSET)
        image_count: AiImageEditorBodyImageCount | Unset
        if isinstance(_image_count, Unset):
            image_count = UNSET
        else:
            image_count = AiImageEditorBodyImageCount(_image_count)

        _model = d.pop("model", UNSET)
        model: AiImageEditorBodyModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = AiImageEditorBodyModel(_model)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: AiImageEditorBodyAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = AiImageEditorBodyAspectRatio(_aspect_ratio)

        _resolution = d.pop("resolution", UNSET)
        resolution: AiImageEditorBodyResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = AiImageEditorBodyResolution(_resolution)

        ai_image_editor_body = cls(
            style=style,
            assets=assets,
            name=name,
            image_count=image_count,
            model=model,
            aspect_ratio=aspect_ratio,
            resolution=resolution,
        )

        ai_image_editor_body.additional_properties = d
        return ai_image_editor_body

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
