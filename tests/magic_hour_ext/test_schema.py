"""The JSON Schema walker of the create endpoints, checked against jsonschema on every tool's schema."""

import copy
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from generated.catalog import TOOLS
from magic_hour_ext._schema import KEYWORDS, UnsupportedSchema, first_problem
from tests.magic_hour_ext.testing._bodies import minimal


def _keywords(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            yield key
            if key == "properties":
                for item in value.values():
                    yield from _keywords(item)
            elif key in ("items", "additionalProperties"):
                yield from _keywords(value)


def test_the_walker_knows_every_keyword_of_the_catalog() -> None:
    used = {keyword for tool in TOOLS.values() for keyword in _keywords(tool.body_schema)}
    assert used <= KEYWORDS


def test_an_unknown_keyword_is_refused_not_ignored() -> None:
    with pytest.raises(UnsupportedSchema, match="oneOf"):
        first_problem(1, {"oneOf": [{"type": "integer"}]})


def _mutations(body: Any, schema: dict[str, Any], path: tuple[Any, ...] = ()) -> Iterator[Any]:
    """Bodies that differ from *body* in one place: each is valid or invalid, jsonschema decides."""
    if isinstance(body, dict):
        yield {**body, "unexpected": 1}
        for key in schema.get("required", ()):
            yield {k: v for k, v in body.items() if k != key}
        for key, value in body.items():
            sub = schema.get("properties", {}).get(key, {})
            for changed in _mutations(value, sub):
                yield {**body, key: changed}
        for key, sub in schema.get("properties", {}).items():
            if key not in body:
                yield {**body, key: minimal(sub)}
    elif isinstance(body, list):
        yield [*body, *body]
        yield []
        if body:
            for changed in _mutations(body[0], schema.get("items", {})):
                yield [changed, *body[1:]]
    elif isinstance(body, str):
        yield from ("", "not-in-any-enum", 3, None)
    elif isinstance(body, bool):
        yield from (1, "true")
    elif isinstance(body, int | float):
        yield from (body - 1, body + 0.5, body + 10**6, True, "1", -(10**6))


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_the_walker_agrees_with_jsonschema(name: str) -> None:
    schema = copy.deepcopy(dict(TOOLS[name].body_schema))
    validator = jsonschema.Draft202012Validator(schema)
    body = minimal(schema)
    assert first_problem(body, schema) is None
    assert validator.is_valid(body)
    seen = 0
    for candidate in _mutations(body, schema):
        expected = validator.is_valid(candidate)
        problem = first_problem(candidate, schema)
        assert (problem is None) == expected, (candidate, problem)
        seen += 1
    assert seen > 5


@pytest.mark.parametrize(
    ("value", "schema", "problem"),
    [
        ("x", {"type": "integer"}, "the body: must be integer, not string"),
        (True, {"type": "integer"}, "the body: must be integer, not boolean"),
        (2.0, {"type": "integer"}, None),
        (None, {"type": ["string", "null"]}, None),
        (
            {"a": [1, "x"]},
            {"properties": {"a": {"items": {"type": "integer"}}}},
            "a[1]: must be integer, not string",
        ),
        ("abc", {"maxLength": 2}, "the body: must have at most 2 characters"),
        ("", {"minLength": 1}, "the body: must have at least 1 characters"),
        ("B", {"pattern": "^[a-z]+$"}, "the body: must match ^[a-z]+$, not 'B'"),
        ([1, 2, 3], {"maxItems": 2}, "the body: must have at most 2 items, not 3"),
        ([], {"minItems": 1}, "the body: must have at least 1 items, not 0"),
        (7, {"multipleOf": 5}, "the body: must be a multiple of 5, not 7"),
        (0.3, {"multipleOf": 0.1}, None),  # binary rounding is not a mistake of the client
        (5, {"exclusiveMaximum": 5}, "the body: must be < 5, not 5"),
        (1, {"enum": [True]}, "the body: must be one of True, not 1"),
        ({"x": 1}, {"additionalProperties": {"type": "string"}}, "x: must be string, not integer"),
        ("not a uri", {"type": "string", "format": "uri"}, None),  # an annotation
    ],
)
def test_problems_name_the_field(value: Any, schema: dict[str, Any], problem: str | None) -> None:
    assert first_problem(value, schema) == problem
