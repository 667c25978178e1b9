"""OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0.html): `update` and `remove` actions.

The one Python implementation on PyPI (oas-patch 0.6) is untyped, treats ``remove: false`` as a
removal, and pulls in a CLI, a template engine and a diff library; the part of the specification
needed here is small, so it is implemented on a JSONPath library that follows RFC 9535, the
JSONPath that the Overlay specification names.
"""

import copy
from dataclasses import dataclass
from typing import Any

import jsonpath_rfc9535

from ._errors import SpecError
from ._json import JSON

__all__ = ["Overlay", "apply_overlay", "merge"]


@dataclass(frozen=True)
class _Action:
    index: int
    target: str
    query: jsonpath_rfc9535.JSONPathQuery
    update: JSON
    remove: bool

    @property
    def name(self) -> str:
        return f"overlay action {self.index} (target {self.target})"


@dataclass(frozen=True)
class Overlay:
    """A checked Overlay 1.0 document: its title and its actions, in order.

    Example:
        >>> overlay = Overlay.parse({
        ...     "overlay": "1.0.0",
        ...     "info": {"title": "Fixes", "version": "1"},
        ...     "actions": [{"target": "$.info", "update": {"description": "Ours."}}],
        ... })
        >>> document = {"info": {"title": "API"}}
        >>> apply_overlay(document, overlay)
        []
        >>> document["info"]
        {'title': 'API', 'description': 'Ours.'}
    """

    title: str
    actions: tuple[_Action, ...]

    @classmethod
    def parse(cls, document: JSON, *, name: str = "overlay") -> "Overlay":
        """Check an overlay document and compile its targets.

        Raises:
            SpecError: it is not an Overlay 1.0 document, or an action is malformed.
        """
        if not isinstance(document, dict) or not str(document.get("overlay", "")).startswith("1.0"):
            raise SpecError(f"{name} is not an OpenAPI Overlay 1.0 document (it needs `overlay: 1.0.0`)")
        info = document.get("info")
        if not isinstance(info, dict) or not isinstance(info.get("title"), str):
            raise SpecError(f"{name}: `info.title` is required")
        raw_actions = document.get("actions")
        if not isinstance(raw_actions, list) or not raw_actions:
            raise SpecError(f"{name}: `actions` must be a non-empty list")
        return cls(
            info["title"], tuple(_parse_action(index, raw, name) for index, raw in enumerate(raw_actions))
        )


def _parse_action(index: int, raw: JSON, name: str) -> _Action:
    where = f"{name}: action {index}"
    if not isinstance(raw, dict) or not isinstance(raw.get("target"), str):
        raise SpecError(f"{where} needs a `target` (a JSONPath string)")
    target: str = raw["target"]
    try:
        query = jsonpath_rfc9535.compile(target)
    except jsonpath_rfc9535.JSONPathError as exc:
        raise SpecError(f"{where}: target {target!r} is not a JSONPath: {exc}") from exc
    remove = raw.get("remove", False)
    if not isinstance(remove, bool):
        raise SpecError(f"{where}: `remove` must be true or false")
    if not remove and "update" not in raw:
        raise SpecError(f"{where} needs `update` or `remove: true`")
    return _Action(index, target, query, raw.get("update"), remove)


def apply_overlay(document: dict[str, Any], overlay: Overlay) -> list[str]:
    """Apply the actions in order, changing ``document`` in place.

    ``update`` merges into every node the target selects (see `merge`); on an array it appends
    the value. ``remove: true`` deletes every selected node from its parent.

    Returns:
        Warnings: actions whose target selected nothing, or a value that is neither an object nor
        an array (which they skip): the upstream document may have changed under them.

    Raises:
        SpecError: an action would remove the whole document.
    """
    warnings = []
    for action in overlay.actions:
        nodes = action.query.find(document)
        if not nodes:
            warnings.append(f"{action.name} selected nothing")
        elif action.remove:
            _remove(action, nodes, document)
        else:
            warnings.extend(warning for node in nodes if (warning := _update(action, node)) is not None)
    return warnings


def _remove(action: _Action, nodes: jsonpath_rfc9535.JSONPathNodeList, document: JSON) -> None:
    if any(not node.location for node in nodes):
        raise SpecError(f"{action.name} would remove the whole document")
    # Deepest and last first, so that removing one node never moves another.
    for node in sorted(nodes, key=_sort_key, reverse=True):
        # The parent is found from the document by the node's location: jsonpath-rfc9535's
        # JSONPathNode.parent is an attribute in 1.x (Python 3.11) and a method in 2.x (3.12+).
        parent = _at(document, node.location[:-1])
        key = node.location[-1]
        if isinstance(parent, dict):
            parent.pop(key, None)
        elif isinstance(parent, list) and isinstance(key, int) and key < len(parent):
            del parent[key]


def _at(document: JSON, location: tuple[str | int, ...]) -> JSON:
    """The value at *location* (keys and indexes from the root) in *document*."""
    value = document
    for key in location:
        value = value[key]
    return value


def _sort_key(node: jsonpath_rfc9535.JSONPathNode) -> list[tuple[int, str]]:
    return [(0, f"{key:020d}") if isinstance(key, int) else (1, key) for key in node.location]


def _update(action: _Action, node: jsonpath_rfc9535.JSONPathNode) -> str | None:
    target = node.value
    if isinstance(target, list):
        target.append(copy.deepcopy(action.update))
    elif isinstance(target, dict) and isinstance(action.update, dict):
        merge(target, action.update)
    else:
        found = "an object" if isinstance(target, dict) else f"a {type(target).__name__}"
        return f"{action.name} selected {found} at {node.path()}, which it cannot update (skipped)"
    return None


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Merge ``update`` into ``target`` as Overlay ``update`` does.

    Objects merge recursively, arrays are concatenated, anything else replaces the old value.

    Example:
        >>> target = {"a": {"b": 1, "c": [1]}, "d": 1}
        >>> merge(target, {"a": {"b": 2, "c": [2]}, "d": {"e": 3}})
        >>> target
        {'a': {'b': 2, 'c': [1, 2]}, 'd': {'e': 3}}
    """
    for key, value in update.items():
        old = target.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(copy.deepcopy(value))
        else:
            target[key] = copy.deepcopy(value)
