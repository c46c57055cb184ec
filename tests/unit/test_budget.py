"""The per-article time budget: a CPU-bound call is interrupted once its budget is spent."""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time

import pytest

from schemas import Article
from warwire.budget import TooSlow, call_within
from warwire.extract.core import extract_events_strict


def spin_until(flag: list[bool]) -> str:
    """Busy until `flag[0]` is set (never, here): only the budget ends it."""
    while not flag[0]:
        pass
    return "done"


def test_a_call_over_its_budget_is_interrupted_and_the_alarm_put_back() -> None:
    handler = signal.getsignal(signal.SIGALRM)
    with pytest.raises(TooSlow) as caught:
        call_within(0.05, lambda: spin_until([False]))
    assert caught.value.budget == 0.05
    assert signal.getsignal(signal.SIGALRM) == handler


def test_a_call_within_its_budget_returns_its_result() -> None:
    assert call_within(30.0, lambda: "quick") == "quick"
    assert call_within(0, lambda: "no budget") == "no budget"


def test_an_alarm_set_before_is_put_back_with_what_was_left_of_it() -> None:
    rang: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: rang.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 100.0)
        assert call_within(30.0, lambda: "quick") == "quick"
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90.0 < left <= 100.0 and not rang
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_broad_except_in_the_interrupted_code_does_not_swallow_it() -> None:
    def guarded() -> str:
        try:
            return spin_until([False])
        except Exception:  # what a defensive extractor might do
            return "swallowed"

    with pytest.raises(TooSlow):
        call_within(0.05, guarded)


def test_off_the_main_thread_an_overrun_is_refused_after_the_call() -> None:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call_within(0.01, lambda: time.sleep(0.05) or "late"))
        except TooSlow as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert isinstance(outcome[0], TooSlow)


def test_the_real_extractor_is_stopped_by_a_tiny_budget() -> None:
    sentence = (
        "Russian forces launched 120 drones and 9 missiles at the Odesa region overnight, "
        "the air force said, and four people were injured in the port district. "
    )
    article = Article(
        id="budget-1",
        body=sentence * 400,
        published_at=dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC),
    )
    with pytest.raises(TooSlow):
        call_within(0.001, lambda: extract_events_strict(article))
    assert call_within(60.0, lambda: extract_events_strict(article))
