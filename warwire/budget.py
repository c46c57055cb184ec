"""A wall-clock budget for a synchronous, CPU-bound call (extracting one article).

The extractor is plain Python that runs in the worker's event loop: while it works, nothing
else of the partition moves. `call_within` interrupts it once its budget is spent, wherever it
is, without the extractor having to check a clock: an interval timer (SIGALRM) raises
`TooSlow` in the main thread at the next bytecode boundary, and the regular expression engine
checks for signals during long matches too. Off the main thread, or where there is no
SIGALRM, the call runs to its end and is refused afterwards if it overran.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

T = TypeVar("T")


class TooSlow(BaseException):
    """The call overran its budget. A BaseException, so that a broad `except Exception` in
    the code it interrupts cannot swallow it."""

    def __init__(self, budget: float) -> None:
        super().__init__(f"over its budget of {budget:g} s")
        self.budget = budget


def call_within(budget: float, call: Callable[[], T]) -> T:
    """`call()`, interrupted with `TooSlow` once `budget` seconds have passed (0: no budget)."""
    if budget <= 0:
        return call()
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        started = time.monotonic()
        result = call()
        if time.monotonic() - started > budget:
            raise TooSlow(budget)
        return result
    armed = [True]

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        # Raises once, and only while the call runs: an alarm that lands as the call returns
        # finds the flag down and does nothing.
        if armed[0]:
            armed[0] = False
            raise TooSlow(budget)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    # A timer someone else set (pytest-timeout does) is put back afterwards, what is left of
    # it; if it fell due meanwhile, it goes off as soon as it is back.
    other_delay, other_interval = signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        return call()
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if other_delay > 0:
            left = other_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), other_interval)
