"""Accounting of articles that reach the worker in awkward ways, through a real worker on the
embedded broker: an article id posted again off its id's partition (no key, another key);
dead letters from the first step, the id check and extraction (over its time budget),
exported with `warwire dlq export`."""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from tests.integration.outputs import collect
from tests.integration.test_bad_input import QUIET, STRIKE, STRIKE_HTML, TALKS, article
from warwire.config import Settings
from warwire.kafka_io import client_options, key_partition
from warwire.session import WorkerProcess, run_pipeline, settings_env

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


HTML_REUSE = (
    "<html><body><article><h1>Talks planned</h1><p>Ukrainian and Russian negotiators will "
    "meet in Istanbul next week, Turkish officials said on Thursday.</p>"
    "<script>var x = 1;</script></article></body></html>"
)


async def post_with_metadata(
    settings: Settings, messages: list[tuple[bytes, bytes, int, list[tuple[str, bytes]], int]]
) -> None:
    """(key, value, partition, headers, timestamp in ms) each, to the articles topic."""
    producer = AIOKafkaProducer(**client_options(settings))
    await producer.start()
    try:
        for key, value, partition, headers, timestamp_ms in messages:
            await producer.send_and_wait(
                settings.topics.articles,
                value,
                key=key,
                partition=partition,
                headers=headers,
                timestamp_ms=timestamp_ms,
            )
    finally:
        await producer.stop()


async def test_dead_letters_keep_what_the_producer_sent_whatever_the_step(
    settings: Settings, tmp_path: Path
) -> None:
    # A budget no extraction can keep: every valid article reaching the last step is too slow.
    settings = settings.model_copy(update={"extract_budget_seconds": 1e-6})
    article_id = "letters-1"
    home = key_partition(article_id.encode(), settings.topics.partitions)
    away = (home + 1) % settings.topics.partitions
    first = article(article_id, STRIKE_HTML)
    workers: list[WorkerProcess] = []
    await run_pipeline(settings, [first], timeout=120, keep_worker=workers.append)
    [worker] = workers
    broken = b'{"id": "letters-2", "body": "Russia launched'
    reused = article(article_id, HTML_REUSE, url="https://wire.example/html")
    sent = {
        # refused by the last step, extraction over its budget; posted by run_pipeline
        (home, "too_slow"): (article_id.encode(), first, [], None),
        # refused by the first step
        (home, "invalid_json"): (b"letters-2", broken, [("trace", b"\x00\x01")], 1756000000001),
        # refused by the id check, a step later, after the HTML was turned into text
        (away, "id_reused"): (b"\xffodd key", reused, [("a", b"1"), ("a", b"2")], 1756000000002),
    }
    try:
        await post_with_metadata(
            settings,
            [
                (key, value, p, headers, ts)
                for (p, reason), (key, value, headers, ts) in sent.items()
                if reason != "too_slow"
            ],
        )
        collected = (await collect(settings, lambda c: len(c.receipts) >= 3, timeout=60)).collected
        assert worker.running, "the worker died"
    finally:
        worker.stop()
    assert {(d.partition, d.reason) for d in collected.dead_letters} == set(sent)
    assert {r.outcome for r in collected.receipts.values()} == {"dead_lettered"}
    slow = next(d for d in collected.dead_letters if d.reason == "too_slow")
    assert slow.article_id == article_id and "WARWIRE_EXTRACT_BUDGET_SECONDS" in slow.detail

    exported = tmp_path / "letters"
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "warwire", "dlq", "export", str(exported)],
        env={**os.environ, **settings_env(settings)},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    for letter in collected.dead_letters:
        key, value, headers, timestamp_ms = sent[(letter.partition, letter.reason)]
        stem = exported / f"{letter.partition}-{letter.offset}"
        assert stem.with_suffix(".json").read_bytes() == value
        meta = orjson.loads(stem.with_suffix(".letter").read_bytes())
        assert meta["reason"] == letter.reason and meta["topic"] == settings.topics.articles
        assert base64.b64decode(meta["key_base64"]) == key
        if letter.reason == "too_slow":  # posted by `warwire produce`'s code: its own header
            assert [h["name"] for h in meta["headers"]] == ["warwire-produced-at"]
            assert meta["timestamp_ms"] > 0
            continue
        assert [(h["name"], base64.b64decode(h["value_base64"])) for h in meta["headers"]] == (
            headers
        )
        assert (meta["timestamp_ms"], meta["timestamp_type"]) == (timestamp_ms, 0)
