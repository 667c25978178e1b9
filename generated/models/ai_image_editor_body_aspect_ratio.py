from enum import StrEnum


class AiImageEditorBodyAspectRatio(StrEnum):
    AUTO = "auto"
    VALUE_1 = "16:9"
    VALUE_2 = "9:16"
    VALUE_3 = "4:3"
    VALUE_4 = "3:2"
    VALUE_5 = "1:1"
    VALUE_6 = "4:5"
    VALUE_7 = "2:3"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AiImageEditorBodyAspectRatio | None":
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
