"""Contains all the data models used in inputs/outputs"""

from .ai_clothes_changer_body import AiClothesChangerBody
from .ai_clothes_changer_body_assets import AiClothesChangerBodyAssets
from .ai_clothes_changer_body_assets_garment_type import (
    AiClothesChangerBodyAssetsGarmentType,
)
from .ai_clothes_changer_response import AiClothesChangerResponse
from .ai_face_editor_body import AiFaceEditorBody
from .ai_face_editor_body_assets import AiFaceEditorBodyAssets
from .ai_face_editor_body_style import AiFaceEditorBodyStyle
from .ai_face_editor_response import AiFaceEditorResponse
from .ai_gif_generator_body import AiGifGeneratorBody
from .ai_gif_generator_body_output_format import AiGifGeneratorBodyOutputFormat
from .ai_gif_generator_body_style import AiGifGeneratorBodyStyle
from .ai_gif_generator_response import AiGifGeneratorResponse
from .ai_headshot_generator_body import AiHeadshotGeneratorBody
from .ai_headshot_generator_body_assets import AiHeadshotGeneratorBodyAssets
from .ai_headshot_generator_body_style import AiHeadshotGeneratorBodyStyle
from .ai_headshot_generator_response import AiHeadshotGeneratorResponse
from .ai_image_editor_body import AiImageEditorBody
from .ai_image_editor_body_aspect_ratio import AiImageEditorBodyAspectRatio
from .ai_image_editor_body_assets import AiImageEditorBodyAssets
from .ai_image_editor_body_image_count import AiImageEditorBodyImageCount
from .ai_image_editor_body_model import AiImageEditorBodyModel
from .ai_image_editor_body_resolution import AiImageEditorBodyResolution
from .ai_image_editor_body_style import AiImageEditorBodyStyle
from .ai_image_editor_response import AiImageEditorResponse
from .ai_image_generator_body import AiImageGeneratorBody
from .ai_image_generator_body_aspect_ratio import AiImageGeneratorBodyAspectRatio
from .ai_image_generator_body_model import AiImageGeneratorBodyModel
from .ai_image_generator_body_resolution import AiImageGeneratorBodyResolution
from .ai_image_generator_body_style import AiImageGeneratorBodyStyle
from .ai_image_generator_body_style_tool import AiImageGeneratorBodyStyleTool
from .ai_image_generator_response import AiImageGeneratorResponse
from .ai_image_upscaler_body import AiImageUpscalerBody
from .ai_image_upscaler_body_assets import AiImageUpscalerBodyAssets
from .ai_image_upscaler_body_style import AiImageUpscalerBodyStyle
from .ai_image_upscaler_body_style_enhancement import (
    AiImageUpscalerBodyStyleEnhancement,
)
from .ai_image_upscaler_body_style_mode import AiImageUpscalerBodyStyleMode
from .ai_image_upscaler_response import AiImageUpscalerResponse
from .ai_meme_generator_body import AiMemeGeneratorBody
from .ai_meme_generator_body_style import AiMemeGeneratorBodyStyle
from .ai_meme_generator_body_style_template import AiMemeGeneratorBodyStyleTemplate
from .ai_meme_generator_response import AiMemeGeneratorResponse
from .ai_qr_code_generator_body import AiQrCodeGeneratorBody
from .ai_qr_code_generator_body_style import AiQrCodeGeneratorBodyStyle
from .ai_qr_code_generator_response import AiQrCodeGeneratorResponse
from .ai_talking_photo_body import AiTalkingPhotoBody
from .ai_talking_photo_body_assets import AiTalkingPhotoBodyAssets
from .ai_talking_photo_body_style import AiTalkingPhotoBodyStyle
from .ai_talking_photo_body_style_generation_mode import (
    AiTalkingPhotoBodyStyleGenerationMode,
)
from .ai_talking_photo_response import AiTalkingPhotoResponse
from .ai_voice_cloner_body import AiVoiceClonerBody
from .ai_voice_cloner_body_assets import AiVoiceClonerBodyAssets
from .ai_voice_cloner_body_style import AiVoiceClonerBodyStyle
from .ai_voice_cloner_response import AiVoiceClonerResponse
from .ai_voice_generator_body import AiVoiceGeneratorBody
from .ai_voice_generator_body_style import AiVoiceGeneratorBodyStyle
from .ai_voice_generator_body_style_voice_name import AiVoiceGeneratorBodyStyleVoiceName
from .ai_voice_generator_response import AiVoiceGeneratorResponse
from .animation_body import AnimationBody
from .animation_body_assets import AnimationBodyAssets
from .animation_body_assets_audio_source import AnimationBodyAssetsAudioSource
from .animation_body_style import AnimationBodyStyle
from .animation_body_style_art_style import AnimationBodyStyleArtStyle
from .animation_body_style_camera_effect import AnimationBodyStyleCameraEffect
from .animation_body_style_prompt_type import AnimationBodyStylePromptType
from .animation_response import AnimationResponse
from .audio_project import AudioProject
from .audio_to_video_body import AudioToVideoBody
from .audio_to_video_body_assets import AudioToVideoBodyAssets
from .audio_to_video_body_resolution import AudioToVideoBodyResolution
from .audio_to_video_body_style import AudioToVideoBodyStyle
from .audio_to_video_response import AudioToVideoResponse
from .auto_subtitle_generator_body import AutoSubtitleGeneratorBody
from .auto_subtitle_generator_body_assets import AutoSubtitleGeneratorBodyAssets
from .auto_subtitle_generator_body_style import AutoSubtitleGeneratorBodyStyle
from .auto_subtitle_generator_body_style_custom_config import (
    AutoSubtitleGeneratorBodyStyleCustomConfig,
)
from .auto_subtitle_generator_body_style_template import (
    AutoSubtitleGeneratorBodyStyleTemplate,
)
from .auto_subtitle_generator_response import AutoSubtitleGeneratorResponse
from .body_swap_body import BodySwapBody
from .body_swap_body_assets import BodySwapBodyAssets
from .body_swap_body_resolution import BodySwapBodyResolution
from .body_swap_response import BodySwapResponse
from .error_body import ErrorBody
from .face_detection import FaceDetection
from .face_detection_body import FaceDetectionBody
from .face_detection_body_assets import FaceDetectionBodyAssets
from .face_detection_face import FaceDetectionFace
from .face_detection_response import FaceDetectionResponse
from .face_detection_status import FaceDetectionStatus
from .face_swap_body import FaceSwapBody
from .face_swap_body_assets import FaceSwapBodyAssets
from .face_swap_body_assets_face_mappings_item import FaceSwapBodyAssetsFaceMappingsItem
from .face_swap_body_assets_face_swap_mode import FaceSwapBodyAssetsFaceSwapMode
from .face_swap_body_assets_video_source import FaceSwapBodyAssetsVideoSource
from .face_swap_body_style import FaceSwapBodyStyle
from .face_swap_body_style_version import FaceSwapBodyStyleVersion
from .face_swap_photo_body import FaceSwapPhotoBody
from .face_swap_photo_body_assets import FaceSwapPhotoBodyAssets
from .face_swap_photo_body_assets_face_mappings_item import (
    FaceSwapPhotoBodyAssetsFaceMappingsItem,
)
from .face_swap_photo_body_assets_face_swap_mode import (
    FaceSwapPhotoBodyAssetsFaceSwapMode,
)
from .face_swap_photo_response import FaceSwapPhotoResponse
from .face_swap_response import FaceSwapResponse
from .head_swap_body import HeadSwapBody
from .head_swap_body_assets import HeadSwapBodyAssets
from .head_swap_response import HeadSwapResponse
from .image_background_remover_body import ImageBackgroundRemoverBody
from .image_background_remover_body_assets import ImageBackgroundRemoverBodyAssets
from .image_background_remover_response import ImageBackgroundRemoverResponse
from .image_project import ImageProject
from .image_to_video_body import ImageToVideoBody
from .image_to_video_body_assets import ImageToVideoBodyAssets
from .image_to_video_body_model import ImageToVideoBodyModel
from .image_to_video_body_resolution import ImageToVideoBodyResolution
from .image_to_video_body_style import ImageToVideoBodyStyle
from .image_to_video_response import ImageToVideoResponse
from .lip_sync_body import LipSyncBody
from .lip_sync_body_assets import LipSyncBodyAssets
from .lip_sync_body_assets_video_source import LipSyncBodyAssetsVideoSource
from .lip_sync_body_style import LipSyncBodyStyle
from .lip_sync_body_style_generation_mode import LipSyncBodyStyleGenerationMode
from .lip_sync_response import LipSyncResponse
from .photo_colorizer_body import PhotoColorizerBody
from .photo_colorizer_body_assets import PhotoColorizerBodyAssets
from .photo_colorizer_response import PhotoColorizerResponse
from .project_download import ProjectDownload
from .project_error import ProjectError
from .project_status import ProjectStatus
from .text_to_video_body import TextToVideoBody
from .text_to_video_body_aspect_ratio import TextToVideoBodyAspectRatio
from .text_to_video_body_model import TextToVideoBodyModel
from .text_to_video_body_resolution import TextToVideoBodyResolution
from .text_to_video_body_style import TextToVideoBodyStyle
from .text_to_video_response import TextToVideoResponse
from .upload_urls_body import UploadUrlsBody
from .upload_urls_body_items_item import UploadUrlsBodyItemsItem
from .upload_urls_body_items_item_type import UploadUrlsBodyItemsItemType
from .upload_urls_response import UploadUrlsResponse
from .upload_urls_response_items_item import UploadUrlsResponseItemsItem
from .video_project import VideoProject
from .video_to_video_body import VideoToVideoBody
from .video_to_video_body_assets import VideoToVideoBodyAssets
from .video_to_video_body_assets_video_source import VideoToVideoBodyAssetsVideoSource
from .video_to_video_body_fps_resolution import VideoToVideoBodyFpsResolution
from .video_to_video_body_style import VideoToVideoBodyStyle
from .video_to_video_body_style_art_style import VideoToVideoBodyStyleArtStyle
from .video_to_video_body_style_model import VideoToVideoBodyStyleModel
from .video_to_video_body_style_prompt_type import VideoToVideoBodyStylePromptType
from .video_to_video_body_style_version import VideoToVideoBodyStyleVersion
from .video_to_video_response import VideoToVideoResponse

__all__ = (
    "AiClothesChangerBody",
    "AiClothesChangerBodyAssets",
    "AiClothesChangerBodyAssetsGarmentType",
    "AiClothesChangerResponse",
    "AiFaceEditorBody",
    "AiFaceEditorBodyAssets",
    "AiFaceEditorBodyStyle",
    "AiFaceEditorResponse",
    "AiGifGeneratorBody",
    "AiGifGeneratorBodyOutputFormat",
    "AiGifGeneratorBodyStyle",
    "AiGifGeneratorResponse",
    "AiHeadshotGeneratorBody",
    "AiHeadshotGeneratorBodyAssets",
    "AiHeadshotGeneratorBodyStyle",
    "AiHeadshotGeneratorResponse",
    "AiImageEditorBody",
    "AiImageEditorBodyAspectRatio",
    "AiImageEditorBodyAssets",
    "AiImageEditorBodyImageCount",
    "AiImageEditorBodyModel",
    "AiImageEditorBodyResolution",
    "AiImageEditorBodyStyle",
    "AiImageEditorResponse",
    "AiImageGeneratorBody",
    "AiImageGeneratorBodyAspectRatio",
    "AiImageGeneratorBodyModel",
    "AiImageGeneratorBodyResolution",
    "AiImageGeneratorBodyStyle",
    "AiImageGeneratorBodyStyleTool",
    "AiImageGeneratorResponse",
    "AiImageUpscalerBody",
    "AiImageUpscalerBodyAssets",
    "AiImageUpscalerBodyStyle",
    "AiImageUpscalerBodyStyleEnhancement",
    "AiImageUpscalerBodyStyleMode",
    "AiImageUpscalerResponse",
    "AiMemeGeneratorBody",
    "AiMemeGeneratorBodyStyle",
    "AiMemeGeneratorBodyStyleTemplate",
    "AiMemeGeneratorResponse",
    "AiQrCodeGeneratorBody",
    "AiQrCodeGeneratorBodyStyle",
    "AiQrCodeGeneratorResponse",
    "AiTalkingPhotoBody",
    "AiTalkingPhotoBodyAssets",
    "AiTalkingPhotoBodyStyle",
    "AiTalkingPhotoBodyStyleGenerationMode",
    "AiTalkingPhotoResponse",
    "AiVoiceClonerBody",
    "AiVoiceClonerBodyAssets",
    "AiVoiceClonerBodyStyle",
    "AiVoiceClonerResponse",
    "AiVoiceGeneratorBody",
    "AiVoiceGeneratorBodyStyle",
    "AiVoiceGeneratorBodyStyleVoiceName",
    "AiVoiceGeneratorResponse",
    "AnimationBody",
    "AnimationBodyAssets",
    "AnimationBodyAssetsAudioSource",
    "AnimationBodyStyle",
    "AnimationBodyStyleArtStyle",
    "AnimationBodyStyleCameraEffect",
    "AnimationBodyStylePromptType",
    "AnimationResponse",
    "AudioProject",
    "AudioToVideoBody",
    "AudioToVideoBodyAssets",
    "AudioToVideoBodyResolution",
    "AudioToVideoBodyStyle",
    "AudioToVideoResponse",
    "AutoSubtitleGeneratorBody",
    "AutoSubtitleGeneratorBodyAssets",
    "AutoSubtitleGeneratorBodyStyle",
    "AutoSubtitleGeneratorBodyStyleCustomConfig",
    "AutoSubtitleGeneratorBodyStyleTemplate",
    "AutoSubtitleGeneratorResponse",
    "BodySwapBody",
    "BodySwapBodyAssets",
    "BodySwapBodyResolution",
    "BodySwapResponse",
    "ErrorBody",
    "FaceDetection",
    "FaceDetectionBody",
    "FaceDetectionBodyAssets",
    "FaceDetectionFace",
    "FaceDetectionResponse",
    "FaceDetectionStatus",
    "FaceSwapBody",
    "FaceSwapBodyAssets",
    "FaceSwapBodyAssetsFaceMappingsItem",
    "FaceSwapBodyAssetsFaceSwapMode",
    "FaceSwapBodyAssetsVideoSource",
    "FaceSwapBodyStyle",
    "FaceSwapBodyStyleVersion",
    "FaceSwapPhotoBody",
    "FaceSwapPhotoBodyAssets",
    "FaceSwapPhotoBodyAssetsFaceMappingsItem",
    "FaceSwapPhotoBodyAssetsFaceSwapMode",
    "FaceSwapPhotoResponse",
    "FaceSwapResponse",
    "HeadSwapBody",
    "HeadSwapBodyAssets",
    "HeadSwapResponse",
    "ImageBackgroundRemoverBody",
    "ImageBackgroundRemoverBodyAssets",
    "ImageBackgroundRemoverResponse",
    "ImageProject",
    "ImageToVideoBody",
    "ImageToVideoBodyAssets",
    "ImageToVideoBodyModel",
    "ImageToVideoBodyResolution",
    "ImageToVideoBodyStyle",
    "ImageToVideoResponse",
    "LipSyncBody",
    "LipSyncBodyAssets",
    "LipSyncBodyAssetsVideoSource",
    "LipSyncBodyStyle",
    "LipSyncBodyStyleGenerationMode",
    "LipSyncResponse",
    "PhotoColorizerBody",
    "PhotoColorizerBodyAssets",
    "PhotoColorizerResponse",
    "ProjectDownload",
    "ProjectError",
    "ProjectStatus",
    "TextToVideoBody",
    "TextToVideoBodyAspectRatio",
    "TextToVideoBodyModel",
    "TextToVideoBodyResolution",
    "TextToVideoBodyStyle",
    "TextToVideoResponse",
    "UploadUrlsBody",
    "UploadUrlsBodyItemsItem",
    "UploadUrlsBodyItemsItemType",
    "UploadUrlsResponse",
    "UploadUrlsResponseItemsItem",
    "VideoProject",
    "VideoToVideoBody",
    "VideoToVideoBodyAssets",
    "VideoToVideoBodyAssetsVideoSource",
    "VideoToVideoBodyFpsResolution",
    "VideoToVideoBodyStyle",
    "VideoToVideoBodyStyleArtStyle",
    "VideoToVideoBodyStyleModel",
    "VideoToVideoBodyStylePromptType",
    "VideoToVideoBodyStyleVersion",
    "VideoToVideoResponse",
)
