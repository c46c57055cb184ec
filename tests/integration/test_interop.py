"""Producers and consumers this project did not write, on the real embedded broker: librdkafka
(confluent-kafka) posts articles with every codec Kafka defines, with and without keys, with
headers and with a null value; a librdkafka consumer reads the receipts and alerts. And a
record batch the worker cannot decode is dead-lettered by offsets and skipped, never fatal."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaProducer
from confluent_kafka import OFFSET_BEGINNING, Consumer, Producer, TopicPartition

from schemas import Alert, DeadLetter, Receipt
from tests.integration.outputs import collect, scrape
from warwire.broker import bootstrap_servers, free_port
from warwire.config import COMPRESSIONS, Settings
from warwire.kafka_io import client_options, ensure_topics
from warwire.session import WorkerProcess, isolated, new_run_id

pytestmark = pytest.mark.integration

CODEC_TOWNS = {
    "none": "Poltava",
    "gzip": "Chernihiv",
    "snappy": "Uman",
    "lz4": "Kremenchuk",
    "zstd": "Bila Tserkva",
}


def strike_article(article_id: str, town: str, day: int) -> bytes:
    """A report of a large strike on `town`; towns days apart are separate incidents."""
    return orjson.dumps(
        {
            "id": article_id,
            "url": f"https://interop.example/{article_id}",
            "outlet": "Interop Desk",
            "title": f"Missile strike on {town}",
            "body": (
                f"Russian forces launched {10 + day} missiles at {town} overnight, regional "
                f"officials said. Air defences shot down nine of them. Seven people were "
                f"killed and {day} were injured in the attack on {town}."
            ),
            "published_at": f"2025-03-{day:02d}T08:00:00Z",
            "language": "en",
        }
    )


def rdkafka_config(settings: Settings) -> dict[str, Any]:
    return {"bootstrap.servers": bootstrap_servers(settings.broker)}


def produce_with_librdkafka(
    settings: Settings, codec: str, messages: list[tuple[bytes | None, bytes | None, bool]]
) -> None:
    """(key, value, with_headers) through a librdkafka producer using `codec`."""
    producer = Producer(
        {**rdkafka_config(settings), "compression.type": codec, "acks": "all", "linger.ms": 20}
    )
    errors: list[str] = []

    def delivered(error: Any, _message: Any) -> None:
        if error is not None:
            errors.append(str(error))

    for key, value, with_headers in messages:
        headers = [("source", b"librdkafka"), ("codec", codec.encode())] if with_headers else None
        producer.produce(
            settings.topics.articles, value=value, key=key, headers=headers, on_delivery=delivered
        )
    assert producer.flush(30) == 0, "librdkafka did not deliver everything"
    assert not errors, errors


def consume_with_librdkafka(
    settings: Settings, topic: str, done: Callable[[list[bytes]], bool], timeout: float = 120.0
) -> list[bytes]:
    consumer = Consumer(
        {
            **rdkafka_config(settings),
            "group.id": f"{settings.app_id}-rdkafka-reader",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    # Assigned, not subscribed: no group join to wait for.
    consumer.assign(
        [TopicPartition(topic, p, OFFSET_BEGINNING) for p in range(settings.topics.partitions)]
    )
    values: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while not done(values) and time.monotonic() < deadline:
            message = consumer.poll(1.0)
            if message is None or message.error():
                continue
            values.append(message.value())
    finally:
        consumer.close()
    return values


async def test_librdkafka_producers_with_every_codec_are_read_and_answered(
    settings: Settings, tmp_path: Path
) -> None:
    await ensure_topics(settings)
    expected: dict[str, str] = {}
    for index, (codec, town) in enumerate(CODEC_TOWNS.items()):
        day = 1 + 5 * index
        keyed, unkeyed = f"rd-{codec}-keyed", f"rd-{codec}-unkeyed"
        messages: list[tuple[bytes | None, bytes | None, bool]] = [
            (keyed.encode(), strike_article(keyed, town, day), True),
            (None, strike_article(unkeyed, town, day), False),
        ]
        produce_with_librdkafka(settings, codec, messages)
        expected |= {keyed: codec, unkeyed: codec}
    produce_with_librdkafka(settings, "lz4", [(b"rd-null", None, True)])
    sent = len(expected) + 1

    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        raw_receipts = await asyncio.to_thread(
            consume_with_librdkafka,
            settings,
            settings.topics.receipts,
            lambda values: len({_receipt_offset(v) for v in values}) >= sent,
        )
        raw_alerts = await asyncio.to_thread(
            consume_with_librdkafka,
            settings,
            settings.topics.alerts,
            lambda values: alerted_towns(values) == set(CODEC_TOWNS.values()),
        )
        assert worker.running, "the worker died"
    finally:
        worker.stop()

    receipts = [Receipt.model_validate_json(v) for v in raw_receipts]
    by_article = {r.article_id: r for r in receipts if r.article_id}
    for article_id, codec in expected.items():
        receipt = by_article.get(article_id)
        assert receipt is not None, f"no receipt for the {codec} article {article_id}"
        assert receipt.outcome in ("processed", "duplicate"), (codec, receipt)
    # The message with no value is dead-lettered with its reason, not lost.
    nulls = [r for r in receipts if r.article_id is None]
    assert [(r.outcome, r.reason) for r in nulls] == [("dead_lettered", "empty_message")]
    # Every codec's strike alerted, read back by librdkafka.
    assert alerted_towns(raw_alerts) == set(CODEC_TOWNS.values())


def alerted_towns(raw_alerts: list[bytes]) -> set[str]:
    headlines = [Alert.model_validate_json(raw).headline for raw in raw_alerts]
    return {town for town in CODEC_TOWNS.values() for h in headlines if town in h}


def _receipt_offset(raw: bytes) -> tuple[int, int]:
    receipt = Receipt.model_validate_json(raw)
    return receipt.partition, receipt.offset


async def post_corrupt_batch_then(settings: Settings, good: list[bytes]) -> tuple[int, int]:
    """A three-record batch whose CRC no longer matches its bytes, on partition 0, followed by
    the good articles on the same partition. Returns the batch's first and last offsets."""
    producer = AIOKafkaProducer(**client_options(settings))
    await producer.start()
    try:
        batch = producer.create_batch()
        for index in range(3):
            batch.append(key=b"corrupt-%d" % index, value=b'{"id": "x"}', timestamp=None)
        # The broker stores the batch as it comes; the last byte belongs to the last record's
        # headers count, so the stored CRC no longer matches.
        batch._build()[-1] ^= 0xFF
        metadata = await (await producer.send_batch(batch, settings.topics.articles, partition=0))
        for value in good:
            await producer.send_and_wait(settings.topics.articles, value, partition=0)
    finally:
        await producer.stop()
    return metadata.offset, metadata.offset + 2


async def test_an_undecodable_batch_is_dead_lettered_by_offsets_and_skipped(
    settings: Settings, tmp_path: Path
) -> None:
    await ensure_topics(settings)
    good = [
        strike_article("after-corrupt-10", "Sumy", 10),
        strike_article("after-corrupt-20", "Izium", 20),
    ]
    first, last = await post_corrupt_batch_then(settings, good)
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        collected = (await collect(settings, lambda c: len(c.receipts) >= 5, timeout=120)).collected
        assert worker.running, "the worker died on the corrupt batch"
        samples = scrape(settings.metrics_port)
    finally:
        worker.stop()
    letters = [d for d in collected.dead_letters if d.reason == "undecodable_batch"]
    assert len(letters) == 1
    letter: DeadLetter = letters[0]
    assert (letter.topic, letter.partition) == (settings.topics.articles, 0)
    assert (letter.offset, letter.last_offset) == (first, last)
    assert f"offsets {first}-{last}" in letter.detail
    assert base64.b64decode(letter.original_base64) == b""
    # Every skipped offset has its receipt; the good articles after the batch went through.
    skipped = {(0, offset) for offset in range(first, last + 1)}
    assert {k for k, r in collected.receipts.items() if r.reason == "undecodable_batch"} == skipped
    processed = {r.article_id for r in collected.receipts.values() if r.outcome == "processed"}
    assert processed == {"after-corrupt-10", "after-corrupt-20"}
    metric = f"warwire_undecodable_batches_total{{partition=0,topic={settings.topics.articles}}}"
    assert samples[metric] == 1
    consumed = samples["warwire_articles_consumed_total"]
    assert consumed == 5
    assert consumed == samples["warwire_articles_processed_total"] + sum(
        v for k, v in samples.items() if k.startswith("warwire_articles_rejected_total{")
    )


async def test_a_worker_without_a_codec_library_skips_that_codec_instead_of_dying(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported failure: a worker whose aiokafka lacks the codec libraries (installed
    without the extras) met one snappy batch and every agent stopped. Here the worker process
    cannot import cramjam, as on such an install."""
    blocker = tmp_path / "no-codecs"
    blocker.mkdir()
    (blocker / "cramjam.py").write_text("raise ImportError('codec library not installed')\n")
    monkeypatch.setenv("PYTHONPATH", str(blocker))
    await ensure_topics(settings)
    produce_with_librdkafka(
        settings, "snappy", [(b"rd-snappy", strike_article("rd-snappy", "Uman", 3), True)]
    )
    produce_with_librdkafka(
        settings, "gzip", [(b"rd-gzip", strike_article("rd-gzip", "Poltava", 4), True)]
    )
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        collected = (await collect(settings, lambda c: len(c.receipts) >= 2, timeout=120)).collected
        assert worker.running, "the worker died on a codec it cannot decode"
    finally:
        worker.stop()
    outcomes = {(r.article_id, r.outcome, r.reason) for r in collected.receipts.values()}
    assert outcomes == {
        (None, "dead_lettered", "undecodable_batch"),
        ("rd-gzip", "processed", None),
    }
    [letter] = collected.dead_letters
    assert letter.reason == "undecodable_batch" and "snappy" in letter.detail.lower()


def test_every_codec_is_decodable_by_the_installed_client() -> None:
    from aiokafka import codec

    assert set(COMPRESSIONS) == {"none", "gzip", "snappy", "lz4", "zstd"}
    assert codec.has_gzip() and codec.has_snappy() and codec.has_lz4() and codec.has_zstd()


KCAT = shutil.which("kcat")
REAL_KAFKA = os.environ.get("WARWIRE_TEST_REAL_KAFKA", "")
"""`kafka://host:port` of a real Apache Kafka broker for the checks the embedded one cannot
take. Debian's kcat (librdkafka 2.0) fails its ApiVersions handshake with the embedded Tansu
broker ("Read underflow"), so the kcat example runs against real Kafka only."""


@pytest.mark.skipif(KCAT is None, reason="kcat is not installed (Debian package kcat)")
@pytest.mark.skipif(
    not REAL_KAFKA, reason="needs real Kafka: set WARWIRE_TEST_REAL_KAFKA=kafka://host:port"
)
def test_the_readme_kcat_example_posts_a_jsonl_file_and_reads_the_alerts(
    tmp_path: Path,
) -> None:
    """The commands of the README's "Posting articles from your own producer", as a shell
    user runs them."""
    assert KCAT is not None
    settings = isolated(Settings(broker=REAL_KAFKA, metrics_port=free_port()), new_run_id())
    asyncio.run(ensure_topics(settings))
    articles = tmp_path / "articles.jsonl"
    lines = [strike_article(f"kcat-{day}", town, day) for day, town in ((2, "Lutsk"), (9, "Rivne"))]
    articles.write_bytes(b"\n".join(lines) + b"\n")
    broker = bootstrap_servers(settings.broker)
    post = [KCAT, "-P", "-b", broker, "-t", settings.topics.articles, "-z", "lz4", "-l"]
    subprocess.run([*post, str(articles)], check=True, timeout=60)
    follow = [KCAT, "-C", "-b", broker, "-t", settings.topics.alerts, "-o", "beginning", "-e"]
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    alerts: list[Alert] = []
    try:
        deadline = time.monotonic() + 120
        while len(alerts) < len(lines) and time.monotonic() < deadline:
            read = subprocess.run(
                [*follow, "-q", "-f", "%s\\n"], capture_output=True, check=True, timeout=60
            )
            alerts = [Alert.model_validate_json(line) for line in read.stdout.splitlines() if line]
            if len(alerts) < len(lines):
                time.sleep(1)  # polling a shell command: there is nothing to wait on instead
        assert worker.running
    finally:
        worker.stop()
    assert sorted(a.article_id for a in alerts) == ["kcat-2", "kcat-9"]
