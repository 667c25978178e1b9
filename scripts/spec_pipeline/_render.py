"""Writing an OpenAPI document as YAML, the same bytes for the same document on every machine."""

import copy
from typing import Any

import yaml

from ._walk import Site, walk

__all__ = ["arrange", "render"]

_TOP_LEVEL = ("openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "paths", "webhooks")
_SECTIONS = (
    "securitySchemes",
    "parameters",
    "headers",
    "requestBodies",
    "responses",
    "schemas",
    "examples",
    "links",
    "callbacks",
    "pathItems",
)
_WIDTH = 120


def arrange(document: dict[str, Any]) -> dict[str, Any]:
    """A copy with its keys in a fixed order, so the file changes only when the content does.

    Top-level keys go in the order of the OpenAPI specification, component sections in a fixed
    order, and components by name. Paths, responses and properties keep their order (it is the
    order of the generated code), except that a schema's properties follow its ``required`` list:
    an overlay can only append a property, and this puts it where the API lists it.

    Example:
        >>> arrange({"paths": {}, "openapi": "3.1.0", "components": {"schemas": {"B": {}, "A": {}}}})
        {'openapi': '3.1.0', 'paths': {}, 'components': {'schemas': {'A': {}, 'B': {}}}}
        >>> schema = {"properties": {"a": {}, "b": {}, "c": {}, "x": {}}, "required": ["a", "x", "b"]}
        >>> arranged = arrange({"components": {"schemas": {"A": schema}}})
        >>> list(arranged["components"]["schemas"]["A"]["properties"])
        ['a', 'x', 'b', 'c']
    """
    document = copy.deepcopy(document)
    walk(document, pre=_order_properties)
    arranged = {key: document[key] for key in _TOP_LEVEL if key in document}
    arranged |= {key: document[key] for key in document if key not in (*_TOP_LEVEL, "components")}
    components = document.get("components")
    if isinstance(components, dict):
        ordered = [section for section in _SECTIONS if section in components]
        ordered += sorted(section for section in components if section not in _SECTIONS)
        arranged["components"] = {
            section: dict(sorted(components[section].items()))
            if isinstance(components[section], dict)
            else components[section]
            for section in ordered
        }
    elif components is not None:
        arranged["components"] = components
    return arranged


def _order_properties(site: Site) -> None:
    schema = site.node
    properties, required = schema.get("properties"), schema.get("required")
    if site.kind != "schema" or not isinstance(properties, dict) or not isinstance(required, list):
        return
    rank = {name: index for index, name in reversed(list(enumerate(required))) if isinstance(name, str)}
    # An optional property stays right after the required property it follows.
    anchor = -1
    keys = []
    for position, name in enumerate(properties):
        anchor = rank.get(name, anchor)
        keys.append(((anchor, name not in rank, position), name))
    order = [name for _, name in sorted(keys)]
    schema["properties"] = {name: properties[name] for name in order}


class _Dumper(yaml.SafeDumper):
    """Block style, keys in insertion order, multi-line text as literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # PyYAML falls back to a quoted style by itself where a literal block cannot hold the text.
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def render(document: dict[str, Any]) -> str:
    """Arrange the document (see `arrange`) and write it as YAML.

    Example:
        >>> print(render({"info": {"description": "One.\\nTwo."}, "openapi": "3.1.0"}), end="")
        openapi: 3.1.0
        info:
          description: |-
            One.
            Two.
    """
    return yaml.dump(
        arrange(document),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=_WIDTH,
        default_flow_style=False,
    )
