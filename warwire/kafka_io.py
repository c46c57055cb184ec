"""Plain aiokafka clients: topic set-up, producing articles with retries, reading outputs.

Everything here survives the broker going away for a while: clients start with retries and
backoff, producing reports what it could not deliver instead of raising, and readers keep
polling through connection errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.consumer.fetcher import READ_UNCOMMITTED
from aiokafka.errors import (
    KafkaError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
    TopicAlreadyExistsError,
)
from aiokafka.partitioner import murmur2
from aiokafka.protocol.fetch import FetchRequest

from warwire.broker import bootstrap_servers
from warwire.config import DEFAULT_COMPRESSION, Compression, Settings

log = logging.getLogger("warwire.kafka")

TIMESTAMP_HEADER = "warwire-produced-at"
PRODUCER_MAX_REQUEST_BYTES = 1_048_576
"""aiokafka's default max_request_size, stated so that a refusal can say what the limit is."""
PRODUCER_REQUEST_TIMEOUT_MS = 10_000
"""How long one send may wait for the broker before it counts as failed and is retried."""
DELIVERY_TIMEOUT = 30.0
"""Seconds from a message's first failure after which it is given up, retries or not."""

T = TypeVar("T")


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
            options["sasl_plain_password"] = settings.sasl_password.get_secret_value()
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
        topics.articles_by_id: {},
        topics.articles_by_url: {},
        topics.articles_by_body: {},
    }


CHANGELOG_CONFIGS = {"cleanup.policy": "compact"}
"""A table's changelog keeps the latest value of each key, as Faust itself creates it."""


def topic_plan(
    settings: Settings, changelogs: Mapping[str, int] | None = None
) -> dict[str, tuple[int, dict[str, str]]]:
    """Name -> (partitions, configs) of every topic warwire uses; `changelogs` (name ->
    partitions) are the worker's table changelogs, which only the app knows."""
    plan = {
        name: (settings.topics.partitions, configs)
        for name, configs in topic_configs(settings).items()
    }
    for name, partitions in (changelogs or {}).items():
        plan.setdefault(name, (partitions, dict(CHANGELOG_CONFIGS)))
    return plan


async def ensure_topics(
    settings: Settings, changelogs: Mapping[str, int] | None = None, retries: int = 5
) -> list[str]:
    """Create every warwire topic (and the `changelogs`, name -> partitions, compacted) unless
    it exists; return the names created. Retries with backoff while the broker is
    unreachable, then raises the last KafkaError."""
    wanted = topic_plan(settings, changelogs)
    admin = AIOKafkaAdminClient(**client_options(settings))
    try:
        await _start_with_retry(admin, retries)
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(
                name,
                num_partitions=partitions,
                replication_factor=settings.topics.replication_factor,
                topic_configs=configs,
            )
            for name, (partitions, configs) in wanted.items()
            if name not in existing
        ]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(missing)
        return [topic.name for topic in missing]
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(article id, error) for every article that could not be delivered."""


@dataclass
class _Pending:
    name: str
    key: bytes | None
    value: bytes
    future: asyncio.Future[Any] | None
    """None when the first send was refused before it was queued."""
    first_error: str = ""


async def produce_raw(
    settings: Settings,
    messages: Iterable[tuple[bytes | None, bytes]],
    rate: float = 0.0,
    retries: int = 5,
    on_sent: Callable[[int], None] | None = None,
    compression: Compression = DEFAULT_COMPRESSION,
) -> DeliveryReport:
    """Post (key, value) messages to the articles topic, `rate` per second at most (0: as fast
    as possible). Never raises for a delivery problem: each failed send is retried with
    exponential backoff, up to `retries` times within `DELIVERY_TIMEOUT`, then reported.
    Once one message has been given up on, the broker counts as down and the rest are
    reported without being tried, so a dead broker costs tens of seconds, not that per
    message. Messages over the producer's request limit are reported at once: resending
    cannot help them."""
    producer = AIOKafkaProducer(
        **client_options(settings),
        compression_type=None if compression == "none" else compression,
        linger_ms=5,
        acks="all",
        max_request_size=PRODUCER_MAX_REQUEST_BYTES,
        request_timeout_ms=PRODUCER_REQUEST_TIMEOUT_MS,
    )
    report = DeliveryReport()
    outage: str | None = None
    try:
        await _start_with_retry(producer, retries)
    except KafkaError as exc:
        outage = f"broker unreachable: {exc!r}"
    started = time.monotonic()
    pending: list[_Pending] = []
    try:
        for index, (key, value) in enumerate(messages):
            name = (key or b"").decode("utf-8", "replace") or f"message {index + 1}"
            if outage is not None:
                report.failed.append((name, f"not sent, {outage}"))
                continue
            if rate > 0:
                delay = started + index / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            try:
                future = await producer.send(
                    settings.topics.articles, value, key=key, headers=_headers()
                )
                pending.append(_Pending(name, key, value, future))
            except MessageSizeTooLargeError:
                report.failed.append((name, _too_large(value)))
                continue
            except KafkaError as exc:
                pending.append(_Pending(name, key, value, None, repr(exc)))
            if len(pending) >= 500 or rate > 0:
                outage = await _settle(producer, settings, pending, report, retries, on_sent)
        if outage is None:
            outage = await _settle(producer, settings, pending, report, retries, on_sent)
        for item in pending:
            if _confirmed(item):
                report.sent += 1
            else:
                report.failed.append((item.name, f"delivery unconfirmed, {outage}"))
    finally:
        with contextlib.suppress(Exception):
            await producer.stop()
    return report


def _confirmed(item: _Pending) -> bool:
    future = item.future
    return (
        future is not None and future.done() and not future.cancelled() and not future.exception()
    )


def _headers() -> list[tuple[str, bytes]]:
    return [(TIMESTAMP_HEADER, f"{time.time():.6f}".encode())]


def _too_large(value: bytes) -> str:
    return (
        f"too large: {len(value)} bytes, over the producer's max_request_size of "
        f"{PRODUCER_MAX_REQUEST_BYTES} bytes"
    )


async def _settle(
    producer: AIOKafkaProducer,
    settings: Settings,
    pending: list[_Pending],
    report: DeliveryReport,
    retries: int,
    on_sent: Callable[[int], None] | None,
) -> str | None:
    """Wait for every pending send, retrying failures. Returns the error that marks the
    broker as down (a message that used up its retries), leaving the unsettled ones in
    `pending`; None when all were settled."""
    while pending:
        item = pending[0]
        error = await _deliver(producer, settings, item, retries)
        pending.pop(0)
        if error is None:
            report.sent += 1
            if on_sent:
                on_sent(report.sent)
            continue
        report.failed.append((item.name, error))
        if not error.startswith("too large"):
            return f"broker unavailable ({item.name} given up after retries: {error})"
    return None


async def _deliver(
    producer: AIOKafkaProducer, settings: Settings, item: _Pending, retries: int
) -> str | None:
    error = item.first_error
    if item.future is not None:
        try:
            await item.future
            return None
        except KafkaError as exc:
            error = repr(exc)
    give_up_at = time.monotonic() + DELIVERY_TIMEOUT
    for attempt in range(retries):
        if time.monotonic() >= give_up_at:
            break
        await asyncio.sleep(min(0.5 * 2**attempt, 8.0))
        try:
            await producer.send_and_wait(
                settings.topics.articles, item.value, key=item.key, headers=_headers()
            )
            return None
        except MessageSizeTooLargeError:
            return _too_large(item.value)
        except KafkaError as exc:
            error = repr(exc)
            log.warning(
                "send of %s failed (retry %d of %d): %s", item.name, attempt + 1, retries, error
            )
    return error


def key_partition(key: bytes, partitions: int) -> int:
    """The partition a producer with the Java client's default partitioner (aiokafka's and
    Faust's too) gives `key` among `partitions`: where a worker sends a message keyed so."""
    return int(murmur2(key) & 0x7FFFFFFF) % partitions


PERMANENT_SEND_ERRORS: tuple[type[KafkaError], ...] = (
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
)
"""Producer errors that the message itself causes, so that sending it again cannot succeed:
larger than the producer's `max_request_size` (raised by aiokafka before sending) or the
broker's `message.max.bytes` (MESSAGE_TOO_LARGE, error 10), a batch over the broker's
segment size (RECORD_LIST_TOO_LARGE, 18). Every other error is taken as the broker's or the
network's and retried: connection and leadership errors, timeouts, and also errors that
would fail every message alike (authorisation, an invalid topic, CORRUPT_MESSAGE, which
Kafka's own client retries, INVALID_TIMESTAMP, a clock problem): dead-lettering on those
would empty the input into the dead-letter topic instead of stalling until an operator acts."""


class PermanentSendError(Exception):
    """The producer refused a message for good (see `PERMANENT_SEND_ERRORS`)."""

    def __init__(self, what: str, cause: KafkaError) -> None:
        super().__init__(f"{what}: {type(cause).__name__}: {cause}")
        self.cause = cause


def permanent_cause(exc: BaseException) -> KafkaError | None:
    """The permanent producer error behind `exc`, if any. Faust wraps aiokafka's errors in
    its own ProducerSendError, so the chain of causes is searched."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, PERMANENT_SEND_ERRORS):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


async def send_until_accepted(
    send: Callable[[], Awaitable[T]],
    what: str,
    max_delay: float = 30.0,
    first_delay: float = 0.5,
) -> T:
    """Await `send()` until the producer accepts the message, backing off between failures
    and logging each one. A worker that cannot write an output must stall on its input (whose
    offset then stays uncommitted), never acknowledge it without the output. Raises
    `PermanentSendError` at once when the producer reports the message itself as unsendable:
    the caller dead-letters its input instead of stalling on it for ever."""
    delay = first_delay
    attempt = 0
    while True:
        try:
            return await send()
        except Exception as exc:
            permanent = permanent_cause(exc)
            if permanent is not None:
                log.error("sending %s refused for good: %r", what, permanent)
                raise PermanentSendError(what, permanent) from exc
            attempt += 1
            log.error(
                "sending %s failed (attempt %d), retrying in %.1fs: %r", what, attempt, delay, exc
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)


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
    `caught_up` is true when every assigned partition has been read up to its highwater.
    A poll that fails (broker gone, topic being re-created) yields nothing and is retried;
    aiokafka reconnects on its own once the broker answers again."""
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
            try:
                batches = await consumer.getmany(timeout_ms=200)
            except KafkaError as exc:
                log.warning("poll of %s failed, retrying: %r", ",".join(topics), exc)
                await asyncio.sleep(1.0)
                yield [], False
                continue
            records = [record for batch in batches.values() for record in batch]
            yield records, await _caught_up(consumer)
    finally:
        with contextlib.suppress(Exception):
            await consumer.stop()


async def read_topics(
    settings: Settings,
    topics: list[str],
    follow: bool,
    idle_seconds: float = 1.0,
    group_id: str | None = None,
    from_beginning: bool = True,
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
    try:
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is not None and await consumer.position(tp) < highwater:
                return False
    except (KafkaError, AssertionError):  # the assignment changed under us
        return False
    return True


END_PROBE_WAIT_MS = 100
"""How long the broker may take to answer the fetch that reads a partition's high watermark:
data is there (the fetch starts at the last offset ListOffsets vouches for), so a broker
answers as soon as it has found it. The embedded broker sends no partition at all with a
wait of 0."""


class Partition(Protocol):
    """A topic partition: aiokafka's `TopicPartition`, Faust's `TP`."""

    @property
    def topic(self) -> str: ...

    @property
    def partition(self) -> int: ...


_TP = TypeVar("_TP", bound=Partition)


class FetchClient(Protocol):
    """What `exact_end_offsets` asks of aiokafka's client."""

    @property
    def cluster(self) -> Any: ...

    async def send(self, node_id: int, request: Any) -> Any: ...


async def exact_end_offsets(
    client: FetchClient, listed: Mapping[_TP, int], wait_ms: int = END_PROBE_WAIT_MS
) -> dict[_TP, int]:
    """The end offset of each partition of `listed` (what ListOffsets answered): the larger of
    that and the high watermark of a fetch from the last offset it covers.

    The embedded broker answers ListOffsets with the base offset of a partition's last batch
    + 1, short of the end when that batch holds several records; its fetch responses carry
    the true end. On Kafka both are the same. Faust's table recovery reads a changelog up to
    the end offset it asked for, and stops a worker whose state is already past it: a short
    answer would leave the last batch's writes out of the state, or stop the worker. A
    partition the fetch does not answer for keeps its listed end."""
    ends = {tp: offset for tp, offset in listed.items() if offset is not None}
    leaders: dict[int, list[_TP]] = {}
    for tp, offset in ends.items():
        node = client.cluster.leader_for_partition(tp)
        if offset > 0 and node is not None and node >= 0:
            leaders.setdefault(node, []).append(tp)
    for node, tps in leaders.items():
        topics: dict[str, list[tuple[int, int, int]]] = {}
        for tp in tps:
            # One byte a partition: the broker still sends a whole first batch (KIP-74).
            topics.setdefault(tp.topic, []).append((tp.partition, ends[tp] - 1, 1))
        request = FetchRequest(wait_ms, 1, 1 << 20, READ_UNCOMMITTED, list(topics.items()))
        try:
            response = await client.send(node, request)
        except KafkaError:
            continue  # the ListOffsets answer stands
        asked = {(tp.topic, tp.partition): tp for tp in tps}
        for topic, partitions in response.topics:
            for partition, error_code, highwater, *_ in partitions:
                answered = asked.get((topic, partition))
                if answered is not None and error_code == 0 and highwater > ends[answered]:
                    ends[answered] = highwater
    return {**listed, **ends}
