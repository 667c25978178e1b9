"""Rebuild openapi.yaml and generated/ from the upstream OpenAPI document, and say what changed.

Run as ``make update-spec UPSTREAM=<path or URL>`` (or ``.venv-3.11/bin/python scripts/update_spec.py
UPSTREAM [--allow-breaking] [--dry-run]``, with the environment of your Python). The steps:

1. load the upstream document (JSON or YAML, a file or an http(s) URL);
2. keep the operations listed in ``scripts/spec/operations.yaml``, and what they use;
3. apply our corrections and names, ``scripts/spec/overlay.yaml`` (an OpenAPI Overlay 1.0);
4. convert OpenAPI 3.0 to 3.1, and move the objects the overlay named into ``components``;
5. validate the result, and compare it with the current openapi.yaml;
6. unless a breaking change is refused: generate the client in a temporary directory with
   ``make generate``, then put openapi.yaml and generated/ in place.

Exit status: 0 when done (or nothing to do), 1 when a breaking change was refused (or, with
--dry-run, would be), 2 on any error. Unless it is 0, nothing in the working tree has changed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError, ValidatorDetectError
from referencing.exceptions import Unresolvable
from spec_pipeline import (
    Change,
    Operation,
    Overlay,
    SpecError,
    apply_overlay,
    compare,
    format_report,
    hoist_components,
    load_document,
    parse_document,
    parse_operations,
    render,
    select_operations,
    to_openapi_31,
)

__all__ = [
    "EXIT_BREAKING",
    "EXIT_ERROR",
    "EXIT_OK",
    "OPERATIONS",
    "OVERLAY",
    "ROOT",
    "Plan",
    "apply_plan",
    "build_spec",
    "main",
    "plan_update",
    "update_spec",
]

#: The repository this script belongs to.
ROOT = Path(__file__).resolve().parents[1]
#: The committed operation list and overlay, relative to the repository.
OPERATIONS = Path("scripts/spec/operations.yaml")
OVERLAY = Path("scripts/spec/overlay.yaml")
SPEC = Path("openapi.yaml")

EXIT_OK = 0
EXIT_BREAKING = 1
EXIT_ERROR = 2

_GENERATE_TIMEOUT = 600
_HINT = "make update-spec UPSTREAM=... ALLOW_BREAKING=1, or scripts/update_spec.py --allow-breaking"


@dataclass(frozen=True)
class Plan:
    """What an update would write, and how it differs from what is there.

    Example:
        >>> plan = plan_update("../shared/reference/upstream-openapi-full.json")
        >>> plan.unchanged, plan.breaking
        (True, False)
    """

    text: str
    previous: str | None
    changes: list[Change]
    warnings: list[str]

    @property
    def unchanged(self) -> bool:
        """The new openapi.yaml is byte for byte the current one."""
        return self.text == self.previous

    @property
    def breaking(self) -> bool:
        """Some change breaks code written against the current openapi.yaml."""
        return any(change.breaking for change in self.changes)

    def report(self) -> str:
        """The change report, then the warnings."""
        lines = [format_report(self.changes, text_changed=not self.unchanged)]
        lines += [f"warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def build_spec(
    upstream: dict[str, Any], operations: list[Operation], overlay: Overlay
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Turn the upstream document into ours (steps 2 to 5), without touching any file.

    Returns:
        The document, the listed operations that upstream lacks, and the overlay's warnings.

    Raises:
        SpecError: a step fails, or the result is not valid OpenAPI.
    """
    document, missing = select_operations(upstream, operations)
    warnings = apply_overlay(document, overlay)
    to_openapi_31(document)
    hoist_components(document)
    _validate(document)
    return document, missing, warnings


def _validate(document: dict[str, Any]) -> None:
    where = "the upstream document may have changed there, or scripts/spec/overlay.yaml needs a correction"
    try:
        validate(document)
    except OpenAPIValidationError as exc:
        raise SpecError(
            f"the result is not valid OpenAPI at {exc.json_path}: {exc.message} ({where})"
        ) from exc
    except Unresolvable as exc:
        raise SpecError(f"the result has a $ref that points nowhere: {exc.ref} ({where})") from exc
    except ValidatorDetectError as exc:
        raise SpecError(f"the result is not OpenAPI 3.x: {exc}") from exc


def plan_update(upstream_source: str, *, root: Path = ROOT) -> Plan:
    """Build the new openapi.yaml from the upstream document, and compare it with the current one.

    Reads the operation list and the overlay from ``root``; writes nothing.

    Raises:
        SpecError: any input is unreadable or malformed, or the result is not valid OpenAPI.
    """
    upstream = load_document(upstream_source, what="upstream OpenAPI document")
    if not isinstance(upstream, dict):
        raise SpecError(f"{upstream_source} is not an OpenAPI document: it holds no mapping")
    operations = parse_operations(load_document(str(root / OPERATIONS)), name=str(OPERATIONS))
    overlay = Overlay.parse(load_document(str(root / OVERLAY)), name=str(OVERLAY))
    document, missing, warnings = build_spec(upstream, operations, overlay)
    text = render(document)

    spec_path = root / SPEC
    previous = spec_path.read_text(encoding="utf-8") if spec_path.exists() else None
    changes = compare(parse_document(previous, name=str(SPEC)) if previous else {}, document)
    reported = {change.where for change in changes if change.what == "operation removed"}
    unlisted = [
        Change(operation, f"listed in {OPERATIONS} but not in the upstream document", breaking=True)
        for operation in missing
        if operation not in reported
    ]
    return Plan(text, previous, unlisted + changes, warnings)


def apply_plan(plan: Plan, *, root: Path = ROOT, venv: Path | None = None) -> None:
    """Generate the client for ``plan`` in a temporary directory, then put both in place.

    generated/ is swapped in as a whole directory and openapi.yaml replaced last; if anything
    fails, the old ones are put back.

    Args:
        venv: the virtualenv with the generator (default: the one running this script).

    Raises:
        SpecError: ``make generate`` failed; nothing was changed.
    """
    venv = Path(sys.prefix) if venv is None else venv
    with tempfile.TemporaryDirectory(prefix="update-spec-") as tmp:
        build = Path(tmp)
        (build / SPEC).write_text(plan.text, encoding="utf-8")
        shutil.copy2(root / "openapi-python-client.yaml", build / "openapi-python-client.yaml")
        shutil.copytree(root / "scripts" / "templates", build / "scripts" / "templates")
        _generate(root, build, venv)
        _swap_in(root, build)


def _generate(root: Path, build: Path, venv: Path) -> None:
    """Run the repository's ``make generate`` on ``build``; the virtualenv is taken as installed."""
    command = [
        *("make", "--no-print-directory", "-s", "-f", str(root / "Makefile"), "-C", str(build)),
        *("-o", str(venv / ".installed"), "generate", f"VENV={venv}"),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=_GENERATE_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpecError(f"cannot run make generate: {exc}") from exc
    if result.returncode != 0 or not (build / "generated").is_dir():
        output = (result.stdout + result.stderr).strip()
        raise SpecError(f"make generate failed on the new openapi.yaml:\n{output}")


def _swap_in(root: Path, build: Path) -> None:
    # Staged next to the working tree, so that the final moves are renames on one file system.
    staging = Path(tempfile.mkdtemp(prefix=".update-spec-", dir=root))
    try:
        shutil.copytree(
            build / "generated", staging / "generated", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copy2(build / SPEC, staging / SPEC)
        _replace(root, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace(root: Path, staging: Path) -> None:
    generated, old = root / "generated", staging / "generated.old"
    moved_old = installed_new = False
    try:
        if generated.exists():
            generated.rename(old)
            moved_old = True
        (staging / "generated").rename(generated)
        installed_new = True
        os.replace(staging / SPEC, root / SPEC)
    except BaseException:
        if installed_new:
            generated.rename(staging / "generated.failed")
        if moved_old:
            old.rename(generated)
        raise


def update_spec(
    upstream_source: str,
    *,
    root: Path = ROOT,
    allow_breaking: bool = False,
    dry_run: bool = False,
    venv: Path | None = None,
) -> int:
    """Plan, report and (unless refused) apply an update; return the exit status.

    The report goes to standard output, errors to standard error.

    Example:
        >>> update_spec("../shared/reference/upstream-openapi-full.json")
        No change: openapi.yaml is up to date.
        0
    """
    try:
        plan = plan_update(upstream_source, root=root)
    except SpecError as exc:
        print(f"update-spec: error: {exc}\nNothing was changed.", file=sys.stderr)
        return EXIT_ERROR
    print(plan.report())
    if plan.unchanged:
        return EXIT_OK
    refused = plan.breaking and not allow_breaking
    if dry_run:
        print("Dry run: nothing was changed.")
        return EXIT_BREAKING if refused else EXIT_OK
    if refused:
        print(
            "update-spec: refused: the changes marked BREAKING would break code written for the current "
            f"client. Nothing was changed. To accept them: {_HINT}.",
            file=sys.stderr,
        )
        return EXIT_BREAKING
    try:
        apply_plan(plan, root=root, venv=venv)
    except (SpecError, OSError) as exc:
        print(f"update-spec: error: {exc}\nNothing was changed.", file=sys.stderr)
        return EXIT_ERROR
    print("Wrote openapi.yaml and regenerated generated/: review `git diff`, then run `make test`.")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """The command line: ``update_spec.py UPSTREAM [--allow-breaking] [--dry-run] [--root DIR]``."""
    parser = argparse.ArgumentParser(
        prog="update_spec.py",
        description="Rebuild openapi.yaml and generated/ from the upstream OpenAPI document.",
        epilog="Exit status: 0 done, 1 a breaking change was refused, 2 an error; unless 0, nothing changed.",
    )
    parser.add_argument(
        "upstream", help="the upstream OpenAPI document: a path or an http(s) URL, JSON or YAML"
    )
    parser.add_argument("--allow-breaking", action="store_true", help="write even if a change breaks clients")
    parser.add_argument("--dry-run", action="store_true", help="print the report and change nothing")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository to update (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    return update_spec(
        args.upstream, root=args.root, allow_breaking=args.allow_breaking, dry_run=args.dry_run
    )


if __name__ == "__main__":
    sys.exit(main())
