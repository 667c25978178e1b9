"""Write generated/catalog.py: what magic_hour_ext needs from openapi.yaml at run time.

A post hook of openapi-python-client (see openapi-python-client.yaml), so ``make generate``,
``make check-generated`` and ``make update-spec`` all write it. It runs in the folder the
generator writes, and reads the spec named by the environment variable ``MAGIC_HOUR_SPEC``, which
the Makefile exports. See spec_pipeline._catalog for what the catalog holds.

Exit status: 0 when written, 2 when the spec cannot be read or lacks what the catalog needs.
"""

import os
import sys
from pathlib import Path

from spec_pipeline import SpecError, build_catalog, load_document, render_catalog

__all__ = ["CATALOG", "SPEC_VARIABLE", "main"]

#: The environment variable that names the spec.
SPEC_VARIABLE = "MAGIC_HOUR_SPEC"
#: The module written, in the generated package.
CATALOG = "catalog.py"


def main() -> int:
    """Write ``catalog.py`` into the current directory from the spec ``$MAGIC_HOUR_SPEC``."""
    source = os.environ.get(SPEC_VARIABLE)
    if not source:
        print(
            f"write_catalog.py: {SPEC_VARIABLE} is not set: run it through `make generate`", file=sys.stderr
        )
        return 2
    try:
        spec = load_document(source, what="the spec")
        if not isinstance(spec, dict):
            raise SpecError(f"{source} is not an OpenAPI document")
        text = render_catalog(build_catalog(spec, generated=Path.cwd()))
    except SpecError as exc:
        print(f"write_catalog.py: {exc}", file=sys.stderr)
        return 2
    Path(CATALOG).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
