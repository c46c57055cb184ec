"""Prometheus metrics of warwire processes, served over HTTP on `Settings.metrics_port`.

Two registries, so that neither process exposes the other's (idle) metrics:
`REGISTRY` for workers (`warwire run`) and `FORWARDER_REGISTRY` for the webhook forwarder
(`warwire forward`). Every label takes its values from a fixed set (rejection reasons, event
types, alert kinds, stages, the partitions of the worker's own topics): never ids, outlets or
URLs. Label values known in advance are initialised to zero, so a panel or an alert sees a 0
rather than no series at all before the first occurrence.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Collection, Iterable, Mapping
from http.server import HTTPServer
from typing import Any, get_args

from aiokafka.partitioner import murmur2
from prometheus_client import (
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    start_http_server,
)

from schemas import Incident
from schemas.models import AlertKind
from warwire.articles import REASONS
from warwire.seen import Match

# `_created` series double the series count and no dashboard or rule reads them.
disable_created_metrics()  # type: ignore[no-untyped-call]

REGISTRY = CollectorRegistry(auto_describe=True)
"""The worker's metrics."""
FORWARDER_REGISTRY = CollectorRegistry(auto_describe=True)
"""The webhook forwarder's metrics."""
for _registry in (REGISTRY, FORWARDER_REGISTRY):
    _registry.register(PROCESS_COLLECTOR)
    _registry.register(PLATFORM_COLLECTOR)

EVENT_TYPES: tuple[str, ...] = get_args(Incident.model_fields["type"].annotation)
ALERT_KINDS: tuple[str, ...] = get_args(AlertKind)
REPEAT_MATCHES: tuple[str, ...] = get_args(Match)
STAGES = ("validate", "extract", "fold")
"""validate: decode and check an article; extract: find its events; fold: match an event to
its incident and decide alerts."""

_LATENCY_BUCKETS = (
    0.0001,
    0.00025,
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)
_END_TO_END_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 900.0)

ARTICLES_CONSUMED = Counter(
    "warwire_articles_consumed",
    "Messages consumed from the articles topic.",
    registry=REGISTRY,
)
ARTICLES_PROCESSED = Counter(
    "warwire_articles_processed",
    "Articles that passed validation and went through extraction.",
    registry=REGISTRY,
)
ARTICLES_REJECTED = Counter(
    "warwire_articles_rejected",
    "Messages sent to the dead-letter topic, by reason.",
    ["reason"],
    registry=REGISTRY,
)
INTERNAL_MESSAGES_REJECTED = Counter(
    "warwire_internal_messages_rejected",
    "Messages on an internal topic (articles.by-id, articles.by-url, articles.by-body, events) "
    "that no worker "
    "wrote, dead-lettered as invalid_internal_message, by topic.",
    ["topic"],
    registry=REGISTRY,
)
UNDECODABLE_BATCHES = Counter(
    "warwire_undecodable_batches",
    "Record batches the consumer could not decode (unknown codec, bad CRC) and skipped after "
    "dead-lettering their offsets, by topic and partition.",
    ["topic", "partition"],
    registry=REGISTRY,
)
EVENTS_EXTRACTED = Counter(
    "warwire_events_extracted",
    "Events extracted from articles, by type.",
    ["type"],
    registry=REGISTRY,
)
LATE_EVENTS = Counter(
    "warwire_late_events",
    "Events that came after a later-published report of their block and were placed at "
    "their rank, the block's later reports folded again, by type.",
    ["type"],
    registry=REGISTRY,
)
DUPLICATE_ARTICLES = Counter(
    "warwire_duplicate_articles",
    "Articles recognised as a repeat of one seen before, every event a copy of the earlier "
    "article's, by how: url (same canonical URL), body (near-identical text), repost.",
    ["reason"],
    registry=REGISTRY,
)
DUPLICATE_REPORTS = Counter(
    "warwire_duplicate_reports",
    "Reports folded into an incident that already had one (another outlet's report of the "
    "same event), by incident type.",
    ["type"],
    registry=REGISTRY,
)
INCIDENT_CHANGES = Counter(
    "warwire_incident_changes",
    "New incident versions (an incident opened or a report folded in), by type.",
    ["type"],
    registry=REGISTRY,
)
INCIDENTS_OPEN = Gauge(
    "warwire_incidents_open",
    "Incidents inside the dedup window on the partitions this worker owns, by type.",
    ["type"],
    registry=REGISTRY,
)
ALERTS_PUBLISHED = Counter(
    "warwire_alerts_published",
    "Alerts published, by kind.",
    ["kind"],
    registry=REGISTRY,
)
STAGE_DURATION = Histogram(
    "warwire_stage_duration_seconds",
    "Processing time of one message in a pipeline stage.",
    ["stage"],
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
ARTICLE_TO_ALERT = Histogram(
    "warwire_article_to_alert_latency_seconds",
    "Time from an article entering the articles topic to the alert it caused being published.",
    buckets=_END_TO_END_BUCKETS,
    registry=REGISTRY,
)
CONSUMER_LAG = Gauge(
    "warwire_consumer_lag_messages",
    "Messages between the last one processed and the highwater, per assigned partition.",
    ["topic", "partition"],
    registry=REGISTRY,
)
GROUP_LAG = Gauge(
    "warwire_group_lag_messages",
    "Messages between a consumer group's committed offset and the end of the partition, read "
    "from the broker (so it stays visible when the group's consumer hangs).",
    ["group", "topic", "partition"],
    registry=REGISTRY,
)
GROUP_COMMITTED_OFFSET = Gauge(
    "warwire_group_committed_offset",
    "A consumer group's committed offset on a partition, read from the broker.",
    ["group", "topic", "partition"],
    registry=REGISTRY,
)
GROUP_LAG_PROBE_SUCCESS = Gauge(
    "warwire_group_lag_last_read_timestamp_seconds",
    "Unix time of the last successful reading of consumer-group offsets from the broker.",
    registry=REGISTRY,
)
GROUP_LAG_PROBE_FAILURES = Counter(
    "warwire_group_lag_read_failures",
    "Readings of consumer-group offsets from the broker that failed or timed out.",
    registry=REGISTRY,
)
LAST_ARTICLE = Gauge(
    "warwire_last_article_timestamp_seconds",
    "Unix time at which this worker last finished an article (0: none since start).",
    registry=REGISTRY,
)

FORWARD_DELIVERIES = Counter(
    "warwire_forwarder_deliveries",
    "Alerts the webhook forwarder finished with, by outcome.",
    ["outcome"],
    registry=FORWARDER_REGISTRY,
)
FORWARD_ATTEMPTS = Counter(
    "warwire_forwarder_attempts",
    "HTTP POST attempts of the webhook forwarder, by result (2xx, 4xx, 5xx, error).",
    ["result"],
    registry=FORWARDER_REGISTRY,
)
FORWARD_DURATION = Histogram(
    "warwire_forwarder_delivery_duration_seconds",
    "Time to deliver one alert to the webhook, retries included.",
    buckets=_LATENCY_BUCKETS,
    registry=FORWARDER_REGISTRY,
)

for _reason in REASONS:
    ARTICLES_REJECTED.labels(reason=_reason)
for _match in REPEAT_MATCHES:
    DUPLICATE_ARTICLES.labels(reason=_match)
for _type in EVENT_TYPES:
    EVENTS_EXTRACTED.labels(type=_type)
    DUPLICATE_REPORTS.labels(type=_type)
    INCIDENT_CHANGES.labels(type=_type)
    INCIDENTS_OPEN.labels(type=_type)
    LATE_EVENTS.labels(type=_type)
for _kind in ALERT_KINDS:
    ALERTS_PUBLISHED.labels(kind=_kind)
for _stage in STAGES:
    STAGE_DURATION.labels(stage=_stage)


class MetricsPortUnavailable(RuntimeError):
    """The metrics address cannot be listened on; the message says what to change."""


def serve_metrics(
    port: int, *, addr: str, registry: CollectorRegistry = REGISTRY
) -> HTTPServer | None:
    """Serve `registry` on http://addr:port/metrics from a daemon thread; port 0 disables it."""
    if not port:
        return None
    try:
        server, _thread = start_http_server(port, addr=addr, registry=registry)
    except OSError as exc:
        raise MetricsPortUnavailable(
            f"cannot serve /metrics on {addr}:{port} ({exc.strerror or exc}): set "
            "WARWIRE_METRICS_PORT to a free port (each process on a host needs its own) or to "
            "0 to turn metrics off"
        ) from exc
    return server


def serve_forwarder_metrics(port: int, addr: str) -> HTTPServer | None:
    """`serve_metrics` for the webhook forwarder's registry."""
    return serve_metrics(port, registry=FORWARDER_REGISTRY, addr=addr)


def port_is_free(port: int, addr: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((addr, port))
        except OSError:
            return False
    return True


def record_fold(incident: Incident, changed: bool, late: bool = False) -> None:
    """Count the outcome of folding one event into `incident`."""
    if not changed:
        return
    if late:
        LATE_EVENTS.labels(type=incident.type).inc()
    INCIDENT_CHANGES.labels(type=incident.type).inc()
    if len(incident.reports) > 1:
        DUPLICATE_REPORTS.labels(type=incident.type).inc()


def partition_for_key(key: bytes, partitions: int) -> int:
    """The partition the Kafka producer's default partitioner (murmur2) sends `key` to."""
    hashed: int = murmur2(key)
    return (hashed & 0x7FFFFFFF) % partitions


def record_open_incidents(
    incidents: Iterable[Incident], owned_partitions: set[int], partitions: int
) -> None:
    """Set the open-incident gauge from the incident table.

    A worker's table also holds standby copies of partitions other workers own; counting only
    incidents whose blocking key (the key of the events that built them) falls on an owned
    partition keeps the sum over workers equal to the number of incidents."""
    counts = dict.fromkeys(EVENT_TYPES, 0)
    for incident in incidents:
        if partition_for_key(incident.blocking_key.encode(), partitions) in owned_partitions:
            counts[incident.type] = counts.get(incident.type, 0) + 1
    for kind, count in counts.items():
        INCIDENTS_OPEN.labels(type=kind).set(count)


class ConsumerLag:
    """Per-partition lag: highwater minus the next offset to process.

    The agents report each offset they finish; a timer calls `publish` with the partitions
    currently assigned. Partitions no longer assigned lose their series, so that summing over
    workers after a rebalance does not count a partition twice."""

    def __init__(self, gauge: Gauge = CONSUMER_LAG) -> None:
        self._gauge = gauge
        self._next_offset: dict[tuple[str, int], int] = {}
        self._published: set[tuple[str, int]] = set()

    def processed(self, topic: str, partition: int, offset: int) -> None:
        self._next_offset[(topic, partition)] = offset + 1

    def next_offset(self, topic: str, partition: int) -> int | None:
        return self._next_offset.get((topic, partition))

    def publish(self, assigned: Mapping[tuple[str, int], tuple[int | None, int | None]]) -> None:
        """`assigned` maps each assigned (topic, partition) to (highwater, fetch position), either
        unknown as None. The fetch position stands in for partitions not processed from since
        they were assigned."""
        for stale in set(self._next_offset) - set(assigned):
            del self._next_offset[stale]
        shown: set[tuple[str, int]] = set()
        for (topic, partition), (highwater, position) in assigned.items():
            next_offset = self._next_offset.get((topic, partition), position)
            if highwater is None or next_offset is None:
                continue
            self._gauge.labels(topic=topic, partition=str(partition)).set(
                max(0, highwater - next_offset)
            )
            shown.add((topic, partition))
        for topic, partition in self._published - shown:
            self._gauge.remove(topic, str(partition))
        self._published = shown

    async def refresh(self, consumer: Any, topics: Collection[str]) -> None:
        """`publish` for the partitions of `topics` assigned to `consumer`, a Faust consumer."""
        assigned: dict[tuple[str, int], tuple[int | None, int | None]] = {}
        for tp in consumer.assignment():
            if tp.topic not in topics:
                continue
            highwater: int | None = None
            position: int | None = None
            try:
                highwater = consumer.highwater(tp)
                if self.next_offset(tp.topic, tp.partition) is None:
                    position = await asyncio.wait_for(consumer.position(tp), timeout=1.0)
            except Exception:  # revoked meanwhile, or the consumer is rejoining its group
                pass
            assigned[(tp.topic, tp.partition)] = (highwater, position)
        self.publish(assigned)


CONSUMER_LAG_TRACKER = ConsumerLag()
