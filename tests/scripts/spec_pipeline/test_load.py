"""Loading documents: JSON or YAML, from a file or a URL (here a server on 127.0.0.1)."""

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from spec_pipeline import SpecError, load_document, parse_document


def test_json_and_yaml_give_the_same_plain_data() -> None:
    from_json = parse_document('{"paths": {"/a": {"get": {"responses": {"200": {}}}}}}', name="a.json")
    from_yaml = parse_document("paths:\n  /a:\n    get:\n      responses:\n        200: {}\n", name="a.yaml")

    assert from_json == from_yaml == {"paths": {"/a": {"get": {"responses": {"200": {}}}}}}


def test_yaml_dates_stay_strings_as_in_json() -> None:
    assert parse_document("example: 2024-10-19T05:16:19.027Z\nday: 2024-10-19\n", name="x") == {
        "example": "2024-10-19T05:16:19.027Z",
        "day": "2024-10-19",
    }


def test_yaml_anchors_are_copied_not_shared() -> None:
    loaded = parse_document("a: &x {k: [1]}\nb: *x\n", name="x")

    loaded["a"]["k"].append(2)

    assert loaded["b"] == {"k": [1]}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1, 2\nb: 3\n", r"x\.yaml is neither JSON nor YAML \(line 2, column 2\)"),
        ("a:\n  1.5: x\n", r"x\.yaml: a mapping key must be a string, not 1\.5"),
        ("true: x\n", r"x\.yaml: a mapping key must be a string, not True"),
    ],
)
def test_unparsable_text_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        parse_document(text, name="x.yaml")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"cannot read the upstream spec .*nope\.json"):
        load_document(str(tmp_path / "nope.json"), what="upstream spec")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving tmp_path; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
        httpd.shutdown()
        thread.join(timeout=5)


def test_a_url_is_fetched(server: str, tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text("openapi: 3.0.2\n", encoding="utf-8")

    assert load_document(f"{server}/spec.yaml") == {"openapi": "3.0.2"}


def test_a_url_that_fails_is_a_clear_error(server: str) -> None:
    with pytest.raises(
        SpecError, match=r"cannot fetch the upstream spec from http://127\.0\.0\.1:\d+/nope\.json: .*404"
    ):
        load_document(f"{server}/nope.json", what="upstream spec")
