"""Consumer-group lag as the broker sees it: each group's committed offsets against the end of
each partition.

A worker's own lag figure (`warwire_consumer_lag_messages`) comes from its consumer and
freezes or vanishes with it. This probe asks the broker instead, from a thread of its own with
its own event loop and clients, so a consumer that hangs, loses its group or never joins still
shows up as lag that does not drain and a committed offset that does not move. Every worker
runs a probe and reports the same figures; dashboards and rules take the max over workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from warwire import metrics
from warwire.config import Settings
from warwire.kafka_io import client_options, exact_end_offsets

log = logging.getLogger("warwire.group_lag")

PROBE_INTERVAL = 15.0
"""Seconds between two readings: Prometheus scrapes every 15 s in the shipped config."""
PROBE_TIMEOUT = 10.0
"""Seconds one reading may take before it is abandoned and counted as failed."""


@dataclass(frozen=True)
class PartitionLag:
    committed: int | None
    """The group's committed offset, None when it never committed on the partition."""
    lag: int


def group_lag(
    committed: Mapping[TopicPartition, int | None],
    beginnings: Mapping[TopicPartition, int],
    ends: Mapping[TopicPartition, int],
) -> dict[TopicPartition, PartitionLag]:
    """Lag of each partition in `ends`: what lies between the group's committed offset (or the
    start of the log, when it never committed there) and the end of the partition."""
    lags: dict[TopicPartition, PartitionLag] = {}
    for partition, end in ends.items():
        offset = committed.get(partition)
        start = offset if offset is not None and offset >= 0 else None
        from_offset = start if start is not None else beginnings.get(partition, 0)
        lags[partition] = PartitionLag(committed=start, lag=max(0, end - from_offset))
    return lags


def groups_to_watch(settings: Settings) -> dict[str, list[str]]:
    """Each warwire consumer group and the topics it consumes."""
    topics = settings.topics
    return {
        settings.app_id: [
            topics.articles,
            topics.articles_by_id,
            topics.articles_by_url,
            topics.articles_by_body,
            topics.events,
        ],
        f"{settings.app_id}-forwarder": [topics.alerts],
    }


class GroupLagProbe:
    """Reads every watched group's lag from the broker at an interval, in a daemon thread."""

    def __init__(self, settings: Settings, interval: float = PROBE_INTERVAL) -> None:
        self._settings = settings
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="group-lag-probe", daemon=True)
        self._shown: set[tuple[str, str, str]] = set()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end and give it a moment to close its clients; it is a daemon,
        so a reading still waiting on the broker never holds up the worker's exit."""
        self._stop.set()
        self._thread.join(timeout=2.0)

    def _run(self) -> None:
        asyncio.run(self._probe_until_stopped())

    async def _probe_until_stopped(self) -> None:
        admin: AIOKafkaAdminClient | None = None
        reader: AIOKafkaConsumer | None = None
        failing = False
        while not self._stop.is_set():
            try:
                if admin is None or reader is None:
                    admin, reader = await asyncio.wait_for(self._connect(), PROBE_TIMEOUT)
                await asyncio.wait_for(self.read_once(admin, reader), PROBE_TIMEOUT)
                metrics.GROUP_LAG_PROBE_SUCCESS.set_to_current_time()
                if failing:
                    log.info("group lag: reading the broker again")
                failing = False
            except Exception as exc:  # broker away or slow: the next tick tries again
                metrics.GROUP_LAG_PROBE_FAILURES.inc()
                if not failing:
                    log.warning("group lag: could not read offsets from the broker: %r", exc)
                failing = True
                await _close(admin, reader)
                admin = reader = None
            await asyncio.to_thread(self._stop.wait, self._interval)
        await _close(admin, reader)

    async def _connect(self) -> tuple[AIOKafkaAdminClient, AIOKafkaConsumer]:
        options = client_options(self._settings)
        admin = AIOKafkaAdminClient(**options)
        reader = AIOKafkaConsumer(**options, enable_auto_commit=False)
        try:
            await admin.start()
            await reader.start()
        except Exception:
            await _close(admin, reader)
            raise
        return admin, reader

    async def read_once(self, admin: AIOKafkaAdminClient, reader: AIOKafkaConsumer) -> None:
        shown: set[tuple[str, str, str]] = set()
        await reader.topics()  # a full metadata refresh: partitions of topics it never fetched
        for group, topics in groups_to_watch(self._settings).items():
            partitions = [
                TopicPartition(topic, partition)
                for topic in topics
                for partition in sorted(reader.partitions_for_topic(topic) or ())
            ]
            if not partitions:
                continue
            committed_raw = await admin.list_consumer_group_offsets(group, partitions=partitions)
            committed = {tp: _offset(meta) for tp, meta in committed_raw.items()}
            beginnings = await reader.beginning_offsets(partitions)
            ends = await exact_end_offsets(reader._client, await reader.end_offsets(partitions))
            for tp, reading in group_lag(committed, beginnings, ends).items():
                labels = (group, tp.topic, str(tp.partition))
                metrics.GROUP_LAG.labels(*labels).set(reading.lag)
                if reading.committed is not None:
                    metrics.GROUP_COMMITTED_OFFSET.labels(*labels).set(reading.committed)
                shown.add(labels)
        for labels in self._shown - shown:
            metrics.GROUP_LAG.remove(*labels)
            with contextlib.suppress(KeyError):  # never committed: no series to remove
                metrics.GROUP_COMMITTED_OFFSET.remove(*labels)
        self._shown = shown


def _offset(meta: Any) -> int | None:
    offset = getattr(meta, "offset", None)
    return offset if isinstance(offset, int) and offset >= 0 else None


async def _close(admin: AIOKafkaAdminClient | None, reader: AIOKafkaConsumer | None) -> None:
    try:
        if reader is not None:
            await reader.stop()
        if admin is not None:
            await admin.close()
    except Exception:  # closing clients whose broker is gone
        pass
