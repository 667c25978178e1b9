from enum import StrEnum


class AiImageGeneratorBodyStyleTool(StrEnum):
    AI_ANIME_GENERATOR = "ai-anime-generator"
    AI_ART_GENERATOR = "ai-art-generator"
    AI_BACKGROUND_GENERATOR = "ai-background-generator"
    AI_CHARACTER_GENERATOR = "ai-character-generator"
    AI_FACE_GENERATOR = "ai-face-generator"
    AI_FASHION_GENERATOR = "ai-fashion-generator"
    AI_ICON_GENERATOR = "ai-icon-generator"
    AI_ILLUSTRATION_GENERATOR = "ai-illustration-generator"
    AI_INTERIOR_DESIGN_GENERATOR = "ai-interior-design-generator"
    AI_LANDSCAPE_GENERATOR = "ai-landscape-generator"
    AI_LOGO_GENERATOR = "ai-logo-generator"
    AI_MANGA_GENERATOR = "ai-manga-generator"
    AI_OUTFIT_GENERATOR = "ai-outfit-generator"
    AI_PATTERN_GENERATOR = "ai-pattern-generator"
    AI_PHOTO_GENERATOR = "ai-photo-generator"
    AI_SKETCH_GENERATOR = "ai-sketch-generator"
    AI_TATTOO_GENERATOR = "ai-tattoo-generator"
    ALBUM_COVER_GENERATOR = "album-cover-generator"
    ANIMATED_CHARACTERS_GENERATOR = "animated-characters-generator"
    ARCHITECTURE_GENERATOR = "architecture-generator"
    BOOK_COVER_GENERATOR = "book-cover-generator"
    COMIC_BOOK_GENERATOR = "comic-book-generator"
    DARK_FANTASY_AI = "dark-fantasy-ai"
    DISNEY_AI_GENERATOR = "disney-ai-generator"
    DND_AI_ART_GENERATOR = "dnd-ai-art-generator"
    EMOJI_GENERATOR = "emoji-generator"
    FANTASY_MAP_GENERATOR = "fantasy-map-generator"
    GENERAL = "general"
    GRAFFITI_GENERATOR = "graffiti-generator"
    MOVIE_POSTER_GENERATOR = "movie-poster-generator"
    OPTICAL_ILLUSION_GENERATOR = "optical-illusion-generator"
    POKEMON_GENERATOR = "pokemon-generator"
    SOUTH_PARK_CHARACTER_GENERATOR = "south-park-character-generator"
    SUPERHERO_GENERATOR = "superhero-generator"
    THUMBNAIL_MAKER = "thumbnail-maker"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AiImageGeneratorBodyStyleTool | None":
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
