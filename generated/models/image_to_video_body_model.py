from enum import StrEnum


class ImageToVideoBodyModel(StrEnum):
    DEFAULT = "default"
    KLING_1_6 = "kling-1.6"
    KLING_2_5 = "kling-2.5"
    KLING_2_5_AUDIO = "kling-2.5-audio"
    KLING_3_0 = "kling-3.0"
    LTX_2 = "ltx-2"
    LTX_2_3 = "ltx-2.3"
    SEEDANCE = "seedance"
    SEEDANCE_2_0 = "seedance-2.0"
    SORA_2 = "sora-2"
    VEO3_1 = "veo3.1"
    VEO3_1_AUDIO = "veo3.1-audio"
    VEO3_1_LITE = "veo3.1-lite"
    WAN_2_2 = "wan-2.2"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ImageToVideoBodyModel | None":
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
