"""What changed between two OpenAPI documents, and whether it breaks code written for the old one.

Each operation is flattened into facts: its parameters, its request body's fields and, for each
response status, the fields of the body (``downloads[].url``), each with its types, whether it
is required, and its enum values. ``$ref`` is followed, and ``oneOf``/``anyOf``/``allOf`` merged.

Whether a change breaks a client depends on the direction the data goes:

- what the client reads (responses) may narrow but not widen: a field removed, a type widened
  (null added, say), a field that may now be missing, a status no longer documented all break;
  a field added, a field now always present, a type narrowed do not. A new enum value in a
  response does not break either: the generated client keeps values it does not know;
- what the client sends (parameters, request bodies) may widen but not narrow: a new required
  input, an input removed, a type narrowed, an enum value removed break; new optional inputs do not;
- an operation or a model (``components/schemas``) removed breaks code that uses it; one added
  does not.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ._json import JSON, as_list, mapping
from ._walk import METHODS

__all__ = ["Change", "compare", "format_report"]


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new document.

    Example:
        >>> print(Change("GET /a", "response 200: field `id` removed", breaking=True))
        BREAKING  GET /a: response 200: field `id` removed
    """

    where: str
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{'BREAKING' if self.breaking else 'ok':<8}  {self.where}: {self.what}"


@dataclass(frozen=True)
class _Field:
    types: frozenset[str]
    required: bool
    enum: frozenset[str] | None  # JSON-encoded values; None when any value of the types goes


@dataclass
class _Shape:
    types: set[str] = field(default_factory=set)
    enum: set[str] | None = None
    properties: dict[str, list[JSON]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: list[JSON] = field(default_factory=list)
    refs: frozenset[str] = frozenset()  # the $refs followed to get here: where recursion stops


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """List the changes from ``old`` to ``new``, operations first, in document order.

    Example:
        >>> def doc(*props):
        ...     schema = {"type": "object", "properties": {p: {"type": "string"} for p in props}}
        ...     ok = {"description": "OK", "content": {"application/json": {"schema": schema}}}
        ...     return {"paths": {"/a": {"get": {"responses": {"200": ok}}}}}
        >>> for change in compare(doc("id", "name"), doc("id", "size")):
        ...     print(change)
        BREAKING  GET /a: response 200: field `name` removed
        ok        GET /a: response 200: field `size` added
    """
    changes: list[Change] = []
    old_ops, new_ops = _operations(old), _operations(new)
    for key in _union(old_ops, new_ops):
        if key not in new_ops:
            changes.append(Change(key, "operation removed", breaking=True))
        elif key not in old_ops:
            changes.append(Change(key, "operation added", breaking=False))
        else:
            changes.extend(_compare_operation(key, old, old_ops[key], new, new_ops[key]))
    old_models, new_models = mapping(old, "components", "schemas"), mapping(new, "components", "schemas")
    for name in _union(old_models, new_models):
        if name not in new_models:
            changes.append(
                Change("components", f"schema `{name}` (a generated model) removed", breaking=True)
            )
        elif name not in old_models:
            changes.append(Change("components", f"schema `{name}` added", breaking=False))
    return changes


def format_report(changes: list[Change], *, text_changed: bool) -> str:
    """Render the changes for a person, with a summary line first.

    Example:
        >>> print(format_report([], text_changed=True))
        No change to the API: only descriptions, examples or layout differ.
    """
    if not changes:
        if text_changed:
            return "No change to the API: only descriptions, examples or layout differ."
        return "No change: openapi.yaml is up to date."
    breaking = sum(change.breaking for change in changes)
    head = f"{len(changes)} change{'s' * (len(changes) != 1)} to the API, {breaking} breaking for a client:"
    return "\n".join([head, *(f"  {change}" for change in changes)])


def _compare_operation(key: str, old_doc: JSON, old: JSON, new_doc: JSON, new: JSON) -> Iterator[Change]:
    old_params, new_params = _parameters(old_doc, old), _parameters(new_doc, new)
    for label in _union(old_params, new_params):
        yield from _compare_field(key, label, old_params.get(label), new_params.get(label), reading=False)

    old_body, new_body = _request_body(old_doc, old), _request_body(new_doc, new)
    yield from _compare_fields(key, "request", old_body, new_body, reading=False)

    old_responses, new_responses = _responses(old_doc, old), _responses(new_doc, new)
    for status in _union(old_responses, new_responses):
        if status not in new_responses:
            yield Change(key, f"response {status} no longer documented", breaking=True)
        elif status not in old_responses:
            yield Change(key, f"response {status} added", breaking=False)
        else:
            yield from _compare_fields(
                key, f"response {status}", old_responses[status], new_responses[status], reading=True
            )


def _compare_fields(
    key: str, label: str, old: dict[str, _Field], new: dict[str, _Field], *, reading: bool
) -> Iterator[Change]:
    gone_or_new: list[str] = []
    for path in _union(old, new):
        if any(_is_inside(path, parent) for parent in gone_or_new):
            continue  # inside a field already reported as added or removed
        name = f"field `{path}`" if path else "body"
        if (path in old) != (path in new):
            gone_or_new.append(path)
        yield from _compare_field(key, f"{label}: {name}", old.get(path), new.get(path), reading=reading)


def _is_inside(path: str, parent: str) -> bool:
    if not parent:
        return bool(path)
    return path.startswith((f"{parent}.", f"{parent}[]"))


def _compare_field(
    key: str, label: str, old: _Field | None, new: _Field | None, *, reading: bool
) -> Iterator[Change]:
    if old is None and new is not None:
        if reading:
            yield Change(key, f"{label} added", breaking=False)
        else:
            kind = "required" if new.required else "optional"
            yield Change(key, f"{label} added, {kind}", breaking=new.required)
        return
    if new is None or old is None:
        yield Change(key, f"{label} removed", breaking=True)
        return
    if old.types != new.types:
        # Reading, the new types must be among the old ones; sending, the old among the new.
        safe = new.types <= old.types if reading else old.types <= new.types
        yield Change(key, f"{label}: type {_types(old.types)} -> {_types(new.types)}", breaking=not safe)
    if old.enum != new.enum:
        if old.enum is None or new.enum is None:
            what = (
                "now limited to a list of values"
                if old.enum is None
                else "no longer limited to a list of values"
            )
            yield Change(key, f"{label}: {what}", breaking=True)
        else:
            for value in sorted(new.enum - old.enum):
                note = " (unknown values are kept by the client)" if reading else ""
                yield Change(key, f"{label}: enum value {value} added{note}", breaking=False)
            for value in sorted(old.enum - new.enum):
                yield Change(key, f"{label}: enum value {value} removed", breaking=True)
    if old.required != new.required:
        if reading:
            what, breaking = ("now always present", False) if new.required else ("may now be missing", True)
        else:
            what, breaking = ("now required", True) if new.required else ("now optional", False)
        yield Change(key, f"{label}: {what}", breaking=breaking)


def _types(types: frozenset[str]) -> str:
    return " | ".join(sorted(types)) or "any"


def _operations(document: JSON) -> dict[str, dict[str, Any]]:
    """Operations by ``"GET /path"``, each with its path item's parameters joined to its own."""
    operations = {}
    for path, item in mapping(document, "paths").items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                shared = [p for p in as_list(item.get("parameters")) if isinstance(p, dict)]
                joined = dict(operation, parameters=shared + as_list(operation.get("parameters")))
                operations[f"{method.upper()} {path}"] = joined
    return operations


def _parameters(document: JSON, operation: dict[str, Any]) -> dict[str, _Field]:
    fields = {}
    for raw in operation["parameters"]:
        parameter = _resolve(document, raw)
        if isinstance(parameter.get("name"), str):
            label = f"{parameter.get('in', '?')} parameter `{parameter['name']}`"
            schema = _resolve(document, parameter.get("schema"))
            shape = _shape(document, schema, frozenset())
            fields[label] = _Field(
                frozenset(shape.types), parameter.get("required") is True, _frozen(shape.enum)
            )
    return fields


def _request_body(document: JSON, operation: dict[str, Any]) -> dict[str, _Field]:
    body = _resolve(document, operation.get("requestBody"))
    if not body:
        return {}
    fields: dict[str, _Field] = {}
    _flatten(document, _body_schema(document, body), "", body.get("required") is True, fields, frozenset())
    return fields


def _responses(document: JSON, operation: dict[str, Any]) -> dict[str, dict[str, _Field]]:
    responses = {}
    for status, raw in mapping(operation, "responses").items():
        response = _resolve(document, raw)
        fields: dict[str, _Field] = {}
        schema = _body_schema(document, response)
        if schema is not None:
            _flatten(document, schema, "", True, fields, frozenset())
        responses[str(status)] = fields
    return responses


def _body_schema(document: JSON, holder: dict[str, Any]) -> JSON:
    """The schema of the JSON content (or else the first content) of a response or request body."""
    content = mapping(holder, "content")
    media = content.get("application/json", next(iter(content.values()), None))
    return _resolve(document, media).get("schema") if media is not None else None


def _flatten(
    document: JSON, schema: JSON, path: str, required: bool, out: dict[str, _Field], seen: frozenset[str]
) -> None:
    shape = _shape(document, schema, seen)
    out[path] = _Field(frozenset(shape.types), required, _frozen(shape.enum))
    refs = seen | shape.refs
    for name, subschemas in shape.properties.items():
        child = f"{path}.{name}" if path else name
        for subschema in subschemas:
            _flatten(document, subschema, child, name in shape.required, out, refs)
    for subschema in shape.items:
        _flatten(document, subschema, f"{path}[]", True, out, refs)


def _shape(document: JSON, raw: JSON, seen: frozenset[str]) -> _Shape:
    """Sum up a schema: ``$ref`` followed, ``allOf`` joined, ``oneOf``/``anyOf`` as alternatives."""
    ref = raw.get("$ref") if isinstance(raw, dict) else None
    if isinstance(ref, str) and ref in seen:
        return _Shape(types={f"recursive {ref.rsplit('/', 1)[-1]}"})
    seen = seen | _refs_of(raw)
    schema = _resolve(document, raw)
    shape = _own_shape(schema)
    shape.refs = seen
    for part in as_list(schema.get("allOf")):
        _join(shape, _shape(document, part, seen))
    alternatives = [
        _shape(document, alt, seen) for key in ("oneOf", "anyOf") for alt in as_list(schema.get(key))
    ]
    if alternatives:
        _join(shape, _either(alternatives))
    if not shape.types:
        shape.types = {"object"} if shape.properties else {"array"} if shape.items else {"any"}
    return shape


def _own_shape(schema: dict[str, Any]) -> _Shape:
    kind = schema.get("type")
    types = {kind} if isinstance(kind, str) else {t for t in as_list(kind) if isinstance(t, str)}
    if isinstance(schema.get("format"), str):
        types = {f"{t}({schema['format']})" if t != "null" else t for t in types}
    enum: set[str] | None = None
    if "const" in schema:
        enum = {_encode(schema["const"])}
    elif isinstance(schema.get("enum"), list):
        enum = {_encode(value) for value in schema["enum"]}
    properties = {name: [sub] for name, sub in mapping(schema, "properties").items()}
    required = {name for name in as_list(schema.get("required")) if isinstance(name, str)}
    items = [schema["items"]] if isinstance(schema.get("items"), dict) else []
    return _Shape(types, enum, properties, required, items)


def _join(shape: _Shape, other: _Shape) -> None:
    """``allOf``: the value is both."""
    if not shape.types:
        shape.types = set(other.types)
    elif other.types != {"any"}:
        shape.types &= other.types
    if other.enum is not None:
        shape.enum = other.enum if shape.enum is None else shape.enum & other.enum
    for name, subschemas in other.properties.items():
        shape.properties.setdefault(name, []).extend(subschemas)
    shape.required |= other.required
    shape.items.extend(other.items)
    shape.refs |= other.refs


def _either(alternatives: list[_Shape]) -> _Shape:
    """``oneOf``/``anyOf``: the value is one of them."""
    result = _Shape()
    valued = [alt for alt in alternatives if alt.types != {"null"}]
    for alt in alternatives:
        result.types |= alt.types
        for name, subschemas in alt.properties.items():
            result.properties.setdefault(name, []).extend(subschemas)
        result.items.extend(alt.items)
        result.refs |= alt.refs
    if valued and all(alt.enum is not None for alt in valued):
        result.enum = set().union(*(alt.enum or set() for alt in valued))
    objects = [alt.required for alt in valued if alt.properties]
    result.required = set.intersection(*objects) if objects else set()
    return result


def _resolve(document: JSON, node: JSON) -> dict[str, Any]:
    """Follow local ``$ref`` chains; anything that resolves to no object is an empty object."""
    seen = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        target: JSON = document
        for token in node["$ref"].removeprefix("#/").split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            target = target.get(token) if isinstance(target, dict) else None
        node = target
    return node if isinstance(node, dict) and "$ref" not in node else {}


def _refs_of(schema: JSON) -> frozenset[str]:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return frozenset({ref}) if isinstance(ref, str) else frozenset()


def _encode(value: JSON) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _frozen(values: set[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def _union(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The keys of both, old ones in their order, then the new ones in theirs."""
    return [*old, *(key for key in new if key not in old)]
