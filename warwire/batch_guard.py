"""Skip record batches the consumer cannot decode instead of dying on them.

aiokafka decodes a fetched record batch while iterating it; a batch it cannot decode (a codec
whose library is missing, a codec id it does not know, a CRC that does not match) raises out
of the fetcher, and through Faust every agent of the worker stops. One producer's batch would
stop the pipeline for everyone.

`install()` wraps the record sets aiokafka hands to its `PartitionRecords`: every batch is
decoded up front; one that fails is presented to aiokafka as an empty control batch, which
aiokafka itself steps over (it moves the fetch position past the batch). Each skipped batch is
logged once, counted, and queued as a `SkippedBatch` for the worker to dead-letter.

The fetcher runs in Faust's consumer thread: the queue is a deque, safe to append there and
pop from the worker's event loop.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from aiokafka.consumer import fetcher

from warwire import metrics

log = logging.getLogger("warwire.batch_guard")

MAX_QUEUED = 10_000
"""Skipped batches kept for dead-lettering; older ones are dropped (still counted, logged)."""


@dataclass(frozen=True)
class SkippedBatch:
    topic: str
    partition: int
    first_offset: int
    last_offset: int
    error: str


skipped: deque[SkippedBatch] = deque(maxlen=MAX_QUEUED)


class _DecodedBatch:
    """A batch already decoded: aiokafka reads its header fields and iterates its records."""

    def __init__(self, batch: Any, records: list[Any]) -> None:
        self._batch = batch
        self._records = iter(records)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._batch, name)

    def validate_crc(self) -> bool:
        return True  # checked before decoding

    def __iter__(self) -> Iterator[Any]:
        return self._records

    def __next__(self) -> Any:
        return next(self._records)


class _SkippedBatch:
    """What aiokafka sees in place of an undecodable batch: an empty control batch, which it
    skips by moving its position to `next_offset`."""

    is_control_batch = True
    is_transactional = False
    producer_id = None

    def __init__(self, base_offset: int, next_offset: int) -> None:
        self.base_offset = base_offset
        self.next_offset = next_offset

    def validate_crc(self) -> bool:
        return True

    def __iter__(self) -> Iterator[Any]:
        return iter(())


class _GuardedRecords:
    """aiokafka's record set for one partition, handing out batches decoded or skipped."""

    def __init__(self, records: Any, topic: str, partition: int, check_crcs: bool) -> None:
        self._records = records
        self._topic = topic
        self._partition = partition
        self._check_crcs = check_crcs

    def has_next(self) -> bool:
        return bool(self._records.has_next())

    def next_batch(self) -> Any:
        batch = self._records.next_batch()
        try:
            if self._check_crcs and not batch.validate_crc():
                raise ValueError("the batch's CRC does not match its contents")
            return _DecodedBatch(batch, list(batch))
        except Exception as exc:
            return self._skip(batch, exc)

    def _skip(self, batch: Any, exc: Exception) -> _SkippedBatch:
        first = int(batch.base_offset)
        try:
            following = int(batch.next_offset)
        except Exception:  # a header too damaged to give its last offset: skip one offset
            following = first + 1
        entry = SkippedBatch(
            self._topic, self._partition, first, following - 1, f"{type(exc).__name__}: {exc}"
        )
        log.error(
            "skipped an undecodable record batch: %s/%s offsets %s-%s (%s)",
            entry.topic,
            entry.partition,
            entry.first_offset,
            entry.last_offset,
            entry.error,
        )
        metrics.UNDECODABLE_BATCHES.labels(topic=entry.topic, partition=str(entry.partition)).inc()
        skipped.append(entry)
        return _SkippedBatch(first, following)


_original_init = fetcher.PartitionRecords.__init__


def _guarded_init(
    self: Any, tp: Any, records: Any, aborted: Any, fetch_offset: int, *rest: Any
) -> None:
    check_crcs = bool(rest[2]) if len(rest) > 2 else True
    guarded = _GuardedRecords(records, tp.topic, tp.partition, check_crcs)
    _original_init(self, tp, guarded, aborted, fetch_offset, *rest)


def install() -> None:
    """Guard every consumer of this process (idempotent)."""
    fetcher.PartitionRecords.__init__ = _guarded_init


def drain() -> list[SkippedBatch]:
    """The batches skipped since the last call, oldest first."""
    taken = []
    while skipped:
        taken.append(skipped.popleft())
    return taken
