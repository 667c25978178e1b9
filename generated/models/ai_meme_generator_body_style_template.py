from enum import StrEnum


class AiMemeGeneratorBodyStyleTemplate(StrEnum):
    BIKE_FALL = "Bike Fall"
    CHANGE_MY_MIND = "Change My Mind"
    DISAPPOINTED_GUY = "Disappointed Guy"
    DRAKE_HOTLINE_BLING = "Drake Hotline Bling"
    GALAXY_BRAIN = "Galaxy Brain"
    GRUS_PLAN = "Gru's Plan"
    IS_THIS_A_PIGEON = "Is This a Pigeon"
    PANIK_KALM_PANIK = "Panik Kalm Panik"
    RANDOM = "Random"
    SIDE_EYEING_CHLOE = "Side Eyeing Chloe"
    TUXEDO_WINNIE_THE_POOH = "Tuxedo Winnie The Pooh"
    TWO_BUTTONS = "Two Buttons"
    WAITING_SKELETON = "Waiting Skeleton"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AiMemeGeneratorBodyStyleTemplate | None":
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
