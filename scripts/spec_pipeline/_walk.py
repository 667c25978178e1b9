"""Visiting every object of an OpenAPI 3.x document knowing what it is: a schema, a response, ...

Where each kind of object may appear is data (`_CHILDREN`), not code: a key of a kind of object
holds one child, a map of children or a list of children of another kind. Callbacks, links and
encodings are not visited (nothing here needs them).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["METHODS", "Kind", "Site", "location", "walk"]

Kind = Literal[
    "document",
    "components",
    "path_item",
    "operation",
    "parameter",
    "header",
    "request_body",
    "response",
    "media_type",
    "schema",
]

#: The HTTP methods a path item can hold an operation for.
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

_One = Literal["one", "map", "list"]

_CONTENT: tuple[tuple[str, _One, Kind], ...] = (("content", "map", "media_type"),)
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_ONES = (
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")

_CHILDREN: dict[Kind, tuple[tuple[str, _One, Kind], ...]] = {
    "document": (
        ("paths", "map", "path_item"),
        ("webhooks", "map", "path_item"),
        ("components", "one", "components"),
    ),
    "components": (
        ("schemas", "map", "schema"),
        ("responses", "map", "response"),
        ("parameters", "map", "parameter"),
        ("requestBodies", "map", "request_body"),
        ("headers", "map", "header"),
        ("pathItems", "map", "path_item"),
    ),
    "path_item": (("parameters", "list", "parameter"), *((method, "one", "operation") for method in METHODS)),
    "operation": (
        ("parameters", "list", "parameter"),
        ("requestBody", "one", "request_body"),
        ("responses", "map", "response"),
    ),
    "parameter": (("schema", "one", "schema"), *_CONTENT),
    "header": (("schema", "one", "schema"), *_CONTENT),
    "request_body": _CONTENT,
    "response": (("headers", "map", "header"), *_CONTENT),
    "media_type": (("schema", "one", "schema"),),
    "schema": (
        *((key, "map", "schema") for key in _SCHEMA_MAPS),
        *((key, "one", "schema") for key in _SCHEMA_ONES),
        *((key, "list", "schema") for key in _SCHEMA_LISTS),
    ),
}


@dataclass(frozen=True)
class Site:
    """Where an object sits: ``container[key]`` is the object, ``path`` the keys from the root.

    Example:
        >>> site = Site({"schema": {"type": "string"}}, "schema", "schema", ("schema",))
        >>> site.node
        {'type': 'string'}
    """

    container: Any
    key: str | int
    kind: Kind
    path: tuple[str | int, ...]

    @property
    def node(self) -> Any:
        """The object itself."""
        return self.container[self.key]

    @property
    def location(self) -> str:
        """The object's normalized JSONPath, usable as an overlay target."""
        return location(self.path)


def location(path: tuple[str | int, ...]) -> str:
    """Render keys from the root as an RFC 9535 normalized path.

    Example:
        >>> location(("paths", "/v1/image-projects/{id}", "get"))
        "$['paths']['/v1/image-projects/{id}']['get']"
    """
    return "$" + "".join(f"[{key}]" if isinstance(key, int) else f"['{_escape(key)}']" for key in path)


def _escape(key: str) -> str:
    return key.replace("\\", "\\\\").replace("'", "\\'")


Visitor = Callable[[Site], None]


def walk(document: dict[str, Any], *, pre: Visitor | None = None, post: Visitor | None = None) -> None:
    """Call ``pre`` before and ``post`` after the children of every object of the document.

    A visitor may replace ``site.container[site.key]``: the walk goes on into the replacement
    (after ``pre``). Values that are not objects where an object belongs are skipped, so a broken
    document is left for the validator to describe.

    Example:
        >>> doc = {"paths": {"/a": {"get": {"responses": {"200": {"description": "OK"}}}}}}
        >>> walk(doc, pre=lambda site: print(site.kind, site.location))
        document $
        path_item $['paths']['/a']
        operation $['paths']['/a']['get']
        response $['paths']['/a']['get']['responses']['200']
    """
    holder = {"$": document}
    _visit(Site(holder, "$", "document", ()), pre, post)


def _visit(site: Site, pre: Visitor | None, post: Visitor | None) -> None:
    if not isinstance(site.node, dict):
        return
    if pre is not None:
        pre(site)
    for child in list(_children(site)):
        _visit(child, pre, post)
    if post is not None:
        post(site)


def _children(site: Site) -> Iterator[Site]:
    node = site.node
    if not isinstance(node, dict):
        return
    for key, shape, kind in _CHILDREN[site.kind]:
        value = node.get(key)
        path = (*site.path, key)
        if shape == "one" and key in node:
            yield Site(node, key, kind, path)
        elif shape == "map" and isinstance(value, dict):
            yield from (Site(value, name, kind, (*path, name)) for name in list(value))
        elif shape == "list" and isinstance(value, list):
            yield from (Site(value, index, kind, (*path, index)) for index in range(len(value)))
