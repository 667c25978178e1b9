"""The one error the pipeline raises: whatever went wrong, it says what and where, in words."""

__all__ = ["SpecError"]


class SpecError(Exception):
    """The upstream document, the operation list or the overlay cannot be turned into openapi.yaml.

    The message names the file or the location in the document (as a JSONPath that an overlay
    action can target) and what to do about it.

    Example:
        >>> raise SpecError("upstream.json is not JSON or YAML: line 3, column 1")
        Traceback (most recent call last):
        ...
        spec_pipeline._errors.SpecError: upstream.json is not JSON or YAML: line 3, column 1
    """
