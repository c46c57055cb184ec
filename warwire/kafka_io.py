"""Plain aiokafka clients used outside the worker: topic set-up, producing articles, reading outputs."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from warwire.broker import bootstrap_servers
from warwire.config import Settings

log = logging.getLogger("warwire.kafka")

TIMESTAMP_HEADER = "warwire-produced-at"


def client_options(settings: Settings) -> dict[str, Any]:
    options: dict[str, Any] = {"bootstrap_servers": bootstrap_servers(settings.broker)}
    if settings.security_protocol != "PLAINTEXT":
        import ssl

        options["security_protocol"] = settings.security_protocol
        if "SSL" in settings.security_protocol:
            context = ssl.create_default_context(cafile=settings.ssl_cafile or None)
            if settings.ssl_certfile:
                context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
            options["ssl_context"] = context
        if settings.security_protocol.startswith("SASL"):
            options["sasl_mechanism"] = settings.sasl_mechanism
            options["sasl_plain_username"] = settings.sasl_username
            options["sasl_plain_password"] = settings.sasl_password
    return options


def topic_configs(settings: Settings) -> dict[str, dict[str, str]]:
    topics = settings.topics
    return {
        topics.articles: {},
        topics.events: {},
        topics.incidents: {"cleanup.policy": "compact"},
        topics.alerts: {},
        topics.dead_letters: {},
        topics.receipts: {},
    }


async def ensure_topics(settings: Settings) -> None:
    """Create every warwire topic with its partitions and configs unless it exists."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(
                name,
                num_partitions=settings.topics.partitions,
                replication_factor=settings.topics.replication_factor,
                topic_configs=configs,
            )
            for name, configs in topic_configs(settings).items()
            if name not in existing
        ]
        if wanted:
            try:
                await admin.create_topics(wanted)
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(article id, error) for every article that could not be delivered."""


async def produce_raw(
    settings: Settings,
    messages: Iterable[tuple[bytes | None, bytes]],
    rate: float = 0.0,
    retries: int = 5,
    on_sent: Any = None,
) -> DeliveryReport:
    """Post (key, value) messages to the articles topic, `rate` per second at most (0: as fast
    as possible). Each failed send is retried with exponential backoff, then reported."""
    producer = AIOKafkaProducer(**client_options(settings), linger_ms=5, acks="all")
    await _start_with_retry(producer, retries)
    report = DeliveryReport()
    started = time.monotonic()
    pending: list[tuple[str, asyncio.Future[Any], bytes | None, bytes]] = []
    try:
        for index, (key, value) in enumerate(messages):
            if rate > 0:
                delay = started + index / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            headers = [(TIMESTAMP_HEADER, f"{time.time():.6f}".encode())]
            future = await producer.send(settings.topics.articles, value, key=key, headers=headers)
            pending.append(((key or b"").decode("utf-8", "replace"), future, key, value))
            if len(pending) >= 500 or rate > 0:
                await _settle(producer, settings, pending, report, retries, on_sent)
        await _settle(producer, settings, pending, report, retries, on_sent)
    finally:
        await producer.stop()
    return report


async def _settle(
    producer: AIOKafkaProducer,
    settings: Settings,
    pending: list[tuple[str, asyncio.Future[Any], bytes | None, bytes]],
    report: DeliveryReport,
    retries: int,
    on_sent: Any,
) -> None:
    for name, future, key, value in pending:
        error: Exception | None = None
        for attempt in range(retries + 1):
            try:
                await (future if attempt == 0 else _resend(producer, settings, key, value))
                error = None
                break
            except KafkaError as exc:
                error = exc
                await asyncio.sleep(min(0.2 * 2**attempt, 5.0))
        if error is None:
            report.sent += 1
            if on_sent:
                on_sent(report.sent)
        else:
            report.failed.append((name, repr(error)))
    pending.clear()


async def _resend(
    producer: AIOKafkaProducer, settings: Settings, key: bytes | None, value: bytes
) -> Any:
    headers = [(TIMESTAMP_HEADER, f"{time.time():.6f}".encode())]
    return await producer.send_and_wait(settings.topics.articles, value, key=key, headers=headers)


async def _start_with_retry(client: Any, retries: int) -> None:
    for attempt in range(retries + 1):
        try:
            await client.start()
            return
        except KafkaError:
            if attempt == retries:
                raise
            await asyncio.sleep(min(0.5 * 2**attempt, 8.0))


async def poll_topics(
    settings: Settings, topics: list[str], group_id: str | None = None, from_beginning: bool = True
) -> AsyncGenerator[tuple[list[ConsumerRecord[bytes, bytes]], bool], None]:
    """Yield (records, caught_up) after every poll of at most 200 ms, records possibly empty.
    `caught_up` is true when every assigned partition has been read up to its highwater."""
    consumer = AIOKafkaConsumer(
        *topics,
        **client_options(settings),
        group_id=group_id,
        enable_auto_commit=group_id is not None,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )
    await _start_with_retry(consumer, 5)
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=200)
            records = [record for batch in batches.values() for record in batch]
            yield records, await _caught_up(consumer)
    finally:
        await consumer.stop()


async def read_topics(
    settings: Settings, topics: list[str], follow: bool, idle_seconds: float = 1.0,
    group_id: str | None = None, from_beginning: bool = True,
) -> AsyncIterator[ConsumerRecord[bytes, bytes]]:
    """Yield records from `topics`. Without `follow`, stop once every assigned partition has
    been read up to its highwater and nothing new came for `idle_seconds`."""
    idle_since = time.monotonic()
    polls = poll_topics(settings, topics, group_id, from_beginning)
    try:
        async for records, caught_up in polls:
            for record in records:
                yield record
            if records:
                idle_since = time.monotonic()
            elif not follow and caught_up and time.monotonic() - idle_since > idle_seconds:
                return
    finally:
        await polls.aclose()


async def _caught_up(consumer: AIOKafkaConsumer) -> bool:
    # The consumer's highwater comes from fetch responses; the broker's ListOffsets end offset
    # is not trusted (the embedded broker reports the start of the last batch there).
    for tp in consumer.assignment():
        highwater = consumer.highwater(tp)
        if highwater is not None and await consumer.position(tp) < highwater:
            return False
    return True
