"""Converting an OpenAPI 3.0 document to 3.1, where 3.1 says the same thing differently.

- ``nullable: true`` becomes a ``"null"`` type: ``type: [string, "null"]`` for a plain schema, and
  ``oneOf: [<schema>, {type: "null"}]`` around a schema that is a reference, a combination or is
  named for the components (see `spec_pipeline._components`), whose value annotations
  (``examples``, ``default``, ``deprecated``, ...) move out to the wrapper;
- a schema's ``example`` becomes ``examples: [example]``, except the example of a whole request or
  response body, which moves to its media type (where 3.1 documents one);
- boolean ``exclusiveMinimum``/``exclusiveMaximum`` become the numbers they qualified.

Everything else is left alone, and a 3.1 document goes through unchanged.
"""

from typing import Any

from ._components import NAME_KEY
from ._walk import Site, walk

__all__ = ["to_openapi_31"]

OPENAPI_VERSION = "3.1.0"
_NULL = "null"
#: Annotations about the value at the place of use, which may be null: they go on the wrapper.
_VALUE_ANNOTATIONS = ("examples", "default", "deprecated", "readOnly", "writeOnly")
_COMBINATIONS = ("$ref", "allOf", "oneOf", "anyOf")


def to_openapi_31(document: dict[str, Any]) -> None:
    """Convert ``document`` in place to OpenAPI 3.1.0.

    Example:
        >>> doc = {"openapi": "3.0.2", "components": {"schemas": {"Name": {
        ...     "type": "string", "nullable": True, "example": "Ada"}}}}
        >>> to_openapi_31(doc)
        >>> doc["openapi"], doc["components"]["schemas"]["Name"]
        ('3.1.0', {'type': ['string', 'null'], 'examples': ['Ada']})
    """
    if str(document.get("openapi", "")).startswith("3.0"):
        document["openapi"] = OPENAPI_VERSION
    walk(document, pre=_convert)


def _convert(site: Site) -> None:
    if site.kind == "media_type":
        _move_body_example(site.node)
    elif site.kind == "schema":
        schema = site.node
        _convert_exclusive_bounds(schema)
        if "example" in schema:
            schema = _replace_key(schema, "example", "examples", [schema["example"]])
        nullable = schema.get("nullable")
        if "nullable" in schema:
            schema = {key: value for key, value in schema.items() if key != "nullable"}
        if nullable is True:
            schema = _allow_null(schema)
        site.container[site.key] = schema


def _move_body_example(media_type: dict[str, Any]) -> None:
    schema = media_type.get("schema")
    if isinstance(schema, dict) and "example" in schema and not {"example", "examples"} & media_type.keys():
        media_type["example"] = schema.pop("example")


def _convert_exclusive_bounds(schema: dict[str, Any]) -> None:
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = schema.get(exclusive)
        if isinstance(flag, bool):
            del schema[exclusive]
            if flag and bound in schema:
                schema[exclusive] = schema.pop(bound)


def _allow_null(schema: dict[str, Any]) -> dict[str, Any]:
    if NAME_KEY not in schema and not any(key in schema for key in _COMBINATIONS):
        kind = schema.get("type")
        if isinstance(kind, str):
            schema = _replace_key(schema, "type", "type", [kind, _NULL])
        elif isinstance(kind, list) and _NULL not in kind:
            schema = _replace_key(schema, "type", "type", [*kind, _NULL])
        if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
            schema = _replace_key(schema, "enum", "enum", [*schema["enum"], None])
        return schema  # without a type, null was allowed already
    # A wrapper: the description stays on a named schema too, which carries it into the components.
    wrapper: dict[str, Any] = {}
    inner = dict(schema)
    if "description" in inner:
        wrapper["description"] = inner["description"] if NAME_KEY in inner else inner.pop("description")
    for key in _VALUE_ANNOTATIONS:
        if key in inner:
            wrapper[key] = inner.pop(key)
    wrapper["oneOf"] = [inner, {"type": _NULL}]
    return wrapper


def _replace_key(mapping: dict[str, Any], old: str, new: str, value: Any) -> dict[str, Any]:
    """A copy of ``mapping`` with ``old`` replaced by ``new: value`` at the same position."""
    if new != old and new in mapping:
        return {key: item for key, item in mapping.items() if key != old}
    return {(new if key == old else key): (value if key == old else item) for key, item in mapping.items()}
