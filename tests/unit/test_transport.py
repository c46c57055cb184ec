"""The worker app's consumer: its fetch wait from the settings, not Faust's 1.5 s; the
partitions it fetches for fixed when a fetch starts; a table recovery that ends without
dropping the messages fetched while it seeks, and reads each changelog to its true end."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError
from aiokafka.protocol.fetch import FetchRequest
from faust.transport.drivers import aiokafka as driver
from faust.types import TP
from mode.utils.queues import FlowControlEvent, FlowControlQueue

from streams.app import create_app
from streams.transport import (
    FAUST_FETCH_MAX_WAIT_MS,
    _Recovery,
    resume_streams,
)
from warwire.config import Settings
from warwire.kafka_io import exact_end_offsets


async def test_worker_consumer_waits_at_most_the_configured_time() -> None:
    settings = Settings(broker="kafka://127.0.0.1:9", fetch_max_wait_ms=35, metrics_port=0)
    app = create_app(settings)
    thread = app.consumer._thread
    consumer = thread._create_worker_consumer(app.transport)
    try:
        assert consumer._fetch_max_wait_ms == 35 != FAUST_FETCH_MAX_WAIT_MS
    finally:
        await consumer.stop()


class _Partition:
    """One paused stream partition whose committed offset is 5 and end 8, and a fetcher that
    hands every message it reads to an agent's queue as soon as the partition is resumed."""

    def __init__(self, queue: FlowControlQueue[int]) -> None:
        self.queue = queue
        self.paused = True
        self.position = 5
        self.end = 8

    def fetch(self) -> None:
        while not self.paused and self.position < self.end:
            self.queue.put_nowait(self.position)
            self.position += 1

    async def perform_seek(self) -> None:
        self.fetch()  # a fetch under way when the seek starts
        await asyncio.sleep(0)
        self.position = 5  # the committed offset
        self.fetch()  # fetched again before the seek of the other partitions is done
        await asyncio.sleep(0)

    def resume_partitions(self, tps: Iterable[Any]) -> None:
        self.paused = False

    def resume_flow(self) -> None:
        self.fetch()


def _queued(queue: FlowControlQueue[int]) -> list[int]:
    found = []
    while not queue.empty():
        found.append(queue.get_nowait())
    return found


async def test_the_end_of_recovery_loses_no_message_fetched_during_the_seek() -> None:
    flow_control = FlowControlEvent()
    queue: FlowControlQueue[int] = FlowControlQueue(flow_control=flow_control, clear_on_resume=True)
    partition = _Partition(queue)
    flow_control.resume()  # running, as it is once the changelogs are read
    await resume_streams(partition, flow_control, {"articles-0"})
    # Some twice (fetched before and after the seek), but every one from the committed on.
    assert set(_queued(queue)) == {5, 6, 7}


async def test_faust_s_own_order_lost_them() -> None:
    """The model above is faithful to the loss: Faust resumed the flow control once more
    after the seek, which empties the queues, and the position is past what they held."""
    flow_control = FlowControlEvent()
    queue: FlowControlQueue[int] = FlowControlQueue(flow_control=flow_control, clear_on_resume=True)
    partition = _Partition(queue)
    flow_control.resume()
    partition.resume_partitions({"articles-0"})
    await partition.perform_seek()
    flow_control.resume()
    partition.resume_flow()
    assert _queued(queue) == []


def test_the_worker_app_recovers_tables_with_that_order() -> None:
    app = create_app(Settings(broker="kafka://127.0.0.1:9", metrics_port=0))
    assert isinstance(app.tables.recovery, _Recovery)


async def test_a_fetch_reads_the_partitions_active_when_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Faust pauses and resumes partitions in its set while a fetch waits in the consumer
    thread; aiokafka reads an empty set as "every partition", so a set emptied meanwhile
    returned, and moved past, records Faust then dropped."""
    seen: list[set[TP] | None] = []

    async def fetch(self: Any, active_partitions: set[TP] | None, timeout: float) -> Any:
        seen.append(active_partitions)
        return {}

    monkeypatch.setattr(driver.AIOKafkaConsumerThread, "getmany", fetch)
    app = create_app(Settings(broker="kafka://127.0.0.1:9", metrics_port=0))
    active = {TP("articles", 0), TP("articles", 1)}
    await app.consumer._thread.getmany(active, timeout=0.1)
    active.clear()
    assert seen == [{TP("articles", 0), TP("articles", 1)}]


class _Cluster:
    def __init__(self, leaders: dict[TP, int | None]) -> None:
        self.leaders = leaders

    def leader_for_partition(self, tp: TP) -> int | None:
        return self.leaders.get(tp, 0)


class _Response:
    def __init__(self, topics: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
        self.topics = topics


class _Broker:
    """A client whose fetches answer with the high watermarks given, as a broker does: per
    partition (partition, error code, high watermark, then what the answer carries besides)."""

    def __init__(
        self,
        highwaters: dict[TP, int],
        errors: dict[TP, int] | None = None,
        leaders: dict[TP, int | None] | None = None,
        fail: bool = False,
    ) -> None:
        self.highwaters = highwaters
        self.errors = errors or {}
        self.cluster = _Cluster(leaders or {})
        self.fail = fail
        self.requests: list[tuple[int, FetchRequest]] = []

    async def send(self, node_id: int, request: Any) -> Any:
        self.requests.append((node_id, request))
        if self.fail:
            raise KafkaConnectionError("gone")
        topics = []
        for topic, partitions in request.topics:
            answered = [
                (p, self.errors.get(TP(topic, p), 0), self.highwaters[TP(topic, p)], 0, b"")
                for p, _, _ in partitions
                if TP(topic, p) in self.highwaters
            ]
            if answered:
                topics.append((topic, answered))
        return _Response(topics)


async def test_the_end_offset_is_the_fetch_s_high_watermark_where_listoffsets_falls_short() -> None:
    """The embedded broker answers ListOffsets with the last batch's base offset + 1: a batch
    of offsets 10 to 14 at the end reads as an end of 11. Recovery would stop short of 14."""
    short, exact = TP("bucket-state-changelog", 0), TP("bucket-state-changelog", 1)
    client = _Broker({short: 15, exact: 7})
    ends = await exact_end_offsets(client, {short: 11, exact: 7})
    assert ends == {short: 15, exact: 7}
    [(node, request)] = client.requests
    # From the last offset ListOffsets vouches for, so there is data to answer with at once.
    assert node == 0 and sorted(request.topics[0][1]) == [(0, 10, 1), (1, 6, 1)]
    assert request._max_wait_ms > 0  # the embedded broker names no partition with a wait of 0


async def test_an_end_offset_is_never_lowered_and_kept_when_the_fetch_cannot_tell() -> None:
    empty, behind, refused, unanswered, leaderless = (TP("t", p) for p in range(5))
    listed = {empty: 0, behind: 9, refused: 4, unanswered: 6, leaderless: 3}
    client = _Broker(
        {behind: 8, refused: 20, leaderless: 30},
        errors={refused: 1},
        leaders={leaderless: None},
    )
    assert await exact_end_offsets(client, listed) == listed
    [(_, request)] = client.requests
    asked = {p for _, partitions in request.topics for p, _, _ in partitions}
    assert asked == {1, 2, 3}  # nothing to ask of an empty partition or one without leader
    assert await exact_end_offsets(_Broker({}, fail=True), listed) == listed


async def test_table_recovery_asks_for_the_exact_end_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tp = TP("t-bucket-state-changelog", 0)

    async def listed(self: Any, partitions: list[TP]) -> dict[TP, int]:
        return {tp: 11}

    monkeypatch.setattr(driver.AIOKafkaConsumerThread, "_highwaters", listed)
    app = create_app(Settings(broker="kafka://127.0.0.1:9", metrics_port=0))
    thread = app.consumer._thread
    client = _Broker({tp: 15})
    monkeypatch.setattr(thread, "_ensure_consumer", lambda: type("C", (), {"_client": client}))
    assert await thread._highwaters([tp]) == {tp: 15}
