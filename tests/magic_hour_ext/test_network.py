"""The deadline of the sync network streams, as a pure rule (over sockets: test_check_deadline.py)."""

from __future__ import annotations

import threading
import time

import httpcore
import pytest

from magic_hour_ext._network import _capped, request_deadline, time_left


def test_no_deadline_keeps_every_timeout() -> None:
    assert time_left() is None
    assert _capped(30.0, httpcore.ReadTimeout) == 30.0
    assert _capped(None, httpcore.ReadTimeout) is None


def test_timeouts_are_cut_to_the_time_left() -> None:
    with request_deadline(2.0):
        assert 1.5 < (_capped(30.0, httpcore.ReadTimeout) or 0) <= 2.0
        assert 1.5 < (_capped(None, httpcore.ReadTimeout) or 0) <= 2.0
        assert _capped(0.25, httpcore.ReadTimeout) == 0.25


def test_a_passed_deadline_raises_the_phase_error_at_once() -> None:
    with request_deadline(0.01):
        time.sleep(0.02)
        with pytest.raises(httpcore.WriteTimeout):
            _capped(30.0, httpcore.WriteTimeout)


def test_the_deadline_belongs_to_the_thread_that_set_it() -> None:
    seen: list[float | None] = []
    with request_deadline(5.0):
        worker = threading.Thread(target=lambda: seen.append(time_left()))
        worker.start()
        worker.join()
        assert time_left() is not None
    assert seen == [None]
    assert time_left() is None
