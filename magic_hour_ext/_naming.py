"""THE file naming scheme for downloaded outputs.

Output *n* (1-based, in the order of ``project.downloads``) of project *id* is saved as::

    mh-<safe id>-<n><ext>            e.g. mh-cuid-example-1.png

- ``<safe id>`` is the project id when it only holds ``A-Z a-z 0-9 _ -`` and is at most 100
  characters long. Otherwise every other character becomes ``_``, it is cut to 100 characters, and
  ``.`` plus the first 12 hex digits of the SHA-256 of the raw id is appended
  (``mh-a_b.5c4d...-1.png`` for the id ``a/b``). An unchanged id never holds a ``.``, so two
  different ids never give the same name.
- ``<ext>`` is the extension of the last segment of the URL's path, after percent-decoding (so
  ``%2F`` counts as a ``/``), lower-cased, kept only if it is ``.`` and 1 to 8 ASCII letters or
  digits; otherwise ``.bin``.
- Nothing else of the URL is used: ``..``, ``%2F``, absolute paths, NUL bytes, backslashes or a
  300-character name cannot move the file out of the download directory or collide with another
  output. Names are at most 130 bytes long.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from urllib.parse import unquote, urlsplit

__all__ = ["output_filename", "safe_extension", "safe_project_id"]

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")
_UNSAFE_ID_CHAR = re.compile(r"[^A-Za-z0-9_-]")
_SAFE_EXT = re.compile(r"\.[A-Za-z0-9]{1,8}")
_MAX_ID = 100
_DEFAULT_EXT = ".bin"


def safe_project_id(project_id: str) -> str:
    """The project id as it appears in file names (see the module docstring).

    Example:
        >>> safe_project_id("cuid-example")
        'cuid-example'
        >>> safe_project_id("../a/b")
        '___a_b.8e7e11e418be'
    """
    if _SAFE_ID.fullmatch(project_id):
        return project_id
    digest = hashlib.sha256(project_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{_UNSAFE_ID_CHAR.sub('_', project_id)[:_MAX_ID]}.{digest}"


def safe_extension(url: str) -> str:
    """The extension for an output downloaded from *url*: kept when safe, else ``.bin``.

    Example:
        >>> safe_extension("https://cdn.example/id/output.PNG?signature=x")
        '.png'
        >>> safe_extension("https://cdn.example/id/%2e%2e%2Fetc%2Fpasswd")
        '.bin'
    """
    try:
        path = urlsplit(url).path
    except ValueError:
        return _DEFAULT_EXT
    last = posixpath.basename(unquote(path).replace("\\", "/"))
    _stem, ext = posixpath.splitext(last)
    return ext.lower() if _SAFE_EXT.fullmatch(ext) else _DEFAULT_EXT


def output_filename(project_id: str, index: int, url: str) -> str:
    """The file name for output *index* (1-based) of *project_id*, downloaded from *url*.

    Example:
        >>> output_filename("cuid-example", 1, "https://cdn.example/cuid-example/output.png?expires=1")
        'mh-cuid-example-1.png'
    """
    return f"mh-{safe_project_id(project_id)}-{int(index)}{safe_extension(url)}"
