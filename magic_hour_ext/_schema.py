"""Request bodies checked against a JSON Schema: the subset `generated.catalog`'s tool schemas use.

ONE validator, used on both sides: `generate` checks a request dict against its tool's
`body_schema` before anything is sent (unknown keys, wrong types, enum values the spec does not
list, ranges), and the local server (`magic_hour_ext.testing`) checks every create body the same
way, as the API would refuse it. It needs no dependency beyond the library's: the catalog's
schemas are self-contained (no `$ref`) and use a dozen keywords, which this walker implements
(a test checks it against `jsonschema` on every tool). A schema with any other keyword raises
`UnsupportedSchema` rather than being half-checked. `format` is an annotation, as JSON Schema
2020-12 says by default: not checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, Final

__all__ = ["KEYWORDS", "UnsupportedSchema", "first_problem"]

#: Keywords that say nothing about validity.
_ANNOTATIONS: Final = frozenset(
    {"description", "examples", "example", "default", "deprecated", "title", "format"}
)
#: Every keyword the walker understands.
KEYWORDS: Final = _ANNOTATIONS | {
    "type",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
}
_JSON_TYPES: Final = {
    bool: "boolean",
    str: "string",
    int: "integer",
    float: "number",
    list: "array",
    dict: "object",
    type(None): "null",
}


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this walker does not implement."""


def _type_name(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _has_type(value: object, expected: str) -> bool:
    if expected == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if expected == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return _type_name(value) == expected


def _where(path: str) -> str:
    return path or "the body"


def first_problem(value: Any, schema: Mapping[str, Any], path: str = "") -> str | None:
    """The first way *value* breaks *schema*, as "<field>: <problem>", or None when it is valid.

    Fields are named from the body: `assets.face_mappings[0].new_face`.

    Example:
        >>> schema = {
        ...     "type": "object",
        ...     "properties": {"n": {"type": "integer", "minimum": 1}},
        ...     "required": ["n"],
        ...     "additionalProperties": False,
        ... }
        >>> first_problem({"n": 2}, schema) is None
        True
        >>> first_problem({"n": 0}, schema), first_problem({"n": 1, "x": 1}, schema)
        ('n: must be >= 1, not 0', "the body: unknown field 'x'")
        >>> first_problem({}, schema)
        "the body: the field 'n' is required"
    """
    unknown = set(schema) - KEYWORDS
    if unknown:
        raise UnsupportedSchema(f"{_where(path)}: unsupported schema keywords {sorted(unknown)}")
    types = schema.get("type")
    if types is not None:
        expected = [types] if isinstance(types, str) else list(types)
        if not any(_has_type(value, t) for t in expected):
            return f"{_where(path)}: must be {' or '.join(expected)}, not {_type_name(value)}"
    if "enum" in schema and not any(value == v and type(value) is type(v) for v in schema["enum"]):
        allowed = ", ".join(repr(v) for v in schema["enum"])
        return f"{_where(path)}: must be one of {allowed}, not {value!r:.60}"
    if isinstance(value, dict):
        return _object_problem(value, schema, path)
    if isinstance(value, list):
        return _array_problem(value, schema, path)
    if isinstance(value, str):
        return _string_problem(value, schema, path)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number_problem(value, schema, path)
    return None


def _object_problem(value: dict[str, Any], schema: Mapping[str, Any], path: str) -> str | None:
    properties: Mapping[str, Any] = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            return f"{_where(path)}: the field {name!r} is required"
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        where = f"{path}.{name}" if path else name
        if name in properties:
            problem = first_problem(item, properties[name], where)
        elif extra is False:
            return f"{_where(path)}: unknown field {name!r:.60}"
        elif isinstance(extra, Mapping):
            problem = first_problem(item, extra, where)
        else:
            problem = None
        if problem is not None:
            return problem
    return None


def _array_problem(value: list[Any], schema: Mapping[str, Any], path: str) -> str | None:
    if "minItems" in schema and len(value) < schema["minItems"]:
        return f"{_where(path)}: must have at least {schema['minItems']} items, not {len(value)}"
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        return f"{_where(path)}: must have at most {schema['maxItems']} items, not {len(value)}"
    items = schema.get("items")
    if isinstance(items, Mapping):
        for index, item in enumerate(value):
            if (problem := first_problem(item, items, f"{path}[{index}]")) is not None:
                return problem
    return None


def _string_problem(value: str, schema: Mapping[str, Any], path: str) -> str | None:
    if "minLength" in schema and len(value) < schema["minLength"]:
        return f"{_where(path)}: must have at least {schema['minLength']} characters"
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        return f"{_where(path)}: must have at most {schema['maxLength']} characters"
    if "pattern" in schema and re.search(schema["pattern"], value) is None:
        return f"{_where(path)}: must match {schema['pattern']}, not {value!r:.60}"
    return None


def _number_problem(value: float, schema: Mapping[str, Any], path: str) -> str | None:
    if "minimum" in schema and value < schema["minimum"]:
        return f"{_where(path)}: must be >= {schema['minimum']}, not {value}"
    if "maximum" in schema and value > schema["maximum"]:
        return f"{_where(path)}: must be <= {schema['maximum']}, not {value}"
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        return f"{_where(path)}: must be > {schema['exclusiveMinimum']}, not {value}"
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        return f"{_where(path)}: must be < {schema['exclusiveMaximum']}, not {value}"
    step = schema.get("multipleOf")
    if step is not None:
        quotient = value / step
        # Tolerant of binary rounding (0.3 is a multiple of 0.1 here), unlike a strict float check.
        if not math.isfinite(quotient) or abs(quotient - round(quotient)) > 1e-9 * max(1.0, abs(quotient)):
            return f"{_where(path)}: must be a multiple of {step}, not {value}"
    return None
