from enum import StrEnum


class AiImageEditorBodyModel(StrEnum):
    DEFAULT = "default"
    FLUX_2_KLEIN = "flux-2-klein"
    GPT_IMAGE_2 = "gpt-image-2"
    NANO_BANANA = "nano-banana"
    NANO_BANANA_2 = "nano-banana-2"
    NANO_BANANA_PRO = "nano-banana-pro"
    QWEN_EDIT = "qwen-edit"
    SEEDREAM_V4 = "seedream-v4"
    SEEDREAM_V4_5 = "seedream-v4.5"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AiImageEditorBodyModel | None":
        """Keep a value the spec does not list, instead of failing to parse.

        The result is a pseudo-member: ``str(member)`` and ``member.value`` are the value as
        received, it is not listed by iteration, and ``is_known`` is False.
        """
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether this value is one the spec lists."""
        return self._name_ != "UNKNOWN"
