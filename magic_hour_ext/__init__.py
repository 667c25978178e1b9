"""magic-hour-ext: a robust Python client for Magic Hour image projects."""

__all__: list[str] = []
