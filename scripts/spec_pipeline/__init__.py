"""Turning the upstream OpenAPI document into ours: the steps of `make update-spec`.

`scripts/update_spec.py` runs them in this order: `select_operations`, `apply_overlay`,
`to_openapi_31`, `hoist_components`, then `render`; `compare` reports what changed.
"""

from ._changes import Change, compare, format_report
from ._components import NAME_KEY, hoist_components
from ._errors import SpecError
from ._load import load_document, parse_document
from ._openapi31 import to_openapi_31
from ._overlay import Overlay, apply_overlay
from ._render import render
from ._select import Operation, parse_operations, select_operations

__all__ = [
    "NAME_KEY",
    "Change",
    "Operation",
    "Overlay",
    "SpecError",
    "apply_overlay",
    "compare",
    "format_report",
    "hoist_components",
    "load_document",
    "parse_document",
    "parse_operations",
    "render",
    "select_operations",
    "to_openapi_31",
]
