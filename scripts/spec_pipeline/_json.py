"""JSON-like data as documents load into: the type, and safe ways to look inside it."""

from typing import Any

__all__ = ["JSON", "as_list", "mapping"]

#: A JSON-like value: dicts with string keys, lists, strings, numbers, booleans and None.
JSON = Any


def mapping(value: JSON, *keys: str) -> dict[str, Any]:
    """``value[k1][k2]...``, or an empty dict where something is missing or not a mapping.

    Example:
        >>> mapping({"components": {"schemas": {"A": {}}}}, "components", "schemas")
        {'A': {}}
        >>> mapping({"components": "oops"}, "components", "schemas")
        {}
    """
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, dict) else {}


def as_list(value: JSON) -> list[Any]:
    """``value`` if it is a list, else an empty list.

    Example:
        >>> as_list("oops"), as_list([1])
        ([], [1])
    """
    return value if isinstance(value, list) else []
