"""The commands ``tools``, ``upload`` and ``generate`` of ``magic-hour-ext``.

Like those of ``_commands.py``, each takes a built client and a Display, writes its result to
*out* (standard output), and lets every error propagate to ``_cli.main``. What a tool takes comes
from ``generated.catalog`` (the spec): the tools, their kinds, their fields and file inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from generated import AuthenticatedClient

from . import InvalidArgumentError, generate, upload_files
from ._create import find_tool
from ._kinds import KIND_DEFAULT, Timeout, kind_named
from ._render import Display, clean, project_json

__all__ = [
    "GenerateOptions",
    "body_from",
    "generate_command",
    "set_value",
    "tool_fields",
    "tools_command",
    "upload_command",
]


def _fields(schema: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Mapping[str, Any], bool]]:
    """(field, its schema, required) for every leaf of a request schema, ``[]`` marking list items."""
    required = set(schema.get("required", ()))
    for name, sub in schema.get("properties", {}).items():
        where = f"{prefix}.{name}" if prefix else name
        if sub.get("type") == "object" and "properties" in sub:
            yield where, sub, name in required
            yield from _fields(sub, where)
        elif (
            sub.get("type") == "array"
            and isinstance(sub.get("items"), Mapping)
            and "properties" in sub["items"]
        ):
            yield where, sub, name in required
            yield from _fields(sub["items"], f"{where}[]")
        else:
            yield where, sub, name in required


def _describe(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type", "any")
    text = " or ".join(kind) if isinstance(kind, list) else str(kind)
    if "enum" in schema:
        values = ", ".join(str(v) for v in schema["enum"])
        text += f", one of: {values if len(values) <= 160 else values[:157] + '...'}"
    bounds = [
        f"{word} {schema[key]}" for key, word in (("minimum", ">="), ("maximum", "<=")) if key in schema
    ]
    return text + (f" ({', '.join(bounds)})" if bounds else "")


def tool_fields(tool_name: str) -> list[str]:
    """The lines ``generate TOOL --help`` shows about *tool_name*'s body: each field, from the spec.

    Example:
        >>> print("\\n".join(tool_fields("image-background-remover")[:4]))
        image-background-remover: creates an image project; its body (--body / --set):
          name                                    string
          assets                                  object, required
          assets.image_file_path                  string, required, a file: a local path is uploaded (image)
    """
    tool = find_tool(tool_name)
    files = {".".join(f.path).replace(".*", "[]"): f.asset_type for f in tool.file_inputs}
    article = "an" if tool.kind[0] in "aeiou" else "a"
    lines = [f"{tool.name}: creates {article} {tool.kind} project; its body (--body / --set):"]
    for where, schema, required in _fields(tool.body_schema):
        text = _describe(schema) + (", required" if required else "")
        if where in files:
            text += f", a file: a local path is uploaded ({files[where]})"
        lines.append(f"  {where:<38}  {text}")
    return lines


def tools_command(*, as_json: bool, out: TextIO) -> None:
    """``tools``: every tool, the kind of project it creates, and its file-input fields."""
    from generated.catalog import TOOLS

    rows: list[dict[str, Any]] = [
        {
            "tool": tool.name,
            "kind": tool.kind,
            "file_inputs": {".".join(f.path).replace(".*", "[]"): f.asset_type for f in tool.file_inputs},
        }
        for tool in TOOLS.values()
    ]
    if as_json:
        print(json.dumps(rows, indent=2), file=out, flush=True)
        return
    width = max(len(row["tool"]) for row in rows)
    for row in rows:
        inputs = ", ".join(f"{field} ({kind})" for field, kind in row["file_inputs"].items()) or "-"
        print(f"{row['tool']:<{width}}  {row['kind']:<5}  {inputs}", file=out)
    out.flush()


def upload_command(
    paths: Sequence[Path], client: AuthenticatedClient, display: Display, *, as_json: bool, out: TextIO
) -> list[str]:
    """``upload``: upload the files (one upload-urls call); print each ``file_path``."""
    file_paths = upload_files(paths, client=client, on_progress=display.upload)
    display.close()
    if as_json:
        rows = [{"path": str(p), "file_path": f} for p, f in zip(paths, file_paths, strict=True)]
        print(json.dumps(rows, indent=2), file=out, flush=True)
    else:
        print("\n".join(file_paths), file=out, flush=True)
    return file_paths


def set_value(body: dict[str, Any], assignment: str) -> None:
    """Apply one ``--set a.b=value`` to *body*: *value* as JSON when it parses, else as a string.

    Example:
        >>> body = {}
        >>> set_value(body, "assets.image_file_path=photo.png")
        >>> set_value(body, "image_count=2")
        >>> body
        {'assets': {'image_file_path': 'photo.png'}, 'image_count': 2}
    """
    key, sep, raw = assignment.partition("=")
    keys = key.strip().split(".")
    if not sep or not all(keys):
        raise InvalidArgumentError(
            f"--set takes FIELD=VALUE (e.g. assets.image_file_path=photo.png), not {assignment!r}"
        )
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    holder = body
    for part in keys[:-1]:
        nested = holder.setdefault(part, {})
        if not isinstance(nested, dict):
            raise InvalidArgumentError(f"--set {key}: {part!r} is not an object in the body")
        holder = nested
    holder[keys[-1]] = value


def body_from(source: str | None, assignments: Sequence[str], stdin: TextIO) -> dict[str, Any]:
    """The body of ``generate``: ``--body FILE`` (``-``: standard input) as JSON, then each ``--set``."""
    body: Any = {}
    if source is not None:
        where = "standard input" if source == "-" else source
        try:
            text = stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidArgumentError(f"--body {source}: {exc.strerror or exc}") from None
        try:
            body = json.loads(text)
        except ValueError as exc:
            raise InvalidArgumentError(f"--body: {where} is not JSON ({exc})") from None
        if not isinstance(body, dict):
            raise InvalidArgumentError(f"--body: {where} is not a JSON object")
    for assignment in assignments:
        set_value(body, assignment)
    result: dict[str, Any] = body
    return result


@dataclass(frozen=True, slots=True)
class GenerateOptions:
    """The options of ``generate``.

    Attributes:
        wait: Wait for a final status and download (``--no-wait``: print the new project's id).
        output_dir: Where to save the outputs; None is the current directory.
        timeout: The deadline of the wait; KIND_DEFAULT: the kind's.
        json: Print one JSON object.
    """

    wait: bool = True
    output_dir: Path | None = None
    timeout: Timeout = KIND_DEFAULT
    json: bool = False


def generate_command(
    tool_name: str,
    body: dict[str, Any],
    client: AuthenticatedClient,
    options: GenerateOptions,
    display: Display,
    out: TextIO,
) -> list[Path]:
    """``generate``: upload, create, wait, download; print the saved paths and what it cost."""
    tool = find_tool(tool_name)
    timeout = kind_named(tool.kind).timeout(options.timeout)

    def created(project_id: str) -> None:
        display.message(f"created {tool.kind} project {clean(project_id, 120)} with {tool.name}")
        if options.wait:
            display.start(project_id, timeout, tool.kind)

    try:
        result = generate(
            tool.name,
            body,
            client=client,
            download_directory=options.output_dir,
            wait_for_completion=options.wait,
            download_outputs=options.wait,
            timeout=timeout,
            on_created=created,
            on_upload_progress=display.upload,
            on_status_change=display.status if options.wait else None,
            on_download_progress=display.progress,
        )
    finally:
        display.close()
    project = result.project
    if options.json:
        print(project_json(project, result.downloaded_paths), file=out, flush=True)
    elif not options.wait:
        print(project.id, file=out, flush=True)
    else:
        print("\n".join(clean(path, 4000) for path in result.downloaded_paths), file=out, flush=True)
    credits = project.credits_charged if isinstance(project.credits_charged, int) else "an unknown number of"
    saved = f", {len(result.downloaded_paths)} outputs saved" if options.wait else " (not waited for)"
    display.message(
        f"{tool.kind} project {clean(project.id, 120)}: {result.status}, {credits} credits charged{saved}"
    )
    return result.downloaded_paths
