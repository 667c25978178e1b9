"""The YAML that openapi.yaml is written as: stable order, readable text, the same bytes every time."""

from spec_pipeline import parse_document, render


def test_top_level_keys_and_components_get_a_fixed_order() -> None:
    document = {
        "components": {"schemas": {"B": {}, "A": {}}, "securitySchemes": {"s": {}}},
        "paths": {"/z": {}, "/a": {}},
        "info": {"title": "t"},
        "openapi": "3.1.0",
    }

    text = render(document)

    assert text.splitlines()[:5] == ["openapi: 3.1.0", "info:", "  title: t", "paths:", "  /z: {}"]
    assert text.index("securitySchemes:") < text.index("schemas:") < text.index("A: {}") < text.index("B: {}")


def test_properties_follow_the_required_list_and_optional_ones_stay_in_place() -> None:
    schema = {"properties": {"a": {}, "opt": {}, "c": {}, "added": {}}, "required": ["a", "added", "c"]}

    rendered = parse_document(render({"components": {"schemas": {"S": schema}}}), name="x")

    assert list(rendered["components"]["schemas"]["S"]["properties"]) == ["a", "opt", "added", "c"]
    assert list(schema["properties"]) == ["a", "opt", "c", "added"], "the input is not changed"


def test_multi_line_text_is_a_literal_block_and_round_trips() -> None:
    document = {"info": {"description": "One.\n\n- two\n- three", "odd": "trailing \nspace"}}

    text = render(document)

    assert "  description: |-\n    One.\n\n    - two\n    - three\n" in text
    assert parse_document(text, name="x") == document
