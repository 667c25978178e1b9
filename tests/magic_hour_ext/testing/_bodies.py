"""Request bodies built from a tool's schema, for the tests of the local server's create endpoints."""

from collections.abc import Mapping
from typing import Any

URL = "https://example.com/input.png"  # never fetched: the local server takes URLs as they are


def minimal(schema: Mapping[str, Any], *, fill: str = URL) -> Any:
    """The smallest value *schema* accepts: required fields only, the first enum value, minimums.

    Strings without an enum get *fill* (long enough for any minLength of the catalog's schemas).
    """
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: minimal(properties[name], fill=fill) for name in schema.get("required", ())}
    if kind == "array":
        return [minimal(schema["items"], fill=fill) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        return fill
    if kind in ("integer", "number"):
        low = schema.get("minimum", 0)
        step = schema.get("multipleOf")
        if step:
            low = -(-low // step) * step
        return int(low) if kind == "integer" else low
    if kind == "boolean":
        return False
    raise AssertionError(f"no minimal value for {schema!r}")
