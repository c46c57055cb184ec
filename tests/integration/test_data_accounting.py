"""Accounting of articles that reach the worker in awkward ways, through a real worker on the
embedded broker: an article id posted again off its id's partition (no key, another key)."""

from __future__ import annotations

from collections import Counter

import pytest
from aiokafka import AIOKafkaProducer

from tests.integration.outputs import collect
from tests.integration.test_bad_input import QUIET, STRIKE, TALKS, article
from warwire.config import Settings
from warwire.kafka_io import client_options, key_partition
from warwire.session import WorkerProcess, run_pipeline

pytestmark = pytest.mark.integration

REUSED = "reused-id-1"


async def post(settings: Settings, messages: list[tuple[bytes | None, bytes, int]]) -> None:
    """(key, value, partition) each, to the articles topic."""
    producer = AIOKafkaProducer(**client_options(settings))
    await producer.start()
    try:
        for key, value, partition in messages:
            await producer.send_and_wait(
                settings.topics.articles, value, key=key, partition=partition
            )
    finally:
        await producer.stop()


async def test_an_id_reposted_off_its_partition_with_another_body_is_dead_lettered(
    settings: Settings,
) -> None:
    partitions = settings.topics.partitions
    home = key_partition(REUSED.encode(), partitions)
    away = [p for p in range(partitions) if p != home]
    original = article(REUSED, STRIKE)
    # First the original, keyed by its id and processed; then the same id off its partition.
    workers: list[WorkerProcess] = []
    await run_pipeline(settings, [original], timeout=120, keep_worker=workers.append)
    [worker] = workers
    fresh = article("unkeyed-fresh", TALKS, url="https://wire.example/another-page")
    later = [
        (None, article(REUSED, TALKS, url="https://wire.example/talks"), away[0]),
        (b"not-the-id", article(REUSED, QUIET, url="https://wire.example/quiet"), away[1]),
        (None, original, away[2]),  # the same body again: a re-post, processed
        (None, fresh, away[0]),  # a new article without a key takes the same path
    ]
    try:
        await post(settings, later)
        collected = (
            await collect(settings, lambda c: c.accounted(1 + len(later)), timeout=60)
        ).collected
        assert worker.running, "the worker died"
    finally:
        worker.stop()

    receipts = collected.receipts
    assert len(receipts) == 1 + len(later)
    by_body = {(r.partition, r.article_id, r.outcome, r.reason) for r in receipts.values()}
    assert by_body == {
        (home, REUSED, "processed", None),
        (away[0], REUSED, "dead_lettered", "id_reused"),
        (away[1], REUSED, "dead_lettered", "id_reused"),
        (away[2], REUSED, "processed", None),
        (away[0], "unkeyed-fresh", "processed", None),
    }
    letters = [d for d in collected.dead_letters if d.reason == "id_reused"]
    assert len(letters) == 2
    for letter in letters:
        assert letter.article_id == REUSED and letter.topic == settings.topics.articles
        assert "processed before with a different body" in letter.detail
        receipt = receipts[(letter.partition, letter.offset)]
        assert (receipt.outcome, receipt.reason) == ("dead_lettered", "id_reused")
    assert Counter(d.key for d in letters) == Counter([None, "not-the-id"])

    # Nothing of the refused bodies got through, and every "processed" article's events are
    # folded into an incident: none was dropped behind a "processed" receipt.
    reused_events = [e.event for e in collected.events.values() if e.event.article_id == REUSED]
    assert reused_events and {e.type for e in reused_events} == {"strike"}
    folded = collected.event_incidents()
    for receipt in receipts.values():
        if receipt.outcome == "processed":
            assert all(event_id in folded for event_id in receipt.event_ids)
    fresh_receipt = next(r for r in receipts.values() if r.article_id == "unkeyed-fresh")
    assert fresh_receipt.event_ids
