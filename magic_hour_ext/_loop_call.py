"""Calling a function soon in the running event loop (asyncio or trio), from any thread, never blocking.

anyio offers ``from_thread.run_sync``, but it waits for the call to finish, so it blocks the
calling thread and cannot be used from the loop's own thread. Each event loop has the call this
needs: asyncio's ``loop.call_soon_threadsafe`` and trio's ``TrioToken.run_sync_soon``. Both are
safe from the loop's thread and from any other, and both only queue the call.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

__all__ = ["LoopCall", "loop_call"]

#: Queues a callback in an event loop; raises RuntimeError once that loop has finished.
LoopCall = Callable[[Callable[[], object]], object]


def loop_call() -> LoopCall:
    """The function that queues a callback in the event loop running in this thread.

    Raises:
        RuntimeError: no asyncio or trio event loop runs in this thread.

    Example:
        >>> import asyncio
        >>> async def main() -> list[str]:
        ...     seen: list[str] = []
        ...     loop_call()(lambda: seen.append("called"))
        ...     await asyncio.sleep(0)
        ...     return seen
        >>> asyncio.run(main())
        ['called']
    """
    try:
        return asyncio.get_running_loop().call_soon_threadsafe
    except RuntimeError:
        pass
    # trio is imported only by programs that run it: never import it here.
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            token = trio.lowlevel.current_trio_token()
        except RuntimeError:
            pass
        else:
            run_sync_soon: LoopCall = token.run_sync_soon
            return run_sync_soon
    raise RuntimeError("no asyncio or trio event loop is running in this thread")
