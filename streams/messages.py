"""Reading what a consumed Faust message carries: the record as the producer sent it, the
progress barrier or timestamp in its headers, and the internal payloads."""

from __future__ import annotations

from typing import Any

from aiokafka.partitioner import murmur2

from schemas import EventEnvelope
from warwire import codec, metrics, seen
from warwire.articles import Record, Rejected
from warwire.barriers import HEADER as BARRIER_HEADER
from warwire.barriers import Barrier
from warwire.kafka_io import PermanentSendError

TIMESTAMP_HEADER = "warwire-produced-at"

MAX_OUTPUT_KEY_BYTES = 1024
"""A producer's key travels on to receipts and dead letters; longer keys are cut there, so a
huge key cannot make those messages too large to send."""


def output_key(key: bytes | None) -> bytes:
    return (key or b"")[:MAX_OUTPUT_KEY_BYTES]


def consumed(message: Any) -> Record:
    """A consumed Faust message as the producer sent it (Faust gives the timestamp in
    seconds; Kafka's unit is the millisecond)."""
    timestamp = message.timestamp
    return Record(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
        headers=tuple((str(k), bytes(v or b"")) for k, v in message.headers or ()),
        timestamp_ms=round(timestamp * 1000) if timestamp is not None else None,
        timestamp_type=message.timestamp_type,
    )


def refused(exc: PermanentSendError, article_id: str) -> Rejected:
    """The rejection of an article a message made from which the producer refused for good:
    dead-lettered instead of retried for ever."""
    return Rejected("output_refused", f"the producer refused {exc}", article_id)


def routed_article(message: Any) -> seen.RoutedArticle:
    return seen.unpack(message.value, message.headers)


def event_envelope(message: Any) -> EventEnvelope:
    return codec.loads(EventEnvelope, message.value or b"")


def barrier_of(message: Any) -> Barrier | None:
    raw = header(message, BARRIER_HEADER)
    return Barrier.decode(raw.encode()) if raw is not None and not message.value else None


def header(message: Any, name: str) -> str | None:
    for key, value in message.headers or ():
        if key == name and value:
            return bytes(value).decode("ascii", "replace")
    return None


def timestamp_header(message: Any) -> str | None:
    """The producer's timestamp header, dropped unless it is a number: it is forwarded to the
    fold agent, which does arithmetic with it."""
    value = header(message, TIMESTAMP_HEADER)
    if value is None and message.timestamp and message.timestamp > 0:
        # Not posted by `warwire produce`: the record's own (producer or log-append) time.
        value = f"{message.timestamp:.6f}"
    try:
        return value if value is not None and float(value) > 0 else None
    except ValueError:
        return None


def record_lag(message: Any) -> None:
    metrics.CONSUMER_LAG_TRACKER.processed(message.topic, message.partition, message.offset)


def partition_of(key: str, partitions: int) -> int:
    """The partition the producer's default partitioner gives `key` (murmur2, as Kafka's)."""
    return int(murmur2(key.encode()) & 0x7FFFFFFF) % partitions
