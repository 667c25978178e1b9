"""The kinds of project (image, video, audio): what differs between them, one small object each.

A :class:`Kind` is chosen once, by name (:func:`kind_named`, from the ``kind=`` argument of the
public functions, or :func:`find_kind`), and everything below the public functions asks it rather
than assuming images: the API path, the generated model, the words of messages, the default
deadline and the cap of the poll schedule. Where a project lives and what its model is come from
the spec (``generated.catalog.PROJECT_KINDS``); the defaults are ours:

==========  ======================  ============  ================  =============================
kind        path prefix             model         default timeout   poll interval cap (schedule)
==========  ======================  ============  ================  =============================
image       /v1/image-projects/     ImageProject  600 s             15 s
video       /v1/video-projects/     VideoProject  1,800 s           30 s
audio       /v1/audio-projects/     AudioProject  1,800 s           30 s
==========  ======================  ============  ================  =============================

Images render in seconds (the longest median job is 38 s): 10 minutes is a generous deadline, and
a 15 s cap notices completion soon. Videos take minutes: the API's docs advise a 30-minute deadline
and intervals growing up to 30 s, which keeps a 30-minute job under 90 GETs
(``magic_hour_ext._schedule`` has the table). Audio projects share them.

``timeout`` left out (:data:`KIND_DEFAULT`) means the kind's default; None still waits forever.
"""

from __future__ import annotations

import enum
import functools
import importlib
import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from attrs import frozen

from generated.models import AudioProject, ImageProject, VideoProject

from ._errors import InvalidArgumentError
from ._schedule import CAP, LONG_CAP, poll_interval

if TYPE_CHECKING:
    from generated.catalog import JsonField, KindName, ProjectKind

__all__ = [
    "KIND_DEFAULT",
    "KIND_NAMES",
    "Kind",
    "KindDefault",
    "Project",
    "Timeout",
    "find_kind",
    "kind_for_model",
    "kind_named",
    "kind_of",
]

#: The project of any kind, as its generated model.
Project: TypeAlias = ImageProject | VideoProject | AudioProject

#: The kinds, in the catalog's order (a test checks that it is the catalog's list).
KIND_NAMES: Final[tuple[KindName, ...]] = ("image", "video", "audio")

# name: (default timeout in seconds, the schedule's cap in seconds); see the module docstring.
_DEFAULTS: Final[Mapping[str, tuple[float, float]]] = {
    "image": (600.0, CAP),
    "video": (1800.0, LONG_CAP),
    "audio": (1800.0, LONG_CAP),
}


class KindDefault(enum.Enum):
    """The type of :data:`KIND_DEFAULT`: "not given", for ``timeout``."""

    KIND_DEFAULT = "the kind's default"

    def __repr__(self) -> str:
        return "KIND_DEFAULT"


#: ``timeout`` not given: the kind's default deadline (600 s for images, 1,800 s otherwise).
KIND_DEFAULT: Final = KindDefault.KIND_DEFAULT

#: What ``timeout=`` accepts: seconds, None (forever), or KIND_DEFAULT (the kind's default).
Timeout: TypeAlias = float | None | Literal[KindDefault.KIND_DEFAULT]


@frozen
class Kind:
    """One kind of project: where it lives in the API, its model, and its defaults.

    Attributes:
        name: ``"image"``, ``"video"`` or ``"audio"``.
        path_prefix: The API path of a project without its id (``"/v1/video-projects/"``).
        model: The generated model of a project (``VideoProject``).
        default_timeout: The deadline of a wait when ``timeout`` is not given, in seconds.
        schedule_cap: The longest interval of the poll schedule, in seconds.
        spec: The catalog's entry (``generated.catalog.ProjectKind``): the model's fields, the
            generated get and delete functions.

    Example:
        >>> video = kind_named("video")
        >>> video.label, video.path_prefix, video.model.__name__, video.default_timeout
        ('video project', '/v1/video-projects/', 'VideoProject', 1800.0)
    """

    name: KindName
    path_prefix: str
    model: type[Project]
    default_timeout: float
    schedule_cap: float
    spec: ProjectKind

    @property
    def label(self) -> str:
        """How messages name a project of this kind: ``"video project"``."""
        return f"{self.name} project"

    @property
    def fields(self) -> Mapping[str, JsonField]:
        """The fields of the model, as the spec defines them (for tolerant reading)."""
        return self.spec.fields

    def interval(self, elapsed: float, rng: random.Random | None = None) -> float:
        """The wait before the next GET, *elapsed* seconds into a wait (the schedule, this kind's cap).

        Example:
            >>> kind_named("image").interval(3600.0), kind_named("video").interval(3600.0)
            (15.0, 30.0)
        """
        return poll_interval(elapsed, rng=rng, cap=self.schedule_cap)

    def timeout(self, value: Timeout) -> float | None:
        """The deadline of a wait: *value*, or this kind's default when it is KIND_DEFAULT.

        Example:
            >>> kind_named("audio").timeout(KIND_DEFAULT), kind_named("audio").timeout(None)
            (1800.0, None)
        """
        return self.default_timeout if value is KIND_DEFAULT else value


@functools.cache
def _build(name: KindName) -> Kind:
    # Imported here: the catalog is large, and `import magic_hour_ext` stays fast.
    from generated.catalog import PROJECT_KINDS

    spec = PROJECT_KINDS[name]
    model = getattr(importlib.import_module(spec.model_module), spec.model)
    timeout, cap = _DEFAULTS[name]
    return Kind(name, spec.path_prefix, model, timeout, cap, spec)


def find_kind(name: object) -> Kind | None:
    """The kind called *name*, or None when no kind has that name (a webhook's unknown type, say).

    The one lookup by name: for ``kind=`` arguments, event types, and the catalog's ``Tool.kind``.

    Example:
        >>> find_kind("audio").model.__name__, find_kind("archive")
        ('AudioProject', None)
    """
    for known in KIND_NAMES:
        if name == known:
            return _build(known)
    return None


def kind_named(name: object) -> Kind:
    """The kind called *name*, else InvalidArgumentError (the check of every ``kind=`` argument).

    Example:
        >>> kind_named("video").schedule_cap
        30.0
        >>> kind_named("gif")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: kind must be 'image', 'video' or 'audio', not 'gif'
    """
    found = find_kind(name)
    if found is None:
        names = ", ".join(repr(n) for n in KIND_NAMES[:-1]) + f" or {KIND_NAMES[-1]!r}"
        raise InvalidArgumentError(f"kind must be {names}, not {name!r:.40}")
    return found


def kind_for_model(model: type[Any]) -> Kind:
    """The kind whose generated model is *model*, else TypeError.

    Example:
        >>> kind_for_model(VideoProject).name
        'video'
    """
    for name in KIND_NAMES:
        kind = _build(name)
        if kind.model is model:
            return kind
    raise TypeError(f"{model.__name__} is not the model of a kind of project in generated.catalog")


def kind_of(project: Project) -> Kind:
    """The kind of *project*, from its model.

    Example:
        >>> kind_of(AudioProject.from_dict({"id": "a", "status": "queued"})).label
        'audio project'
    """
    return kind_for_model(type(project))
