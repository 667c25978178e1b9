"""The run-time catalog: what magic_hour_ext needs from openapi.yaml, written as a Python module.

``make generate`` runs ``scripts/write_catalog.py`` as a post hook of openapi-python-client; it
writes ``generated/catalog.py`` from the spec (openapi.yaml is not shipped in the wheel, and PyYAML
is not a runtime dependency). The catalog holds:

- the **project kinds**: a tag named ``<Kind> Projects`` (``Image Projects``) makes a kind
  (``image``). Its ``GET <prefix>{id}`` operation gives the path prefix and the model (the schema
  of its 200 response), whose properties are listed with their JSON types and requiredness, for
  tolerant reading;
- the **tools**: every ``POST`` operation of such a tag creates a project of that kind. Its name is
  the path after ``/v1/`` (``ai-image-generator``); its body and response models, its generated
  module and function, its file inputs (the properties marked ``x-file-input: image|video|audio``
  in the overlay, as paths into the body, ``"*"`` standing for every item of an array), and its
  request body as a JSON Schema with every ``$ref`` resolved and ``additionalProperties: false``
  on every object, for strict validation of request dicts.

Names of generated modules and classes are computed with openapi-python-client's own functions,
then checked against the files it wrote: a mismatch fails ``make generate``.
"""

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier

from ._errors import SpecError
from ._json import JSON, as_list, mapping

__all__ = ["FILE_INPUT_KEY", "Catalog", "build_catalog", "render_catalog"]

#: The vendor extension that marks a request property as an uploaded file of an asset type.
FILE_INPUT_KEY = "x-file-input"
ASSET_TYPES = ("image", "video", "audio")
_KIND_SUFFIX = " Projects"
_API_PREFIX = "/v1/"
# What a JSON Schema validator needs, and what people read; examples and extensions are dropped.
_DROPPED = ("example", "examples")
# openapi-python-client.yaml's field_prefix: what it puts before a name that is no identifier.
_PREFIX = "field_"


@dataclass(frozen=True)
class _Field:
    types: tuple[str, ...]
    required: bool
    format: str | None = None
    model: str | None = None
    fields: tuple[tuple[str, "_Field"], ...] = ()
    items: "_Field | None" = None


@dataclass(frozen=True)
class _Kind:
    name: str
    path_prefix: str
    model: str
    model_module: str
    api_module: str
    get_function: str
    delete_function: str | None
    fields: tuple[tuple[str, _Field], ...]


@dataclass(frozen=True)
class _Tool:
    name: str
    method: str
    path: str
    kind: str
    body_model: str
    response_model: str
    api_module: str
    function: str
    file_inputs: tuple[tuple[tuple[str, ...], str], ...]
    body_schema: dict[str, Any]


@dataclass(frozen=True)
class Catalog:
    """The project kinds and the tools, as read from the spec (see the module docstring).

    Example:
        >>> catalog = build_catalog(_EXAMPLE)
        >>> [kind.name for kind in catalog.kinds], [tool.name for tool in catalog.tools]
        (['image'], ['ai-image-generator'])
        >>> catalog.tools[0].file_inputs
        ((('assets', 'image_file_path'), 'image'),)
    """

    kinds: tuple[_Kind, ...]
    tools: tuple[_Tool, ...]


def build_catalog(spec: dict[str, Any], generated: Path | None = None) -> Catalog:
    """Read the project kinds and the tools from ``spec`` (openapi.yaml, loaded).

    Args:
        generated: the folder openapi-python-client wrote; when given, every module and class
            name is checked against its files.

    Raises:
        SpecError: the spec does not have what the catalog needs (a kind without its GET, a body
            or response that is not a named model, an unknown asset type, ...).
    """
    reader = _Reader(spec)
    kinds: list[_Kind] = []
    tools: list[_Tool] = []
    for tag in _tags(spec):
        if not tag.endswith(_KIND_SUFFIX):
            continue
        kind = tag.removesuffix(_KIND_SUFFIX).lower()
        operations = list(_operations(spec, tag))
        kinds.append(reader.kind(kind, tag, operations))
        tools.extend(
            reader.tool(kind, tag, path, operation)
            for method, path, operation in operations
            if method == "post"
        )
    catalog = Catalog(tuple(kinds), tuple(tools))
    if generated is not None:
        _check_names(catalog, generated)
    return catalog


def _tags(spec: dict[str, Any]) -> list[str]:
    """Tags in the order the document lists them, then any others operations use."""
    names = [tag["name"] for tag in as_list(spec.get("tags")) if isinstance(tag, dict) and "name" in tag]
    for _, _, operation in _all_operations(spec):
        names.extend(tag for tag in as_list(operation.get("tags")) if tag not in names)
    return names


def _all_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in mapping(spec, "paths").items():
        for method, operation in item.items():
            if isinstance(operation, dict) and method in ("get", "post", "put", "patch", "delete"):
                yield method, path, operation


def _operations(spec: dict[str, Any], tag: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for method, path, operation in _all_operations(spec):
        if tag in as_list(operation.get("tags")):
            yield method, path, operation


def _module_name(name: str) -> str:
    """The module openapi-python-client writes for a model or an operation (its snake_case)."""
    return str(PythonIdentifier(name, prefix=_PREFIX))


class _Reader:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def resolve(self, node: JSON) -> tuple[dict[str, Any], str | None]:
        """The object behind local ``$ref``s, and the component name of the last one."""
        name = None
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen or not ref.startswith("#/components/"):
                raise SpecError(f"cannot resolve {ref!r}")
            seen.add(ref)
            section, name = ref.removeprefix("#/components/").split("/", 1)
            node = mapping(self.spec, "components", section).get(name)
        if not isinstance(node, dict):
            raise SpecError(f"a $ref to {name!r} points nowhere")
        return node, name

    def body_schema(self, operation: dict[str, Any], where: str) -> tuple[dict[str, Any], str]:
        body, _ = self.resolve(operation.get("requestBody"))
        return self.json_schema(body, "request body", where)

    def json_schema(self, holder: dict[str, Any], what: str, where: str) -> tuple[dict[str, Any], str]:
        raw = mapping(holder, "content", "application/json").get("schema")
        schema, name = self.resolve(raw)
        if name is None:
            raise SpecError(f"{where}: the {what} is not a named model (give it an x-component-name)")
        return schema, name

    def kind(self, kind: str, tag: str, operations: list[tuple[str, str, dict[str, Any]]]) -> _Kind:
        gets = [(path, op) for method, path, op in operations if method == "get" and path.endswith("/{id}")]
        if len(gets) != 1:
            raise SpecError(
                f"the tag {tag!r} needs exactly one `GET .../{{id}}` (the project), not {len(gets)}"
            )
        path, get = gets[0]
        response, _ = self.resolve(mapping(get, "responses").get("200"))
        schema, model = self.json_schema(response, "200 response", f"GET {path}")
        deletes = [op for method, p, op in operations if method == "delete" and p == path]
        api_module = f"generated.api.{_module_name(tag)}"
        return _Kind(
            name=kind,
            path_prefix=path.removesuffix("{id}"),
            model=str(ClassName(model, prefix=_PREFIX)),
            model_module=f"generated.models.{_module_name(model)}",
            api_module=api_module,
            get_function=_module_name(_operation_id(get, f"GET {path}")),
            delete_function=_module_name(_operation_id(deletes[0], f"DELETE {path}")) if deletes else None,
            fields=self.fields(schema),
        )

    def field(self, raw: JSON, required: bool, depth: int = 0) -> _Field:
        if depth > 8:
            raise SpecError("a response model nests too deeply (recursive?)")
        schema, name = self.resolve(raw)
        alternatives = [
            self.resolve(alt) for alt in (*as_list(schema.get("oneOf")), *as_list(schema.get("anyOf")))
        ]
        if not alternatives:
            alternatives = [(schema, name)]
        types: list[str] = []
        result: dict[str, Any] = {}
        for alt, alt_name in alternatives:
            kind = alt.get("type")
            alt_types = [kind] if isinstance(kind, str) else [t for t in as_list(kind) if isinstance(t, str)]
            if not alt_types:
                alt_types = ["object"] if "properties" in alt else []
            types.extend(t for t in alt_types if t not in types)
            if isinstance(alt.get("format"), str):
                result["format"] = alt["format"]
            if "properties" in alt:
                result["fields"] = self.fields(alt, depth + 1)
                if alt_name is not None:
                    result["model"] = str(ClassName(alt_name, prefix=_PREFIX))
            if isinstance(alt.get("items"), dict):
                result["items"] = self.field(alt["items"], True, depth + 1)
        return _Field(types=tuple(types), required=required, **result)

    def fields(self, schema: dict[str, Any], depth: int = 0) -> tuple[tuple[str, _Field], ...]:
        required = set(as_list(schema.get("required")))
        return tuple(
            (name, self.field(prop, name in required, depth))
            for name, prop in mapping(schema, "properties").items()
        )

    def tool(self, kind: str, tag: str, path: str, operation: dict[str, Any]) -> _Tool:
        where = f"POST {path}"
        if not path.startswith(_API_PREFIX):
            raise SpecError(f"{where}: a tool's path starts with {_API_PREFIX}")
        body, body_model = self.body_schema(operation, where)
        response, _ = self.resolve(mapping(operation, "responses").get("200"))
        _, response_model = self.json_schema(response, "200 response", where)
        return _Tool(
            name=path.removeprefix(_API_PREFIX),
            method="POST",
            path=path,
            kind=kind,
            body_model=str(ClassName(body_model, prefix=_PREFIX)),
            response_model=str(ClassName(response_model, prefix=_PREFIX)),
            api_module=f"generated.api.{_module_name(tag)}",
            function=_module_name(_operation_id(operation, where)),
            file_inputs=tuple(self.file_inputs(body, (), where)),
            body_schema=self.strict_schema(body),
        )

    def file_inputs(
        self, raw: JSON, path: tuple[str, ...], where: str, depth: int = 0
    ) -> Iterator[tuple[tuple[str, ...], str]]:
        if depth > 16:
            raise SpecError(f"{where}: the request body nests too deeply (recursive?)")
        schema, _ = self.resolve(raw)
        marked = schema.get(FILE_INPUT_KEY)
        if marked is not None:
            if marked not in ASSET_TYPES:
                raise SpecError(
                    f"{where}: {FILE_INPUT_KEY} at {'.'.join(path)} is {marked!r}, not one of {ASSET_TYPES}"
                )
            yield path, marked
        for name, prop in mapping(schema, "properties").items():
            yield from self.file_inputs(prop, (*path, name), where, depth + 1)
        if isinstance(schema.get("items"), dict):
            yield from self.file_inputs(schema["items"], (*path, "*"), where, depth + 1)
        for key in ("oneOf", "anyOf", "allOf"):
            for alt in as_list(schema.get(key)):
                yield from self.file_inputs(alt, path, where, depth + 1)

    def strict_schema(self, raw: JSON, depth: int = 0) -> dict[str, Any]:
        """``raw`` with every ``$ref`` resolved, and no object open to properties it does not list."""
        if depth > 16:
            raise SpecError("a request body nests too deeply (recursive?)")
        schema, _ = self.resolve(raw)
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _DROPPED or key.startswith("x-"):
                continue
            if key in ("properties", "patternProperties", "$defs"):
                out[key] = {name: self.strict_schema(sub, depth + 1) for name, sub in value.items()}
            elif key in ("items", "not", "additionalProperties") and isinstance(value, dict):
                out[key] = self.strict_schema(value, depth + 1)
            elif key in ("oneOf", "anyOf", "allOf", "prefixItems"):
                out[key] = [self.strict_schema(sub, depth + 1) for sub in value]
            else:
                out[key] = value
        kind = out.get("type")
        is_object = kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in out
        if is_object and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out


def _operation_id(operation: dict[str, Any], where: str) -> str:
    operation_id = operation.get("operationId")
    if not isinstance(operation_id, str):
        raise SpecError(f"{where} has no operationId (the overlay names every operation)")
    return operation_id


def _check_names(catalog: Catalog, generated: Path) -> None:
    """Every module and class the catalog names exists in the folder openapi-python-client wrote."""

    def check(module: str, name: str | None = None) -> None:
        path = generated.joinpath(*module.split(".")[1:]).with_suffix(".py")
        if not path.is_file():
            raise SpecError(f"the catalog names {module}, but openapi-python-client wrote no {path.name}")
        if name is not None and f"class {name}" not in path.read_text(encoding="utf-8"):
            raise SpecError(f"the catalog names {module}.{name}, which {path.name} does not define")

    for kind in catalog.kinds:
        check(kind.model_module, kind.model)
        check(f"{kind.api_module}.{kind.get_function}")
        if kind.delete_function is not None:
            check(f"{kind.api_module}.{kind.delete_function}")
    for tool in catalog.tools:
        check(f"{tool.api_module}.{tool.function}")
        for model in (tool.body_model, tool.response_model):
            check(f"generated.models.{_module_name(model)}", model)


# --- Rendering ---

_HEADER = '''\
"""What magic_hour_ext needs from openapi.yaml at run time, as plain data.

Written by scripts/write_catalog.py (a post hook of ``make generate``) from openapi.yaml: do not
edit. openapi.yaml is not shipped in the wheel, and PyYAML is not a runtime dependency.

- ``PROJECT_KINDS``: each kind of project (``"image"``, ``"video"``, ``"audio"``), from the tags
  named ``<Kind> Projects``: its path prefix, its model, its generated get and delete functions,
  and the JSON types and requiredness of the model's fields (for tolerant reading).
- ``TOOLS``: each ``POST`` of such a tag, by the name the API spells (``"ai-image-generator"``):
  the kind of project it creates, its method and path, its body and response models, its
  generated module and function, its file inputs (marked ``x-file-input`` in the overlay), and
  its request body as a JSON Schema (no ``$ref``; ``additionalProperties: false`` on every object).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = ["PROJECT_KINDS", "TOOLS", "AssetType", "FileInput", "JsonField", "KindName", "ProjectKind", "Tool"]

#: A kind of project, as the catalog names it.
KindName = Literal["image", "video", "audio"]
#: The asset type of an uploaded file (the ``type`` of ``POST /v1/files/upload-urls``).
AssetType = Literal["image", "video", "audio"]


@dataclass(frozen=True)
class JsonField:
    """One property of a response model, as openapi.yaml defines it.

    Attributes:
        types: The JSON types its value may have: ``"string"``, ``"integer"``, ``"number"``,
            ``"boolean"``, ``"array"``, ``"object"``, ``"null"``.
        required: The schema lists it as required.
        format: The string format (``"date-time"``, ``"uri"``), or None.
        model: The generated model of an object value (``"ProjectError"``), or None.
        fields: The properties of an object value, or empty.
        items: The items of an array value, or None.
    """

    types: tuple[str, ...]
    required: bool
    format: str | None = None
    model: str | None = None
    fields: Mapping[str, "JsonField"] = field(default_factory=dict, compare=False, hash=False)
    items: "JsonField | None" = None


@dataclass(frozen=True)
class ProjectKind:
    """A kind of project: where it lives in the API, and its model.

    Attributes:
        name: ``"image"``, ``"video"`` or ``"audio"``.
        path_prefix: The API path of a project without its id (``"/v1/image-projects/"``).
        model: The generated model class (``"ImageProject"``), in ``model_module``.
        model_module: Its module (``"generated.models.image_project"``).
        api_module: The generated package of its operations (``"generated.api.image_projects"``).
        get_function: The module of its GET in ``api_module`` (``"get_image_project"``).
        delete_function: The module of its DELETE, or None.
        fields: The model's properties by JSON name.
    """

    name: KindName
    path_prefix: str
    model: str
    model_module: str
    api_module: str
    get_function: str
    delete_function: str | None
    fields: Mapping[str, JsonField] = field(compare=False, hash=False)


@dataclass(frozen=True)
class FileInput:
    """A request field whose value is an uploaded file's ``file_path`` (or a URL).

    Attributes:
        path: The keys from the body to the field; ``"*"`` stands for every item of an array
            (``("assets", "face_mappings", "*", "new_face")``).
        asset_type: The ``type`` to ask ``POST /v1/files/upload-urls`` for.
    """

    path: tuple[str, ...]
    asset_type: AssetType


@dataclass(frozen=True)
class Tool:
    """One create endpoint of the API.

    Attributes:
        name: The endpoint as the API spells it (``"ai-image-generator"``).
        method: ``"POST"``.
        path: ``"/v1/ai-image-generator"``.
        kind: The kind of project it creates.
        body_model: The generated model of its request body (``"AiImageGeneratorBody"``).
        response_model: The generated model of its 200 response (``"AiImageGeneratorResponse"``).
        api_module: Its generated package (``"generated.api.image_projects"``).
        function: Its module in ``api_module`` (``"create_ai_image_generator"``), with ``sync``,
            ``sync_detailed``, ``asyncio`` and ``asyncio_detailed``.
        file_inputs: The fields that take uploaded files.
        body_schema: Its request body as a JSON Schema: no ``$ref``, and
            ``additionalProperties: false`` on every object.
    """

    name: str
    method: str
    path: str
    kind: KindName
    body_model: str
    response_model: str
    api_module: str
    function: str
    file_inputs: tuple[FileInput, ...]
    body_schema: Mapping[str, Any] = field(compare=False, hash=False, repr=False)
'''


def render_catalog(catalog: Catalog) -> str:
    """The source of ``generated/catalog.py`` (ruff formats it afterwards).

    Example:
        >>> source = render_catalog(build_catalog(_EXAMPLE))
        >>> namespace: dict[str, Any] = {}
        >>> exec(compile(source, "catalog.py", "exec"), namespace)
        >>> namespace["TOOLS"]["ai-image-generator"].file_inputs
        (FileInput(path=('assets', 'image_file_path'), asset_type='image'),)
        >>> namespace["PROJECT_KINDS"]["image"].fields["status"]
        JsonField(types=('string',), required=True, format=None, model=None, fields={}, items=None)
    """
    kinds = ", ".join(f"{kind.name!r}: {_kind(kind)}" for kind in catalog.kinds)
    tools = ", ".join(f"{tool.name!r}: {_tool(tool)}" for tool in catalog.tools)
    return (
        f"{_HEADER}\n#: The kinds of project, by name.\n"
        f"PROJECT_KINDS: Final[Mapping[KindName, ProjectKind]] = {{{kinds}}}\n"
        f"\n#: The create endpoints, by the name the API spells.\n"
        f"TOOLS: Final[Mapping[str, Tool]] = {{{tools}}}\n"
    )


def _call(class_name: str, /, **arguments: str) -> str:
    return f"{class_name}({', '.join(f'{key}={value}' for key, value in arguments.items())})"


def _record(class_name: str, record: Any, **rendered: str) -> str:
    """``ClassName(field=repr(value), ...)`` for a dataclass, with some fields rendered already."""
    names = [item.name for item in dataclasses.fields(record)]
    return _call(class_name, **{name: rendered.get(name, repr(getattr(record, name))) for name in names})


def _fields(fields: tuple[tuple[str, _Field], ...]) -> str:
    return "{" + ", ".join(f"{name!r}: {_field(value)}" for name, value in fields) + "}"


def _field(value: _Field) -> str:
    arguments = {"types": repr(value.types), "required": repr(value.required)}
    if value.format is not None:
        arguments["format"] = repr(value.format)
    if value.model is not None:
        arguments["model"] = repr(value.model)
    if value.fields:
        arguments["fields"] = _fields(value.fields)
    if value.items is not None:
        arguments["items"] = _field(value.items)
    return _call("JsonField", **arguments)


def _kind(kind: _Kind) -> str:
    return _record("ProjectKind", kind, fields=_fields(kind.fields))


def _tool(tool: _Tool) -> str:
    inputs = [_call("FileInput", path=repr(path), asset_type=repr(asset)) for path, asset in tool.file_inputs]
    return _record("Tool", tool, file_inputs=f"({', '.join(inputs)}{',' if len(inputs) == 1 else ''})")


def _body(name: str) -> dict[str, Any]:
    return {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
    }


def _ok(name: str) -> dict[str, Any]:
    return {
        "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        }
    }


# A small spec for the examples: one kind, one tool with one file input.
_EXAMPLE: dict[str, Any] = {
    "tags": [{"name": "Image Projects"}],
    "paths": {
        "/v1/image-projects/{id}": {
            "get": {
                "tags": ["Image Projects"],
                "operationId": "getImageProject",
                "responses": _ok("ImageProject"),
            }
        },
        "/v1/ai-image-generator": {
            "post": {
                "tags": ["Image Projects"],
                "operationId": "createAiImageGenerator",
                "requestBody": _body("AiImageGeneratorBody"),
                "responses": _ok("AiImageGeneratorResponse"),
            }
        },
    },
    "components": {
        "schemas": {
            "ImageProject": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "status": {"type": "string"}},
                "required": ["id", "status"],
            },
            "AiImageGeneratorBody": {
                "type": "object",
                "properties": {
                    "assets": {
                        "type": "object",
                        "properties": {"image_file_path": {"type": "string", FILE_INPUT_KEY: "image"}},
                    }
                },
            },
            "AiImageGeneratorResponse": {"type": "object", "properties": {"id": {"type": "string"}}},
        }
    },
}
