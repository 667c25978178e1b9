"""Reading OpenAPI, overlay and list documents from a file or a URL, as plain JSON-like data."""

import json
from pathlib import Path

import httpx
import yaml

from ._errors import SpecError
from ._json import JSON

__all__ = ["load_document", "parse_document"]

#: How long a download of the upstream document may take, in seconds.
_FETCH_TIMEOUT = 30.0


class _JSONLikeLoader(yaml.SafeLoader):
    """A YAML loader that reads what JSON would: an unquoted date stays a string."""


# YAML 1.1 turns `2024-10-19` into a date; OpenAPI means the string.
_JSONLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _JSONLikeLoader.yaml_implicit_resolvers.items()
}


def load_document(source: str, *, what: str = "document") -> JSON:
    """Read a JSON or YAML document from a file path or an http(s) URL.

    Args:
        source: a path, or a URL starting with ``http://`` or ``https://`` (fetched with httpx).
        what: how error messages name the document, e.g. ``"upstream spec"``.

    Raises:
        SpecError: the source cannot be read or is neither JSON nor YAML.

    Example:
        >>> load_document("openapi.yaml")["openapi"]
        '3.1.0'
    """
    if source.startswith(("http://", "https://")):
        try:
            response = httpx.get(source, timeout=_FETCH_TIMEOUT, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise SpecError(f"cannot fetch the {what} from {source}: {exc}") from exc
        return parse_document(response.text, name=source)
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read the {what} {source}: {exc}") from exc
    return parse_document(text, name=source)


def parse_document(text: str, *, name: str) -> JSON:
    """Parse JSON or YAML text into plain dicts, lists and scalars.

    Mapping keys become strings (YAML reads an unquoted ``200:`` as a number), and nodes that YAML
    anchors share are copied, so that changing one place never changes another.

    Raises:
        SpecError: the text is neither JSON nor YAML; ``name`` and the line are in the message.

    Example:
        >>> parse_document("responses: {200: {description: OK}}", name="inline")
        {'responses': {'200': {'description': 'OK'}}}
    """
    try:
        loaded = json.loads(text)
    except ValueError:
        try:
            loaded = yaml.load(text, Loader=_JSONLikeLoader)  # noqa: S506 (a SafeLoader subclass)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            at = f" (line {where.line + 1}, column {where.column + 1})" if where is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise SpecError(f"{name} is neither JSON nor YAML{at}: {problem}") from exc
    return _plain(loaded, name)


def _plain(value: JSON, name: str) -> JSON:
    if isinstance(value, dict):
        plain: dict[str, JSON] = {}
        for key, item in value.items():
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise SpecError(f"{name}: a mapping key must be a string, not {key!r}")
            plain[str(key)] = _plain(item, name)
        return plain
    if isinstance(value, list):
        return [_plain(item, name) for item in value]
    return value
