"""A Faust app whose worker consumer waits a configurable time for data and loses no message
over a rebalance or at the end of table recovery.

Faust creates its worker consumer with `fetch_max_wait_ms=1500` and no setting to change it.
Apache Kafka answers a parked fetch as soon as data arrives, so there the figure only paces
idle polling. The embedded (Tansu) broker holds a fetch for much of the wait even when data
arrives meanwhile, which put up to the whole wait on every topic hop of the pipeline: about a
second per hop between an article and its alert. bench/README.md has the figures.

Rebalances: Faust (faust-streaming 0.15) throws away records it has already taken from the
client when they arrive for a partition it is not reading at that moment (paused during a
rebalance or table recovery) or while its flow is stopped, and counts on a seek to the
committed offsets, once the partitions are assigned, to read them again. Two holes made a
survivor of a SIGKILL skip messages for good (docs/robustness.md, issue 18):

- it hands the client its live set of partitions to read; when that set is emptied during
  the fetch (table recovery pauses the changelogs before the stream partitions are resumed),
  aiokafka takes the empty set as "every partition" and returns, and moves past, records of
  the stream partitions, which Faust then drops;
- aiokafka's `seek_to_committed` leaves alone a partition with no committed offset (one whose
  previous owner died before its first commit there), so nothing moved it back to the start.

`_ConsumerThread` fetches for a copy of the set taken when the fetch starts, and rewinds a
stream partition without a committed offset to where `consumer_auto_offset_reset` says a
consumer starts. Faust's commit then starts from the first offset it really processed.

The end of table recovery (after every start, restart and rebalance) is `_Recovery`'s: it
no longer empties the agents' queues after the seek (`resume_streams`).

Table recovery reads each changelog partition up to the end offset it asks for first
(`highwaters`). The embedded (Tansu) broker answers ListOffsets with the base offset of a
partition's last record batch + 1, short of the end when that batch holds several records;
its fetch responses carry the true end (the high watermark). `_ConsumerThread` takes the
larger of the two (`exact_end_offsets`); on Kafka they are the same.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping
from typing import Any, Protocol

import faust
from aiokafka import AIOKafkaConsumer
from faust.tables import TableManager
from faust.tables.recovery import Recovery
from faust.transport.drivers import aiokafka as driver
from faust.types import TP

from warwire.kafka_io import exact_end_offsets

FAUST_FETCH_MAX_WAIT_MS = 1500


class _ConsumerThread(driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Read by AIOKafkaConsumer.start() when it builds its fetcher.
        consumer._fetch_max_wait_ms = getattr(
            self.app, "fetch_max_wait_ms", FAUST_FETCH_MAX_WAIT_MS
        )
        return consumer

    async def getmany(self, active_partitions: set[TP] | None, timeout: float) -> Any:
        # A copy: the main thread pauses and resumes partitions in its set while the fetch
        # waits, and an empty set means "all partitions" to aiokafka.
        partitions = None if active_partitions is None else set(active_partitions)
        return await super().getmany(partitions, timeout)

    async def seek_to_committed(self) -> Mapping[TP, int]:
        offsets: Mapping[TP, int] = await self.call_thread(self._seek_to_committed_or_start)
        return offsets

    async def _highwaters(self, partitions: list[TP]) -> Mapping[TP, int]:
        listed = await super()._highwaters(partitions)
        if self.consumer.in_transaction:
            return listed
        return await exact_end_offsets(self._ensure_consumer()._client, listed)

    async def _seek_to_committed_or_start(self) -> Mapping[TP, int]:
        return await seek_to_committed_or_start(
            self._ensure_consumer(),
            # Changelog positions are table recovery's business; it never commits them.
            skip_topics=self.app.tables.changelog_topics,
            reset=self.app.conf.consumer_auto_offset_reset,
        )


async def seek_to_committed_or_start(
    consumer: AIOKafkaConsumer, skip_topics: Collection[str], reset: str
) -> Mapping[TP, int]:
    """Seek every assigned partition to its committed offset, and one without a commit (of
    a topic not in `skip_topics`) to where a consumer starts by `reset` ("earliest" or
    "latest"). Returns the committed offsets (None: no commit), as `seek_to_committed`."""
    committed: Mapping[TP, int] = await consumer.seek_to_committed()
    assigned = consumer.assignment()
    uncommitted = [
        tp
        for tp, offset in committed.items()
        if not offset and tp.topic not in skip_topics and tp in assigned
    ]
    if uncommitted and reset == "latest":
        await consumer.seek_to_end(*uncommitted)
    elif uncommitted:
        await consumer.seek_to_beginning(*uncommitted)
    return committed


class _Consumer(driver.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(driver.Transport):
    Consumer = _Consumer


class StreamConsumer(Protocol):
    """What the end of recovery asks of Faust's consumer."""

    async def perform_seek(self) -> None: ...

    def resume_partitions(self, tps: Iterable[Any]) -> None: ...

    def resume_flow(self) -> None: ...


class FlowControl(Protocol):
    def is_active(self) -> bool: ...

    def resume(self) -> None: ...


async def resume_streams(
    consumer: StreamConsumer,
    flow_control: FlowControl,
    streams: set[Any],
    wait: Callable[[Awaitable[None]], Awaitable[None]] | None = None,
    sought: Callable[[], None] | None = None,
) -> None:
    """The end of table recovery: resume the stream partitions `streams`, seek them to their
    committed offsets, call `sought`, and let the agents' queues flow. `wait` wraps the
    seek's awaitable (Faust's recovery gives up on it when another rebalance starts).

    Faust's own end resumed the flow control even when it was running already, as it is
    after the changelogs are read: resuming empties every agent's queue. The partitions had
    been resumed before the seek, so the agents were handed messages while it went on,
    partition by partition. A message fetched from a position already sought and still
    queued when the flow control was resumed was dropped, its offset read, so nothing
    fetched it again; and Faust's commit went past it, because its check takes the
    committed offset (the next to read) for the last one read. Here the flow control is
    resumed only when it is stopped, so what was handed out during the seek is processed
    (some of it twice, as the seek fetches it again: at-least-once).

    Seeking before the partitions are resumed would not do: the consumer's set of active
    partitions is empty meanwhile, and aiokafka takes an empty set as "every partition", so
    a fetch under way hands over records of the paused partitions, which Faust discards
    while their positions move on."""
    consumer.resume_partitions(streams)
    if streams:
        seeking = consumer.perform_seek()
        await (wait(seeking) if wait is not None else seeking)
    if sought is not None:
        sought()
    if not flow_control.is_active():
        flow_control.resume()
    consumer.resume_flow()


class _Recovery(Recovery):
    """Faust's table recovery, ending with `resume_streams`; the rest of
    `on_recovery_completed` is Faust's (faust-streaming 0.15.3)."""

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        app: Any = self.app
        consumer = app.consumer
        self.log.info("Restore complete!")
        await app.on_rebalance_complete.send()
        self._set_recovery_ended()
        callbacks = [
            asyncio.ensure_future(
                table.on_recovery_completed(
                    self.actives_for_table[table], self.standbys_for_table[table]
                )
            )
            for table in self.tables.values()
        ]
        if callbacks:
            await asyncio.wait(callbacks)
        assignment = consumer.assignment()
        if app.consumer_generation_id != generation_id:
            self.log.warning(
                f"Recovery rebalancing again app id {app.consumer_generation_id} "
                f"param {generation_id}"
            )
            return
        streams = {tp for tp in assignment if not self._is_changelog_tp(tp)}
        if streams:
            self.log.info("Seek stream partitions to committed offsets.")
        timeout = app.conf.broker_request_timeout
        await resume_streams(
            consumer,
            app.flow_control,
            streams,
            wait=lambda seeking: self._wait(seeking, timeout=timeout),
            sought=self.completed.set,
        )
        await app._fetcher.maybe_start()
        self.tables.on_actives_ready()
        if not app.assignor.assigned_standbys():
            self.tables.on_standbys_ready()
        app.on_rebalance_end()
        self.log.info("Worker ready")


class _TableManager(TableManager):
    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = _Recovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery


class WorkerApp(faust.App):
    """`faust.App` on the aiokafka transport, its worker consumer waiting at most
    `fetch_max_wait_ms` for data, its table recovery `_Recovery`."""

    def __init__(self, *args: Any, fetch_max_wait_ms: int, **kwargs: Any) -> None:
        self.fetch_max_wait_ms = fetch_max_wait_ms
        super().__init__(*args, TableManager=_TableManager, **kwargs)

    def _new_transport(self) -> _Transport:
        return _Transport(self.conf.broker_consumer, self)


STOP_DEADLINE_SECONDS = 10.0
"""After SIGTERM or SIGINT, how long a clean stop may take before the process exits anyway:
with the broker gone, Faust's stop can wait on it for minutes. Nothing is lost by the hard
exit: offsets not committed are read again by the next owner."""


class ReadyWorker(faust.Worker):
    """Faust's worker, saying once on stdout when it is up, and gone within
    `STOP_DEADLINE_SECONDS` of a stop signal whatever the broker does."""

    def __init__(self, *args: Any, ready_line: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ready_line = ready_line

    async def on_startup_finished(self) -> None:
        await super().on_startup_finished()
        print(self.ready_line, flush=True)

    def _schedule_shutdown(self, signal: Any) -> None:
        super()._schedule_shutdown(signal)
        deadline = threading.Timer(STOP_DEADLINE_SECONDS, exit_now, args=("did not stop",))
        deadline.daemon = True
        deadline.start()


def exit_now(why: str) -> None:
    """End the process at once, saying why in one line (from any thread)."""
    sys.stderr.write(f"warwire run: {why}; exiting now\n")
    sys.stderr.flush()
    os._exit(1)
