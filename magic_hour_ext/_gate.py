"""A bound on the API requests in flight per httpx.AsyncClient, for many concurrent acheck_result calls.

httpcore's async pool does work proportional to (queued requests x connections) each time a request
starts or ends, and closes idle connections above ``max_keepalive_connections`` (20 by default)
only to open new ones. With 1,000 calls sharing one client, that makes the pool itself the
bottleneck. So acheck_result lets at most ``min(max_connections, max_keepalive_connections)``
requests into a client's pool at a time, and at most MAX_GATE; the others wait on a semaphore,
which costs nothing per waiter. So no more connections are opened than the pool allows.
"""

from __future__ import annotations

import weakref

import anyio
import httpx

from ._transport import DeadlineTransport

__all__ = ["DEFAULT_GATE", "MAX_GATE", "pool_size", "request_gate"]

#: The most requests let into one client's pool at once. On loopback, 1,000 calls over one client
#: finish fastest with about 10 (4.5 s for 1,000 one-second jobs with downloads, against 6.3 s
#: with 32 and 15 s without a gate); more helps only when each request has a long round trip.
MAX_GATE = 16
#: The bound when the pool's limits cannot be read.
DEFAULT_GATE = MAX_GATE

_gates: weakref.WeakKeyDictionary[httpx.AsyncClient, anyio.Semaphore] = weakref.WeakKeyDictionary()


def pool_size(client: httpx.AsyncClient) -> int:
    """How many requests *client*'s pool serves at once without churning connections.

    Reads the limits of a DeadlineTransport or of httpx's default transport; DEFAULT_GATE for any
    other transport.
    """
    transport = getattr(client, "_transport", None)
    if isinstance(transport, DeadlineTransport):
        limits = [transport.limits.max_connections, transport.limits.max_keepalive_connections]
    else:
        pool = getattr(transport, "_pool", None)
        limits = [getattr(pool, "_max_connections", None), getattr(pool, "_max_keepalive_connections", None)]
    sizes = [v for v in limits if isinstance(v, int) and not isinstance(v, bool) and v > 0]
    return min([*sizes, MAX_GATE]) if sizes else DEFAULT_GATE


def request_gate(client: httpx.AsyncClient) -> anyio.Semaphore:
    """The semaphore shared by every acheck_result call that uses *client* (made on first use)."""
    gate = _gates.get(client)
    if gate is None:
        gate = _gates[client] = anyio.Semaphore(pool_size(client))
    return gate
