from enum import StrEnum


class VideoToVideoBodyStyleArtStyle(StrEnum):
    AIRBENDER = "Airbender"
    ANDROID = "Android"
    ANIME_WARRIOR = "Anime Warrior"
    ARMORED_KNIGHT = "Armored Knight"
    ASSASSINS_CREED = "Assassin's Creed"
    AVATAR = "Avatar"
    BLACK_SPIDERMAN = "Black Spiderman"
    BOBA_FETT = "Boba Fett"
    BOLD_ANIME = "Bold Anime"
    CELESTIAL_SKIN = "Celestial Skin"
    CHINESE_SWORDSMEN = "Chinese Swordsmen"
    CLAY = "Clay"
    COMIC = "Comic"
    CYBERPUNK = "Cyberpunk"
    CYPHER = "Cypher"
    DARK_FANTASY = "Dark Fantasy"
    DRAGONBALL_Z = "Dragonball Z"
    FUTURE_BOT = "Future Bot"
    FUTURISTIC_FANTASY = "Futuristic Fantasy"
    GHIBLI_ANIME = "Ghibli Anime"
    GHOST = "Ghost"
    GTA = "GTA"
    GUNDAM = "Gundam"
    HOLOGRAM = "Hologram"
    ILLUSTRATION = "Illustration"
    IMPRESSIONISM = "Impressionism"
    INK = "Ink"
    INK_POSTER = "Ink Poster"
    JINX = "Jinx"
    KNIGHT = "Knight"
    LEGO = "Lego"
    LINK = "Link"
    MARBLE = "Marble"
    MARIO = "Mario"
    MASTER_CHIEF = "Master Chief"
    MECH = "Mech"
    MINECRAFT = "Minecraft"
    MYSTIQUE = "Mystique"
    NARUTO = "Naruto"
    NEON_DREAM = "Neon Dream"
    NO_ART_STYLE = "No Art Style"
    OIL_PAINTING = "Oil Painting"
    ON_FIRE = "On Fire"
    ORIGAMI = "Origami"
    PAINTERLY_ANIME = "Painterly Anime"
    PIXAR = "Pixar"
    PIXEL = "Pixel"
    POWER_ARMOR = "Power Armor"
    POWER_RANGER = "Power Ranger"
    RADIANT_ANIME = "Radiant Anime"
    REALISTIC_ANIME = "Realistic Anime"
    REALISTIC_PIXAR = "Realistic Pixar"
    RETRO_ANIME = "Retro Anime"
    RETRO_SCI_FI = "Retro Sci-Fi"
    SAMURAI = "Samurai"
    SAMURAI_BOT = "Samurai Bot"
    SHARP_ANIME = "Sharp Anime"
    SOFT_ANIME = "Soft Anime"
    SOLID_SNAKE = "Solid Snake"
    SPARTAN = "Spartan"
    STARFIELD = "Starfield"
    STREET_FIGHTER = "Street Fighter"
    STUDIO_GHIBLI = "Studio Ghibli"
    SUB_ZERO = "Sub-Zero"
    THE_VOID = "The Void"
    TOMB_RAIDER = "Tomb Raider"
    UNDERWATER = "Underwater"
    VALUE_23 = "3D Render"
    VAN_GOGH = "Van Gogh"
    VIKING = "Viking"
    WATERCOLOR = "Watercolor"
    WESTERN_ANIME = "Western Anime"
    WUXIA_ANIME = "Wuxia Anime"
    WU_KONG = "Wu Kong"
    ZELDA = "Zelda"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "VideoToVideoBodyStyleArtStyle | None":
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
