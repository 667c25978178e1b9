"""loop_call: queue a callback in the running asyncio or trio loop, from any thread."""

from __future__ import annotations

import threading

import anyio
import pytest

from magic_hour_ext._loop_call import LoopCall, loop_call


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_outside_an_event_loop_it_raises() -> None:
    with pytest.raises(RuntimeError, match="no asyncio or trio event loop"):
        loop_call()


@pytest.mark.anyio
async def test_a_callback_queued_from_another_thread_runs_in_the_loop() -> None:
    call = loop_call()
    ran_in: list[threading.Thread] = []
    done = anyio.Event()

    def callback() -> None:
        ran_in.append(threading.current_thread())
        done.set()

    thread = threading.Thread(target=call, args=(callback,))
    thread.start()
    with anyio.fail_after(10):
        await done.wait()
    thread.join()

    assert ran_in == [threading.current_thread()]


@pytest.mark.anyio
async def test_a_callback_queued_from_the_loop_itself_runs_later_not_now() -> None:
    call = loop_call()
    ran: list[str] = []
    call(lambda: ran.append("callback"))
    ran.append("caller")
    await anyio.sleep(0.01)
    assert ran == ["caller", "callback"]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_once_the_loop_has_finished_queueing_raises_runtime_error(backend: str) -> None:
    # The waiter relies on it: a wait whose loop has ended is skipped, not an error for the deliverer.
    async def grab() -> LoopCall:
        return loop_call()

    call = anyio.run(grab, backend=backend)
    with pytest.raises(RuntimeError):
        call(lambda: None)
