"""OpenAPI Overlay 1.0: updates merge, removals delete, and a malformed overlay is a clear error."""

from typing import Any

import pytest
from spec_pipeline import Overlay, SpecError, apply_overlay


def _overlay(*actions: dict[str, Any]) -> Overlay:
    return Overlay.parse(
        {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}
    )


@pytest.fixture
def document() -> dict[str, Any]:
    return {
        "paths": {
            "/a": {
                "parameters": [{"name": "id"}],
                "get": {
                    "tags": ["x"],
                    "responses": {"200": {"description": "OK"}, "404": {"description": "No"}},
                },
                "delete": {"responses": {"404": {"description": "No"}}},
            }
        }
    }


def test_update_merges_objects_appends_arrays_and_replaces_the_rest(document: dict[str, Any]) -> None:
    overlay = _overlay(
        {
            "target": "$.paths['/a'].get",
            "update": {"tags": ["y"], "operationId": "getA", "responses": {"200": {"x": 1}}},
        }
    )

    assert apply_overlay(document, overlay) == []

    get = document["paths"]["/a"]["get"]
    assert get["tags"] == ["x", "y"]
    assert get["operationId"] == "getA"
    assert get["responses"]["200"] == {"description": "OK", "x": 1}


def test_a_wildcard_target_updates_every_match_with_its_own_copy(document: dict[str, Any]) -> None:
    apply_overlay(
        document, _overlay({"target": "$.paths.*.*.responses['404']", "update": {"meta": {"n": 1}}})
    )

    get_404 = document["paths"]["/a"]["get"]["responses"]["404"]
    delete_404 = document["paths"]["/a"]["delete"]["responses"]["404"]
    assert get_404["meta"] == delete_404["meta"] == {"n": 1}
    get_404["meta"]["n"] = 2
    assert delete_404["meta"] == {"n": 1}


def test_an_update_on_an_array_appends_the_value(document: dict[str, Any]) -> None:
    apply_overlay(document, _overlay({"target": "$.paths['/a'].parameters", "update": {"name": "extra"}}))

    assert document["paths"]["/a"]["parameters"] == [{"name": "id"}, {"name": "extra"}]


def test_remove_deletes_every_match_including_array_items(document: dict[str, Any]) -> None:
    document["paths"]["/a"]["parameters"] = [{"name": "a"}, {"name": "b"}, {"name": "c"}]
    overlay = _overlay(
        {"target": "$.paths.*.*.responses['404']", "remove": True},
        {"target": "$.paths['/a'].parameters[?@.name != 'b']", "remove": True},
    )

    apply_overlay(document, overlay)

    assert document["paths"]["/a"]["get"]["responses"] == {"200": {"description": "OK"}}
    assert document["paths"]["/a"]["delete"]["responses"] == {}
    assert document["paths"]["/a"]["parameters"] == [{"name": "b"}]


def test_actions_apply_in_order(document: dict[str, Any]) -> None:
    overlay = _overlay(
        {"target": "$.paths['/a'].get", "update": {"x-flag": 1}},
        {"target": "$.paths['/a'].get[?@ == 1]", "remove": True},
    )

    apply_overlay(document, overlay)

    assert "x-flag" not in document["paths"]["/a"]["get"]


def test_targets_that_select_nothing_or_a_scalar_are_warnings(document: dict[str, Any]) -> None:
    overlay = _overlay(
        {"target": "$.paths['/gone'].get", "update": {"x": 1}},
        {"target": "$.paths['/a'].get.responses['200'].description", "update": {"x": 1}},
    )

    warnings = apply_overlay(document, overlay)

    assert warnings == [
        "overlay action 0 (target $.paths['/gone'].get) selected nothing",
        "overlay action 1 (target $.paths['/a'].get.responses['200'].description) selected a str at "
        "$['paths']['/a']['get']['responses']['200']['description'], which it cannot update (skipped)",
    ]


def test_removing_the_whole_document_is_refused(document: dict[str, Any]) -> None:
    with pytest.raises(SpecError, match="would remove the whole document"):
        apply_overlay(document, _overlay({"target": "$", "remove": True}))


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ({"openapi": "3.1.0"}, "is not an OpenAPI Overlay 1.0 document"),
        ({"overlay": "1.0.0", "actions": [{"target": "$"}]}, r"`info\.title` is required"),
        ({"overlay": "1.0.0", "info": {"title": "t"}, "actions": []}, "`actions` must be a non-empty list"),
        (
            {"overlay": "1.0.0", "info": {"title": "t"}, "actions": [{"update": {}}]},
            "action 0 needs a `target`",
        ),
        ({"overlay": "1.0.0", "info": {"title": "t"}, "actions": [{"target": "$["}]}, "is not a JSONPath"),
        (
            {"overlay": "1.0.0", "info": {"title": "t"}, "actions": [{"target": "$"}]},
            "needs `update` or `remove",
        ),
        (
            {"overlay": "1.0.0", "info": {"title": "t"}, "actions": [{"target": "$", "remove": "yes"}]},
            "true or false",
        ),
    ],
)
def test_a_malformed_overlay_is_a_clear_error(overlay: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        Overlay.parse(overlay, name="overlay.yaml")


def test_remove_false_is_no_removal(document: dict[str, Any]) -> None:
    apply_overlay(document, _overlay({"target": "$.paths['/a'].get", "remove": False, "update": {"x": 1}}))

    assert document["paths"]["/a"]["get"]["x"] == 1
