from enum import IntEnum


class AiImageEditorBodyImageCount(IntEnum):
    VALUE_1 = 1
    VALUE_4 = 4
    VALUE_9 = 9
    VALUE_16 = 16

    def __str__(self) -> str:
        return str(self.value)
