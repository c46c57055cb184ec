"""The worker's timers: progress rounds while alerts wait, dead letters for record batches the
consumer could not decode, and the gauges of open incidents and consumer lag."""

from __future__ import annotations

import functools
import logging
import time

from schemas import Incident, Receipt
from streams.messages import partition_of
from streams.stage import Stage
from streams.state import MARK_PREFIX
from warwire import batch_guard, codec, metrics
from warwire.articles import Record, Rejected
from warwire.articles import dead_letter as build_dead_letter
from warwire.dedup import BlockMark
from warwire.kafka_io import send_until_accepted

log = logging.getLogger("warwire.worker")

WAITING_RESCAN_SECONDS = 5.0


def register(stage: Stage) -> None:
    app = stage.app
    rescanned = 0.0

    @app.timer(interval=stage.settings.dedup_settle_seconds)  # type: ignore[untyped-decorator]
    async def settle_blocks() -> None:
        """While alerts wait, start a progress round when `Rounds` allows one: the fold
        starts one as soon as an alert begins to wait; this catches the waits recovered from
        the changelog, those `Rounds` held back for its gap, and those a lost round left."""
        nonlocal rescanned
        if time.monotonic() - rescanned >= WAITING_RESCAN_SECONDS:
            rescanned = time.monotonic()
            find_waiting_blocks(stage)
        await stage.start_round()

    @app.timer(interval=0.5)  # type: ignore[untyped-decorator]
    async def dead_letter_skipped_batches() -> None:
        for skipped in batch_guard.drain():
            await dead_letter_batch(stage, skipped)

    @app.timer(interval=10.0)  # type: ignore[untyped-decorator]
    async def count_open_incidents() -> None:
        stored = [codec.loads(Incident, raw) for raw in list(stage.tables.incidents.values())]
        metrics.record_open_incidents(stored, owned_event_partitions(stage), stage.partitions)

    @app.timer(interval=5.0)  # type: ignore[untyped-decorator]
    async def report_consumer_lag() -> None:
        sources = {topic.get_topic_name() for topic in stage.topics.consumed()}
        await metrics.CONSUMER_LAG_TRACKER.refresh(app.consumer, sources)


def owned_event_partitions(stage: Stage) -> set[int]:
    events_topic = stage.topics.events.get_topic_name()
    return {
        tp.partition for tp in stage.app.assignor.assigned_actives() if tp.topic == events_topic
    }


def find_waiting_blocks(stage: Stage) -> None:
    """Marks recovered from the changelog after a restart or a rebalance."""
    owned = owned_event_partitions(stage)
    for key, raw in list(stage.tables.buckets.items()):
        if key.startswith(MARK_PREFIX) and codec.loads(BlockMark, bytes(raw)).pending:
            block = key.removeprefix(MARK_PREFIX)
            if (partition := partition_of(block, stage.partitions)) in owned:
                if block not in stage.waiting:
                    stage.waiting_since = time.time()  # recovered: no round covers it
                stage.waiting.setdefault(block, partition)


async def dead_letter_batch(stage: Stage, skipped: batch_guard.SkippedBatch) -> None:
    first, last = skipped.first_offset, skipped.last_offset
    rejected = Rejected(
        "undecodable_batch",
        f"record batch at {skipped.topic}/{skipped.partition} offsets {first}-{last} "
        f"could not be decoded and was skipped: {skipped.error}",
    )
    letter = build_dead_letter(
        rejected, Record(topic=skipped.topic, partition=skipped.partition, offset=first)
    ).model_copy(update={"last_offset": last})
    await send_until_accepted(
        lambda: stage.topics.dead_letters.send(value=codec.dumps(letter)),
        f"dead letter for the batch at {skipped.topic}/{skipped.partition}@{first}-{last}",
    )
    if skipped.topic != stage.topics.articles.get_topic_name():
        return
    # Each skipped offset of the articles topic was an article consumed: it gets its
    # receipt, so consumed = processed + dead-lettered still holds.
    for offset in range(first, last + 1):
        receipt = Receipt(
            topic=skipped.topic,
            partition=skipped.partition,
            offset=offset,
            article_id=None,
            outcome="dead_lettered",
            reason=rejected.reason,
        )
        await send_until_accepted(
            functools.partial(stage.topics.receipts.send, value=codec.dumps(receipt)),
            f"receipt for {skipped.topic}/{skipped.partition}@{offset}",
        )
        metrics.ARTICLES_CONSUMED.inc()
        metrics.ARTICLES_REJECTED.labels(reason=rejected.reason).inc()
