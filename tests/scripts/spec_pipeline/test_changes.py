"""The change report: what changed, and whether it breaks a client, depending on who sends the data."""

import copy
from typing import Any

import pytest
from spec_pipeline import Change, compare, format_report


def _base() -> dict[str, Any]:
    project = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": ["string", "null"]},
            "status": {"$ref": "#/components/schemas/Status"},
            "downloads": {"type": "array", "items": {"$ref": "#/components/schemas/Download"}},
            "error": {"oneOf": [{"$ref": "#/components/schemas/Error"}, {"type": "null"}]},
            "note": {"type": "string"},
        },
        "required": ["id", "name", "status", "downloads", "error"],
    }
    return {
        "openapi": "3.1.0",
        "paths": {
            "/p/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {
                    "parameters": [
                        {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["a", "b"]}}
                    ],
                    "responses": {
                        "200": {"description": "OK", "content": {"application/json": {"schema": project}}},
                        "404": {"description": "No"},
                    },
                },
                "post": {
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"size": {"type": "integer"}}}
                            }
                        },
                    },
                    "responses": {"204": {"description": "Done"}},
                },
            }
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["queued", "complete"]},
                "Download": {
                    "type": "object",
                    "properties": {"url": {"type": "string", "format": "uri"}},
                    "required": ["url"],
                },
                "Error": {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]},
            }
        },
    }


def _changes(edit: Any) -> list[str]:
    old = _base()
    new = copy.deepcopy(old)
    edit(new)
    return [str(change) for change in compare(old, new)]


def _project(document: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = document["paths"]["/p/{id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    return schema


def _schemas(document: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return schemas


GET = "GET /p/{id}: response 200"
TOLERATED = "(unknown values are kept by the client)"


def test_identical_documents_have_no_changes() -> None:
    assert compare(_base(), _base()) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda d: _project(d)["properties"].pop("downloads"),
            [f"BREAKING  {GET}: field `downloads` removed"],
            id="a removed field is reported once, not its children",
        ),
        pytest.param(
            lambda d: _project(d)["properties"].update(width={"type": "integer"}),
            [f"ok        {GET}: field `width` added"],
            id="an added field",
        ),
        pytest.param(
            lambda d: _schemas(d)["Status"]["enum"].append("archived"),
            [f'ok        {GET}: field `status`: enum value "archived" added {TOLERATED}'],
            id="an enum value added, through a $ref",
        ),
        pytest.param(
            lambda d: _schemas(d)["Status"]["enum"].remove("queued"),
            [f'BREAKING  {GET}: field `status`: enum value "queued" removed'],
            id="an enum value removed",
        ),
        pytest.param(
            lambda d: _project(d)["properties"]["id"].update(type=["string", "null"]),
            [f"BREAKING  {GET}: field `id`: type string -> null | string"],
            id="a field that may now be null",
        ),
        pytest.param(
            lambda d: _project(d)["properties"]["name"].update(type="string"),
            [f"ok        {GET}: field `name`: type null | string -> string"],
            id="a field that is no longer null",
        ),
        pytest.param(
            lambda d: _schemas(d)["Download"]["properties"]["url"].update(format="uri-reference"),
            [f"BREAKING  {GET}: field `downloads[].url`: type string(uri) -> string(uri-reference)"],
            id="a format is part of the type",
        ),
        pytest.param(
            lambda d: _project(d)["required"].remove("id"),
            [f"BREAKING  {GET}: field `id`: may now be missing"],
            id="a field that may now be missing",
        ),
        pytest.param(
            lambda d: _project(d)["required"].append("note"),
            [f"ok        {GET}: field `note`: now always present"],
            id="a field now always present",
        ),
        pytest.param(
            lambda d: _schemas(d)["Error"]["properties"].update(detail={"type": "string"}),
            [f"ok        {GET}: field `error.detail` added"],
            id="inside a nullable reference",
        ),
        pytest.param(
            lambda d: _project(d)["properties"].update(note={"type": "string", "enum": ["x"]}),
            [f"BREAKING  {GET}: field `note`: now limited to a list of values"],
            id="an enum where there was none",
        ),
    ],
)
def test_response_changes_break_when_they_widen_what_the_client_reads(edit: Any, expected: list[str]) -> None:
    assert _changes(edit) == expected


def _query(document: dict[str, Any]) -> list[dict[str, Any]]:
    parameters: list[dict[str, Any]] = document["paths"]["/p/{id}"]["get"]["parameters"]
    return parameters


def _body(document: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = document["paths"]["/p/{id}"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    return body


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda d: _query(d).append(
                {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}
            ),
            ["BREAKING  GET /p/{id}: query parameter `q` added, required"],
            id="a new required parameter",
        ),
        pytest.param(
            lambda d: _query(d).append({"name": "q", "in": "query", "schema": {"type": "string"}}),
            ["ok        GET /p/{id}: query parameter `q` added, optional"],
            id="a new optional parameter",
        ),
        pytest.param(
            lambda d: _query(d).clear(),
            ["BREAKING  GET /p/{id}: query parameter `mode` removed"],
            id="a parameter removed",
        ),
        pytest.param(
            lambda d: _query(d)[0].update(required=True),
            ["BREAKING  GET /p/{id}: query parameter `mode`: now required"],
            id="a parameter now required",
        ),
        pytest.param(
            lambda d: _query(d)[0]["schema"]["enum"].append("c"),
            ['ok        GET /p/{id}: query parameter `mode`: enum value "c" added'],
            id="a value the client may now send",
        ),
        pytest.param(
            lambda d: _query(d)[0]["schema"]["enum"].remove("a"),
            ['BREAKING  GET /p/{id}: query parameter `mode`: enum value "a" removed'],
            id="a value the client may no longer send",
        ),
        pytest.param(
            lambda d: _body(d)["properties"]["size"].update(type=["integer", "null"]),
            ["ok        POST /p/{id}: request: field `size`: type integer -> integer | null"],
            id="a request field that may now be null",
        ),
        pytest.param(
            lambda d: _body(d).update(required=["size"]),
            ["BREAKING  POST /p/{id}: request: field `size`: now required"],
            id="a request field now required",
        ),
    ],
)
def test_request_changes_break_when_they_narrow_what_the_client_may_send(
    edit: Any, expected: list[str]
) -> None:
    assert _changes(edit) == expected


def test_operations_statuses_and_models_added_or_removed() -> None:
    def edit(document: dict[str, Any]) -> None:
        item = document["paths"]["/p/{id}"]
        del item["post"]
        item["delete"] = {"responses": {"204": {"description": "Gone"}}}
        item["get"]["responses"]["429"] = item["get"]["responses"].pop("404")
        del document["components"]["schemas"]["Legacy"]
        document["components"]["schemas"]["Thing"] = {"type": "string"}

    old = _base()
    _schemas(old)["Legacy"] = {"type": "string"}
    new = copy.deepcopy(old)
    edit(new)

    assert [str(change) for change in compare(old, new)] == [
        "BREAKING  GET /p/{id}: response 404 no longer documented",
        "ok        GET /p/{id}: response 429 added",
        "BREAKING  POST /p/{id}: operation removed",
        "ok        DELETE /p/{id}: operation added",
        "BREAKING  components: schema `Legacy` (a generated model) removed",
        "ok        components: schema `Thing` added",
    ]


def test_a_recursive_schema_does_not_loop() -> None:
    old = _base()
    _schemas(old)["Error"]["properties"]["cause"] = {"$ref": "#/components/schemas/Error"}
    new = copy.deepcopy(old)
    _schemas(new)["Error"]["properties"]["when"] = {"type": "string"}

    assert [str(change) for change in compare(old, new)] == [f"ok        {GET}: field `error.when` added"]


def test_the_report_counts_breaking_changes() -> None:
    changes = [
        Change("GET /a", "operation added", breaking=False),
        Change("GET /b", "operation removed", True),
    ]

    assert format_report(changes, text_changed=True) == (
        "2 changes to the API, 1 breaking for a client:\n"
        "  ok        GET /a: operation added\n"
        "  BREAKING  GET /b: operation removed"
    )
    assert format_report([], text_changed=False) == "No change: openapi.yaml is up to date."
