"""Progress barriers pass a step only once every partition of its input has sent them."""

from __future__ import annotations

from warwire.barriers import ORIGIN, RETRY_SECONDS, ROUND_TIMEOUT, Aligner, Barrier, Rounds


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


def test_a_round_starts_at_once_and_a_second_for_alerts_the_first_cannot_release() -> None:
    rounds = Rounds("w1", min_gap=0.25)
    first = rounds.start(100.0, waiting_since=100.0)
    assert first is not None and first.posted_at == 100.0
    assert rounds.start(100.3, waiting_since=99.9) is None  # the first covers that alert
    second = rounds.start(100.3, waiting_since=100.2)  # began to wait after the first began
    assert second is not None and second.round != first.round
    assert rounds.start(100.6, waiting_since=100.5) is None  # two are under way
    rounds.done(first)
    assert rounds.start(100.6, waiting_since=100.5) is not None  # one back: at once


def test_rounds_are_at_least_the_gap_apart() -> None:
    rounds = Rounds("w1", min_gap=0.25)
    first = rounds.start(100.0, waiting_since=100.0)
    assert first is not None
    rounds.done(first)
    assert rounds.start(100.1, waiting_since=100.05) is None
    assert rounds.start(100.25, waiting_since=100.05) is not None


def test_alerts_a_finished_round_left_waiting_get_another_round_after_a_while() -> None:
    rounds = Rounds("w1", min_gap=0.25)
    first = rounds.start(100.0, waiting_since=99.0)
    assert first is not None
    rounds.done(first)  # back, but some alert still waits (its partition lost the round)
    assert rounds.start(100.5, waiting_since=99.0) is None
    assert rounds.start(100.0 + RETRY_SECONDS, waiting_since=99.0) is not None


def test_a_round_not_back_is_taken_as_lost_after_the_timeout() -> None:
    rounds = Rounds("w1", min_gap=0.25, most_at_once=1)
    assert rounds.start(100.0, waiting_since=100.0) is not None
    assert rounds.start(100.0 + ROUND_TIMEOUT - 1, waiting_since=150.0) is None
    assert rounds.start(100.0 + ROUND_TIMEOUT, waiting_since=150.0) is not None


def test_only_a_round_under_way_ends_one() -> None:
    rounds = Rounds("w1", min_gap=0.0, most_at_once=1)
    old = rounds.start(100.0, waiting_since=100.0)
    assert old is not None
    rounds.lost()  # a rebalance
    current = rounds.start(100.1, waiting_since=100.0)
    assert current is not None
    rounds.done(old)  # the old round's barrier came back late
    assert rounds.start(100.2, waiting_since=100.15) is None
    rounds.done(Barrier(current.round.replace("w1", "w2"), 100.1))  # another worker's round
    assert rounds.start(100.2, waiting_since=100.15) is None
    rounds.done(current)
    assert rounds.start(100.2, waiting_since=100.15) is not None
