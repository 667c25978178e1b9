"""How a fault changes the fate of a request: before its handler runs, or to the response after.

Before: an error instead of the answer (`status`, `rate_limit`), no answer (`close`, `hang`) or
a delay (`slow`). After: the same response cut short (`truncate`), stalled (`stall`), trickled
(`trickle`) or spoiled (`bad_json`, `truncated_json`). The download host's own faults
(`ignore_range`, `redirect`, `expired`), a create's (`drop_after_create`, `error_after_create`)
and an upload's (`cut_upload`, `expired`) are their handlers' business.
"""

from __future__ import annotations

import asyncio
import time

from .._http_server import NoAnswer, Pace, Reply, Response, http_date
from ._faults import Fault
from ._responses import html_message, message, status_message

__all__ = ["after", "before"]

_PROXY_PAGE = b"<html><body><h1>502 Bad Gateway</h1></body></html>"


async def before(fault: Fault | None) -> Reply | None:
    """The reply that replaces the handler's, or None to run the handler (after a `slow` delay)."""
    if fault is None:
        return None
    if fault.kind == "slow":
        await asyncio.sleep(fault.seconds)
    elif fault.kind == "close":
        return NoAnswer.CLOSE
    elif fault.kind == "hang":
        return NoAnswer.HANG
    elif fault.kind == "status":
        return _error(fault, fault.status_code, status_message(fault.status_code), list(fault.headers))
    elif fault.kind == "rate_limit":
        headers: list[tuple[str, str]] = []
        if fault.retry_after == "http-date":
            headers.append(("Retry-After", http_date(time.time() + fault.seconds)))
        elif fault.retry_after is not None:
            headers.append(("Retry-After", fault.retry_after))
        return _error(fault, 429, "Too Many Requests", headers)
    return None


def _error(fault: Fault, status: int, text: str, headers: list[tuple[str, str]]) -> Response:
    return (html_message if fault.html else message)(status, text, headers)


def after(fault: Fault | None, response: Response) -> Response:
    """The handler's response as the fault changes it."""
    if fault is None:
        return response
    if fault.kind in ("truncate", "stall"):
        response.cut = int(response.length * fault.at)
        response.hold = fault.kind == "stall"
    elif fault.kind == "trickle":
        response.pace = Pace(fault.chunk, fault.interval)
    elif fault.kind == "bad_json":
        return Response(200, [("Content-Type", "application/json")], _PROXY_PAGE)
    elif fault.kind == "truncated_json" and isinstance(response.body, bytes):
        return Response(200, response.headers, response.body[: len(response.body) // 2])
    return response
