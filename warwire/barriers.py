"""Progress barriers: how the fold step learns that every article posted before a moment has
been folded. Pure: the Faust agents in `streams/agents/` move the barriers.

A *round* starts with one barrier posted to every partition of the articles topic. Each step
passes a barrier on once it has read it from every partition of its input (the barriers are
*aligned*, as Flink aligns checkpoint barriers): a partition's log is in order, so by then it
has handled, and sent on, everything that was in its input ahead of the barrier. When the
fold step has the round's barrier from every partition of the events topic, every event of
every article posted before the round began has been folded there.

Barriers travel as empty messages carrying `HEADER`, so readers of the topics that look only at
values (`warwire.session.Collected`, `warwire alerts`) skip them as they skip settle ticks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADER = "warwire-barrier"
ORIGIN = -1
"""The source of a barrier as posted to the articles topic (no step before it)."""


@dataclass(frozen=True)
class Barrier:
    round: str
    """Unique per round: the posting worker and its count of rounds."""
    posted_at: float
    """Wall-clock time (s) the round began: every article posted before it is ahead of it."""
    source: int = ORIGIN
    """The input partition of the step that sent it on."""

    def encode(self) -> bytes:
        return f"{self.round}|{self.posted_at:.6f}|{self.source}".encode()

    @classmethod
    def decode(cls, raw: bytes) -> Barrier | None:
        try:
            round_id, posted_at, source = raw.decode().rsplit("|", 2)
            return cls(round_id, float(posted_at), int(source))
        except ValueError:
            return None

    def sent_on(self, partition: int) -> Barrier:
        return Barrier(self.round, self.posted_at, partition)


ROUND_TIMEOUT = 60.0
"""Seconds after which a progress round not yet back is taken as lost and another one starts.
A rebalance, which may lose a round (its barriers read by a worker that lost their
partitions), starts another at once; a round is slow only behind a long backlog."""


RETRY_SECONDS = 1.0
"""While alerts wait that a round already under way or back should have released (one lost
with a rebalance), another round starts at most this often."""


class Rounds:
    """The progress rounds one worker starts: at most `most_at_once` under way, and at least
    `min_gap` seconds apart. A round starts as soon as an alert begins to wait that no round
    under way can release (one begun before the alert began to wait cannot), so a first alert
    waits about one round trip; alerts that a round under way covers start none, so a busy
    stream adds few barriers. Waiting alerts a round should have released but did not (lost
    with a rebalance) get another round every `RETRY_SECONDS`."""

    def __init__(self, worker: str, min_gap: float, most_at_once: int = 2) -> None:
        self.worker = worker
        self.min_gap = min_gap
        self.most_at_once = most_at_once
        self.count = 0
        self.under_way: dict[str, float] = {}
        self.last_start: float | None = None

    def start(self, now: float, waiting_since: float) -> Barrier | None:
        """The next round's barrier, or None when none is due: `waiting_since` is when the
        latest alert waiting began to wait."""
        self.under_way = {r: t for r, t in self.under_way.items() if now - t < ROUND_TIMEOUT}
        last = self.last_start
        if len(self.under_way) >= self.most_at_once:
            return None
        if last is not None and 0 <= now - last < self.min_gap:
            return None
        covered = last is not None and waiting_since < last
        if covered and (self.under_way or (last is not None and 0 <= now - last < RETRY_SECONDS)):
            return None
        self.count += 1
        barrier = Barrier(f"{self.worker}-{self.count}", now)
        self.under_way[barrier.round] = self.last_start = now
        return barrier

    def done(self, barrier: Barrier) -> None:
        self.under_way.pop(barrier.round, None)

    def lost(self) -> None:
        """A rebalance may have lost the rounds under way: the next may start at once."""
        self.under_way.clear()
        self.last_start = None


@dataclass
class Aligner:
    """The barriers one step has read, per input partition, until every source has sent a
    round. Rounds that never complete (a barrier lost with a worker that was replaced) are
    dropped once `keep_rounds` newer ones are held."""

    sources: int
    keep_rounds: int = 256
    _seen: dict[tuple[int, str], set[int]] = field(default_factory=dict)
    _posted: dict[tuple[int, str], float] = field(default_factory=dict)

    def arrive(self, partition: int, barrier: Barrier) -> bool:
        """Record `barrier` read from `partition`; True when it completes the round there
        (the last of the `sources` senders; once per round and partition)."""
        if barrier.source == ORIGIN or self.sources <= 1:
            return True
        key = (partition, barrier.round)
        senders = self._seen.setdefault(key, set())
        self._posted[key] = barrier.posted_at
        senders.add(barrier.source)
        if len(senders) < self.sources:
            if len(self._seen) > self.keep_rounds:
                oldest = min(self._posted, key=self._posted.__getitem__)
                self._seen.pop(oldest, None)
                self._posted.pop(oldest, None)
            return False
        del self._seen[key], self._posted[key]
        return True

    def clear(self) -> None:
        self._seen.clear()
        self._posted.clear()
