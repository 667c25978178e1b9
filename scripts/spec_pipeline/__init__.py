"""Turning the upstream OpenAPI document into ours: the steps of `make update-spec`.

`scripts/update_spec.py` runs them in this order: `select_operations`, `apply_overlay`,
`to_openapi_31`, `hoist_components`, then `render`; `compare` reports what changed.
`build_catalog` and `render_catalog` write generated/catalog.py (scripts/write_catalog.py, a post
hook of `make generate`).
"""

from ._catalog import FILE_INPUT_KEY, Catalog, build_catalog, render_catalog
from ._changes import Change, compare, format_report
from ._components import NAME_KEY, hoist_components
from ._errors import SpecError
from ._load import load_document, parse_document
from ._openapi31 import to_openapi_31
from ._overlay import Overlay, apply_overlay
from ._render import render
from ._select import Operation, parse_operations, select_operations

__all__ = [
    "FILE_INPUT_KEY",
    "NAME_KEY",
    "Catalog",
    "Change",
    "Operation",
    "Overlay",
    "SpecError",
    "apply_overlay",
    "build_catalog",
    "compare",
    "format_report",
    "hoist_components",
    "load_document",
    "parse_document",
    "parse_operations",
    "render",
    "render_catalog",
    "select_operations",
    "to_openapi_31",
]
