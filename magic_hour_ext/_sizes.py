"""Byte counts for people, as log lines and the command line show them."""

from __future__ import annotations

__all__ = ["human_size"]


def human_size(size: int | None) -> str:
    """A byte count for people, in decimal units as rich shows them.

    Example:
        >>> human_size(999), human_size(12_345), human_size(1_234_567_890), human_size(None)
        ('999 bytes', '12.3 kB', '1.2 GB', 'unknown size')
    """
    if size is None:
        return "unknown size"
    if size < 1000:
        return f"{size} bytes"
    value = float(size)
    for unit in ("kB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            break
    return f"{value:.1f} {unit}"
