"""Reading a decoded JSON object against the spec, tolerantly: only what the job needs is strict.

The fields of a model, their JSON types and whether the spec requires them come from
``generated/catalog.py`` (made from openapi.yaml by ``make generate``). :func:`fit_object` returns
a copy of the object in which every known value fits the spec, so that the generated model's
``from_dict`` reads it without surprise:

- a *strict* field (one the spec requires, or one the caller names) that is missing or does not
  fit raises :class:`FieldError`, which names the field and the JSON type found, never the value;
- any other known field that is missing, null where null is not allowed, or of another JSON type
  is left out (the model reads it as UNSET), and reported in ``dropped``;
- an object value is read the same way, field by field, and an array value item by item: a
  required field of an object (``downloads[0].url``) that does not fit makes the whole value not
  fit;
- unknown fields are kept as they are;
- a date-time string must parse, and a naive one is taken as UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the catalog is large: imported when a body is first read (see _requests)
    from generated.catalog import JsonField

__all__ = ["FieldError", "field_name", "fit_object"]

# JSON types by Python type, exact (a bool is not an integer here).
_JSON_TYPES: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    list: "array",
    dict: "object",
}
_ARTICLES = {"integer": "an integer", "array": "an array", "object": "an object", "null": "null"}
_DATE_TIME = "date-time"
_INDEX = re.compile(r"\[\d+\]")


class FieldError(Exception):
    """A field is missing or does not fit the spec; the message names it, never its value.

    Attributes:
        field: Where it is, e.g. ``"downloads[0].url"``.
        problem: What is wrong, e.g. ``"is missing"`` or ``"is an integer, not a string"``.

    Example:
        >>> str(FieldError("id", "is missing"))
        "the field 'id' is missing"
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"the field {field!r} {problem}")


def field_name(field: str) -> str:
    """*field* without its array indexes: the same name for every item.

    Example:
        >>> field_name("downloads[3].url")
        'downloads[].url'
    """
    return _INDEX.sub("[]", field)


def fit_object(
    obj: Mapping[str, Any],
    fields: Mapping[str, JsonField],
    *,
    strict: Collection[str] = (),
    dropped: list[FieldError] | None = None,
    prefix: str = "",
) -> dict[str, Any]:
    """A copy of *obj* in which every field of *fields* fits the spec (see the module docstring).

    Args:
        obj: A decoded JSON object.
        fields: Its model's fields, from the catalog.
        strict: Fields that must fit although the spec does not require them.
        dropped: Receives a FieldError for each field left out.
        prefix: Put before field names in errors (``"downloads[0]."``).

    Raises:
        FieldError: a strict field is missing or does not fit.

    Example:
        >>> from generated.catalog import JsonField
        >>> fields = {"id": JsonField(("string",), True), "count": JsonField(("integer",), False)}
        >>> dropped: list[FieldError] = []
        >>> fit_object({"id": "p", "count": "5", "new": 1}, fields, dropped=dropped)
        {'id': 'p', 'new': 1}
        >>> [str(error) for error in dropped]
        ["the field 'count' is a string, not an integer"]
        >>> fit_object({"id": 5}, fields)
        Traceback (most recent call last):
        ...
        magic_hour_ext._tolerant.FieldError: the field 'id' is an integer, not a string
    """
    dropped = [] if dropped is None else dropped
    out = dict(obj)
    for name, shape in fields.items():
        label = prefix + name
        must = shape.required or name in strict
        try:
            if name not in obj:
                raise FieldError(label, "is missing")
            out[name] = _fit(obj[name], shape, label, dropped)
        except FieldError as error:
            if must:
                raise
            out.pop(name, None)
            dropped.append(error)
    return out


def _fit(value: Any, shape: JsonField, label: str, dropped: list[FieldError]) -> Any:
    found = _JSON_TYPES.get(type(value), "other")
    if found not in shape.types and not (found == "integer" and "number" in shape.types):
        raise FieldError(label, f"is {_a(found)}, not {' or '.join(map(_a, shape.types))}")
    if found == "string" and shape.format == _DATE_TIME:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise FieldError(label, "is a string that is not a date-time") from None
        return (moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment).isoformat()
    if found == "object" and shape.fields:
        return fit_object(value, shape.fields, dropped=dropped, prefix=f"{label}.")
    if found == "array" and shape.items is not None:
        return [_fit(item, shape.items, f"{label}[{i}]", dropped) for i, item in enumerate(value)]
    return value


def _a(json_type: str) -> str:
    return _ARTICLES.get(json_type, f"a {json_type}" if json_type != "other" else "of another type")
