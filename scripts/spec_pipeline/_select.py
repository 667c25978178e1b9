"""Keeping the operations on the committed list, and what they need, out of the upstream document."""

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ._errors import SpecError
from ._json import JSON, as_list, mapping
from ._walk import METHODS

__all__ = ["Operation", "parse_operations", "select_operations"]

#: Path-item keys that belong to every operation of the path.
_PATH_ITEM_SHARED = ("summary", "description", "servers", "parameters")
#: The top-level keys kept besides paths and components (extensions and webhooks are not).
_TOP_LEVEL = ("openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "externalDocs")
_LINE = re.compile(r"^\s*([A-Za-z]+)\s+(/\S*)\s*$")


@dataclass(frozen=True, order=True)
class Operation:
    """One operation of the API: an HTTP method (lower case) on a path template.

    Example:
        >>> Operation.parse("GET /v1/image-projects/{id}")
        Operation(method='get', path='/v1/image-projects/{id}')
    """

    method: str
    path: str

    @classmethod
    def parse(cls, line: str) -> "Operation":
        """Read ``"METHOD /path"``.

        Raises:
            SpecError: the line is not a known HTTP method followed by a path.
        """
        match = _LINE.match(line)
        if match is None or match.group(1).lower() not in METHODS:
            raise SpecError(f"{line!r} is not an operation: write it as `GET /v1/image-projects/{{id}}`")
        return cls(match.group(1).lower(), match.group(2))

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"


def parse_operations(document: JSON, *, name: str = "operation list") -> list[Operation]:
    """Read the committed operation list: ``{"operations": ["GET /path", ...]}``.

    Raises:
        SpecError: the document has no non-empty ``operations`` list, or an entry is malformed.

    Example:
        >>> parse_operations({"operations": ["GET /a", "DELETE /a"]})
        [Operation(method='get', path='/a'), Operation(method='delete', path='/a')]
    """
    entries = document.get("operations") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries or not all(isinstance(e, str) for e in entries):
        raise SpecError(f"{name} needs `operations`: a list of lines like `GET /v1/image-projects/{{id}}`")
    operations = [Operation.parse(entry) for entry in entries]
    if len(set(operations)) != len(operations):
        raise SpecError(f"{name} lists an operation twice")
    return operations


def select_operations(
    upstream: dict[str, Any], operations: list[Operation]
) -> tuple[dict[str, Any], list[str]]:
    """Return a new document with only the listed operations, and the listed ones upstream lacks.

    Kept with them: their path items' shared keys (parameters, ...), the security schemes and tags
    they use, and every component that they reference, directly or not. Nothing is shared with
    ``upstream``.

    Raises:
        SpecError: the document is not OpenAPI 3.x, or has no paths.

    Example:
        >>> upstream = {"openapi": "3.0.2", "info": {"title": "t", "version": "1"},
        ...             "paths": {"/a": {"get": {"responses": {}}}, "/b": {"get": {"responses": {}}}}}
        >>> doc, missing = select_operations(upstream, [Operation("get", "/a"), Operation("get", "/c")])
        >>> list(doc["paths"]), missing
        (['/a'], ['GET /c'])
    """
    version = upstream.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        found = "Swagger 2.0" if "swagger" in upstream else f"openapi: {version!r}"
        raise SpecError(f"the upstream document is not OpenAPI 3.x ({found})")
    upstream_paths = upstream.get("paths")
    if not isinstance(upstream_paths, dict):
        raise SpecError("the upstream document has no `paths` object")

    paths: dict[str, Any] = {}
    missing = []
    for operation in operations:
        item = upstream_paths.get(operation.path)
        if not isinstance(item, dict) or not isinstance(item.get(operation.method), dict):
            missing.append(str(operation))
            continue
        kept = paths.setdefault(operation.path, {k: item[k] for k in _PATH_ITEM_SHARED if k in item})
        kept[operation.method] = item[operation.method]
    # Path items and methods in upstream order, whatever the order of the list.
    order = {path: index for index, path in enumerate(upstream_paths)}
    paths = {path: _in_method_order(paths[path]) for path in sorted(paths, key=order.__getitem__)}

    document: dict[str, Any] = {key: upstream[key] for key in _TOP_LEVEL if key in upstream}
    document["paths"] = paths
    components = _referenced_components(upstream, paths)
    schemes = _security_schemes(upstream, document)
    if schemes:
        components["securitySchemes"] = schemes
    if components:
        document["components"] = components
    if "tags" in document:
        used = {tag for item in paths.values() for op in _operations(item) for tag in as_list(op.get("tags"))}
        document["tags"] = [
            tag for tag in as_list(document["tags"]) if isinstance(tag, dict) and tag.get("name") in used
        ]
        if not document["tags"]:
            del document["tags"]
    return copy.deepcopy(document), missing


def _in_method_order(item: dict[str, Any]) -> dict[str, Any]:
    shared = {key: value for key, value in item.items() if key not in METHODS}
    return shared | {method: item[method] for method in METHODS if method in item}


def _operations(item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from (item[method] for method in METHODS if isinstance(item.get(method), dict))


def _referenced_components(upstream: dict[str, Any], paths: dict[str, Any]) -> dict[str, Any]:
    """The components that ``paths`` reference, following references inside components too."""
    kept: dict[str, dict[str, Any]] = {}
    pending = list(_refs(paths))
    while pending:
        ref = pending.pop()
        parts = ref.removeprefix("#/components/").split("/")
        if not ref.startswith("#/components/") or len(parts) != 2:
            continue  # not a component: left for validation to judge
        section, name = (part.replace("~1", "/").replace("~0", "~") for part in parts)
        if name in kept.get(section, {}):
            continue
        target = mapping(upstream, "components", section).get(name)
        if target is None:
            continue  # left for the overlay to add, or for validation to report
        kept.setdefault(section, {})[name] = target
        pending.extend(_refs(target))
    return {section: dict(sorted(kept[section].items())) for section in sorted(kept)}


def _refs(value: JSON) -> Iterator[str]:
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str):
            yield ref
        for item in value.values():
            yield from _refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item)


def _security_schemes(upstream: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    requirements = list(as_list(document.get("security")))
    for item in document["paths"].values():
        requirements.extend(req for op in _operations(item) for req in as_list(op.get("security")))
    names = {name for requirement in requirements if isinstance(requirement, dict) for name in requirement}
    schemes = mapping(upstream, "components", "securitySchemes")
    return {name: scheme for name, scheme in schemes.items() if name in names}
