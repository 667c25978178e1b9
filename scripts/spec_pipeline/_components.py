"""Moving the inline objects that the overlay named into `components`, and referring to them.

Upstream writes every schema and response inline. The overlay gives the ones that deserve a name
(a class in the generated client) an ``x-component-name``; this step moves each into
``components/<section>/<name>``, leaves a ``$ref`` in its place, and drops the marker. Objects that
carry the same name must be identical, and then become one component (the same error body under
every operation, say): when upstream makes them differ, the step fails and says where, instead of
silently picking one.
"""

import re
from typing import Any

from ._errors import SpecError
from ._walk import Kind, Site, walk

__all__ = ["NAME_KEY", "hoist_components"]

#: The vendor extension that names an inline object for the components.
NAME_KEY = "x-component-name"

_SECTIONS: dict[Kind, str] = {
    "schema": "schemas",
    "response": "responses",
    "parameter": "parameters",
    "request_body": "requestBodies",
    "header": "headers",
    "path_item": "pathItems",
}
# What OpenAPI allows as a component name.
_VALID_NAME = re.compile(r"[A-Za-z0-9._-]+")


def hoist_components(document: dict[str, Any]) -> None:
    """Move every object named with ``x-component-name`` into the components, in place.

    Inner objects move first, so a named response that holds a named schema refers to it.

    Raises:
        SpecError: a name is invalid, names something that cannot be a component, or names two
            different objects.

    Example:
        >>> error = {"type": "object", "x-component-name": "Error"}
        >>> doc = {"paths": {"/a": {"get": {"responses": {
        ...     "400": {"description": "Bad", "content": {"application/json": {"schema": error}}},
        ...     "404": {"description": "Gone", "content": {"application/json": {"schema": dict(error)}}},
        ... }}}}}
        >>> hoist_components(doc)
        >>> doc["components"]
        {'schemas': {'Error': {'type': 'object'}}}
        >>> doc["paths"]["/a"]["get"]["responses"]["404"]["content"]["application/json"]["schema"]
        {'$ref': '#/components/schemas/Error'}
    """
    components = document.get("components")
    existing: dict[str, Any] = components if isinstance(components, dict) else {}
    hoisted: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}

    def hoist(site: Site) -> None:
        node: dict[str, Any] = site.node
        if NAME_KEY not in node:
            return
        name = node[NAME_KEY]
        section = _SECTIONS.get(site.kind)
        if section is None:
            raise SpecError(
                f"{NAME_KEY} at {site.location}: a {site.kind.replace('_', ' ')} cannot be a component"
            )
        if not isinstance(name, str) or not _VALID_NAME.fullmatch(name):
            raise SpecError(f"{NAME_KEY} at {site.location}: {name!r} is not a valid component name")
        body = {key: value for key, value in node.items() if key != NAME_KEY}
        is_the_component = site.path == ("components", section, name)
        previous = hoisted.get((section, name))
        if previous is None and not is_the_component:
            upstream = (
                existing.get(section, {}).get(name) if isinstance(existing.get(section), dict) else None
            )
            previous = None if upstream is None else (upstream, f"$['components']['{section}']['{name}']")
        if previous is not None and previous[0] != body:
            raise SpecError(
                f"two different {site.kind.replace('_', ' ')}s are both named {name!r}, at {previous[1]} "
                f"and at {site.location}: upstream made them differ; give them different names in "
                "the overlay, or make them the same there"
            )
        hoisted[(section, name)] = (body, site.location)
        if is_the_component:
            del node[NAME_KEY]
        else:
            site.container[site.key] = {"$ref": f"#/components/{section}/{name}"}

    walk(document, post=hoist)
    if hoisted:
        target = document.setdefault("components", {})
        for (section, name), (body, _) in hoisted.items():
            target.setdefault(section, {})[name] = body
