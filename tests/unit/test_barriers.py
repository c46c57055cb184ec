"""Progress barriers pass a step only once every partition of its input has sent them."""

from __future__ import annotations

from warwire.barriers import ORIGIN, Aligner, Barrier


def test_a_barrier_round_trips_through_its_header() -> None:
    barrier = Barrier("w1-3", 1765000000.25, 4)
    assert Barrier.decode(barrier.encode()) == barrier
    assert Barrier.decode(b"not a barrier") is None


def test_a_round_completes_once_every_source_has_sent_it() -> None:
    aligner = Aligner(sources=3)
    posted = Barrier("w1-1", 10.0)
    assert not aligner.arrive(0, posted.sent_on(2))
    assert not aligner.arrive(0, posted.sent_on(2))  # read again after a rebalance
    assert not aligner.arrive(0, posted.sent_on(0))
    assert not aligner.arrive(1, posted.sent_on(1))  # another partition counts apart
    assert aligner.arrive(0, posted.sent_on(1))
    assert not aligner.arrive(1, posted.sent_on(0))


def test_a_posted_barrier_passes_the_first_step_at_once() -> None:
    assert Aligner(sources=6).arrive(2, Barrier("w1-1", 10.0, ORIGIN))


def test_rounds_that_never_complete_are_dropped() -> None:
    aligner = Aligner(sources=2, keep_rounds=4)
    for n in range(10):
        aligner.arrive(0, Barrier(f"lost-{n}", float(n), 0))
    assert len(aligner._seen) <= 5
    assert aligner.arrive(0, Barrier("lost-9", 9.0, 1))  # the newest are kept
