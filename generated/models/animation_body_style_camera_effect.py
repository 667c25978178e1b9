from enum import StrEnum


class AnimationBodyStyleCameraEffect(StrEnum):
    ACCELERATE = "Accelerate"
    AGGRESSIVE_ZOOM_IN_AUDIO_SYNC = "Aggressive Zoom In - Audio Sync"
    AGGRESSIVE_ZOOM_OUT_AUDIO_SYNC = "Aggressive Zoom Out - Audio Sync"
    BOOST_ZOOM_IN = "Boost Zoom In"
    BOOST_ZOOM_OUT = "Boost Zoom Out"
    BOUNCE_AND_SPIN_AUDIO_SYNC = "Bounce and Spin - Audio Sync"
    BOUNCE_IN_AND_OUT = "Bounce In And Out"
    BOUNCE_IN_PLACE = "Bounce in Place"
    BOUNCE_OUT = "Bounce Out"
    BOUNCE_OUT_AUDIO_SYNC = "Bounce Out - Audio Sync"
    COG_IN_THE_MACHINE = "Cog in the Machine"
    DEVOLVE_AUDIO_SYNC = "Devolve - Audio Sync"
    DIRECTED_BY_AI = "Directed by AI"
    DRAMATIC_ZOOM_IN = "Dramatic Zoom In"
    DRAMATIC_ZOOM_OUT = "Dramatic Zoom Out"
    DRIFT_SPIN = "Drift Spin"
    EARTHQUAKE_BOUNCE = "Earthquake Bounce"
    EARTHQUAKE_BOUNCE_AUDIO_SYNC = "Earthquake Bounce - Audio Sync"
    EVOLVE_AUDIO_SYNC = "Evolve - Audio Sync"
    HEARTBEAT = "Heartbeat"
    HESITATE_IN = "Hesitate In"
    JUMP = "Jump"
    PAN_LEFT = "Pan Left"
    PAN_RIGHT = "Pan Right"
    PULSE_AUDIO_SYNC = "Pulse - Audio Sync"
    PUSHER = "Pusher"
    PUSHER_AUDIO_SYNC = "Pusher - Audio Sync"
    QUADRANT = "Quadrant"
    RISE_AND_CLIMB = "Rise and Climb"
    ROAD_TRIP = "Road Trip"
    RODEO = "Rodeo"
    ROLLING_BOUNCES = "Rolling Bounces"
    ROLL_IN = "Roll In"
    ROLL_IN_AUDIO_SYNC = "Roll In - Audio Sync"
    RUBBER_BAND = "Rubber Band"
    SIMPLE_ZOOM_IN = "Simple Zoom In"
    SIMPLE_ZOOM_OUT = "Simple Zoom Out"
    SLICE_BOUNCE = "Slice Bounce"
    SLIDESHOW = "Slideshow"
    SPEED_OF_LIGHT = "Speed of Light"
    SPIN_BOUNCE = "Spin Bounce"
    SWAY_OUT = "Sway Out"
    SWAY_OUT_AUDIO_SYNC = "Sway Out - Audio Sync"
    TILT_DOWN = "Tilt Down"
    TILT_UP = "Tilt Up"
    TRAVERSE = "Traverse"
    TRON = "Tron"
    VERTIGO = "Vertigo"
    VERTIGO_AUDIO_SYNC = "Vertigo - Audio Sync"
    ZOOM_IN_AND_SPIN_AUDIO_SYNC = "Zoom In and Spin - Audio Sync"
    ZOOM_IN_AUDIO_SYNC = "Zoom In - Audio Sync"
    ZOOM_OUT_AUDIO_SYNC = "Zoom Out - Audio Sync"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AnimationBodyStyleCameraEffect | None":
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
