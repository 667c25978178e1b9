from enum import StrEnum


class AnimationBodyStyleArtStyle(StrEnum):
    ABSTRACT_MINIMALIST = "Abstract Minimalist"
    ARCANE = "Arcane"
    ART_DECO = "Art Deco"
    BOLD_COLORED_ILLUSTRATION = "Bold Colored Illustration"
    CINEMATIC_LANDSCAPE = "Cinematic Landscape"
    CINEMATIC_MIYAZAKI = "Cinematic Miyazaki"
    COSMIC = "Cosmic"
    CUBIST = "Cubist"
    CUSTOM = "Custom"
    CYBERPUNK = "Cyberpunk"
    DARK_GRAPHIC_ILLUSTRATION = "Dark Graphic Illustration"
    DARK_WATERCOLOR = "Dark Watercolor"
    DIRECTED_BY_AI = "Directed by AI"
    DOUBLE_EXPOSURE = "Double Exposure"
    FADED_ILLUSTRATION = "Faded Illustration"
    FANTASY = "Fantasy"
    FUTURISTIC_ANIME = "Futuristic Anime"
    IMPRESSIONISM = "Impressionism"
    INKPUNK = "Inkpunk"
    INK_AND_WATERCOLOR_PORTRAIT = "Ink and Watercolor Portrait"
    INTRICATE_ABSTRACT_LINES_PORTRAIT = "Intricate Abstract Lines Portrait"
    JACKSON_POLLOCK = "Jackson Pollock"
    LANDSCAPE_PAINTING = "Landscape Painting"
    LOW_POLY = "Low Poly"
    MINIATURES = "Miniatures"
    MINIMAL_COLD_FUTURISM = "Minimal Cold Futurism"
    OIL_PAINTING = "Oil Painting"
    OLD_SCHOOL_COMIC = "Old School Comic"
    OVERGROWN = "Overgrown"
    PAINTED_CITYSCAPE = "Painted Cityscape"
    PAINTERLY_ILLUSTRATION = "Painterly Illustration"
    PHOTOGRAPH = "Photograph"
    PIXAR = "Pixar"
    PIXEL_ART = "Pixel Art"
    POSTAPOCALYPTIC = "Postapocalyptic"
    SIN_CITY = "Sin City"
    SOFT_DELICATE_MATTE_PORTRAIT = "Soft Delicate Matte Portrait"
    SPOOKY = "Spooky"
    STUDIO_GHIBLI_FILM_STILL = "Studio Ghibli Film Still"
    SYNTHWAVE = "Synthwave"
    TRADITIONAL_WATERCOLOR = "Traditional Watercolor"
    VALUE_35 = "90s Streets"
    VALUE_7 = "3D Render"
    VAN_GOGH = "Van Gogh"
    VIBRANT_MATTE_ILLUSTRATION = "Vibrant Matte Illustration"
    VINTAGE_JAPANESE_ANIME = "Vintage Japanese Anime"
    WOODCUT = "Woodcut"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AnimationBodyStyleArtStyle | None":
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
