"""warwire.metrics: naming conventions, bounded labels, the HTTP endpoint and the helpers the
worker's agents and timers call."""

from __future__ import annotations

import datetime as dt
import random
import urllib.request
from collections.abc import Iterator

import pytest
from aiokafka.partitioner import DefaultPartitioner
from prometheus_client import CollectorRegistry, Gauge
from prometheus_client.metrics import MetricWrapperBase
from prometheus_client.parser import text_string_to_metric_families

from schemas import Incident, Report
from warwire import metrics
from warwire.articles import REASONS
from warwire.broker import free_port

BOUNDED_LABELS = {
    "reason",
    "type",
    "kind",
    "stage",
    "topic",
    "partition",
    "outcome",
    "result",
    "group",  # the two consumer groups of a deployment (warwire/group_lag.py)
}
STANDARD_COLLECTORS = ("process_", "python_")


def own_families(registry: CollectorRegistry) -> list[str]:
    return [f.name for f in registry.collect() if not f.name.startswith(STANDARD_COLLECTORS)]


@pytest.mark.parametrize("registry", [metrics.REGISTRY, metrics.FORWARDER_REGISTRY])
def test_metric_names_follow_prometheus_conventions(registry: CollectorRegistry) -> None:
    for family in registry.collect():
        if family.name.startswith(STANDARD_COLLECTORS):
            continue
        assert family.name.startswith("warwire_"), family.name
        assert family.documentation, family.name
        if family.type == "histogram":
            assert family.name.endswith("_seconds"), "durations in seconds, the base unit"
        if family.type == "gauge":
            assert not family.name.endswith("_total"), "_total is for counters"
        for sample in family.samples:
            assert set(sample.labels) - {"le"} <= BOUNDED_LABELS, sample
            if family.type == "counter":
                assert sample.name == f"{family.name}_total"


def test_every_label_is_one_of_the_bounded_kinds() -> None:
    for value in vars(metrics).values():
        if isinstance(value, MetricWrapperBase):
            assert set(value._labelnames) <= BOUNDED_LABELS, value


def test_workers_and_forwarder_expose_disjoint_metrics() -> None:
    worker, forwarder = own_families(metrics.REGISTRY), own_families(metrics.FORWARDER_REGISTRY)
    assert worker and forwarder
    assert not set(worker) & set(forwarder)
    assert all(name.startswith("warwire_forwarder_") for name in forwarder)


@pytest.fixture
def served() -> Iterator[tuple[int, int]]:
    worker_port, forwarder_port = free_port(), free_port()
    servers = [
        metrics.serve_metrics(worker_port, addr="127.0.0.1"),
        metrics.serve_forwarder_metrics(forwarder_port, addr="127.0.0.1"),
    ]
    yield worker_port, forwarder_port
    for server in servers:
        assert server is not None
        server.shutdown()
        server.server_close()


def scrape(port: int) -> dict[str, list[tuple[dict[str, str], float]]]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    return {
        sample.name: [(s.labels, s.value) for s in family.samples if s.name == sample.name]
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_metrics_are_served_over_http_with_known_labels_at_zero(
    served: tuple[int, int],
) -> None:
    worker_port, forwarder_port = served
    worker = scrape(worker_port)
    rejected = {labels["reason"] for labels, _ in worker["warwire_articles_rejected_total"]}
    assert rejected == set(REASONS)
    assert {labels["type"] for labels, _ in worker["warwire_events_extracted_total"]} == {
        "strike",
        "negotiation",
    }
    assert {labels["kind"] for labels, _ in worker["warwire_alerts_published_total"]} == set(
        metrics.ALERT_KINDS
    )
    assert "process_resident_memory_bytes" in worker
    assert not [name for name in worker if name.startswith("warwire_forwarder_")]
    assert not [name for name in worker if name.endswith("_created")]

    forwarder = scrape(forwarder_port)
    assert "warwire_forwarder_delivery_duration_seconds_count" in forwarder
    assert "warwire_articles_consumed_total" not in forwarder


def test_port_zero_serves_nothing() -> None:
    assert metrics.serve_metrics(0, addr="127.0.0.1") is None


def incident(incident_id: str, kind: str, reports: int, blocking_key: str = "k") -> Incident:
    when = dt.datetime(2025, 3, 7, 8, tzinfo=dt.UTC)
    return Incident.model_validate(
        {
            "incident_id": incident_id,
            "type": kind,
            "blocking_key": blocking_key,
            "first_seen": when,
            "last_seen": when,
            "reports": [
                Report(event_id=f"ev-{incident_id}-{n}", article_id=f"a{n}", published_at=when)
                for n in range(reports)
            ],
        }
    )


def sample(name: str, **labels: str) -> float:
    value = metrics.REGISTRY.get_sample_value(name, labels)
    assert value is not None, (name, labels)
    return value


def test_a_folded_report_counts_as_a_duplicate_only_when_the_incident_had_one() -> None:
    def counts() -> tuple[float, float]:
        return (
            sample("warwire_incident_changes_total", type="strike"),
            sample("warwire_duplicate_reports_total", type="strike"),
        )

    before = counts()
    metrics.record_fold(incident("i1", "strike", reports=1), changed=True)
    assert counts() == (before[0] + 1, before[1])
    metrics.record_fold(incident("i1", "strike", reports=2), changed=True)
    assert counts() == (before[0] + 2, before[1] + 1)
    metrics.record_fold(incident("i1", "strike", reports=2), changed=False)  # a redelivery
    assert counts() == (before[0] + 2, before[1] + 1)


def test_partition_for_key_matches_the_kafka_producer() -> None:
    partitioner = DefaultPartitioner()
    rng = random.Random(7)
    for _ in range(500):
        key = rng.randbytes(rng.randint(1, 40))
        partitions = rng.randint(1, 24)
        expected = partitioner(key, list(range(partitions)), list(range(partitions)))
        assert metrics.partition_for_key(key, partitions) == expected


def test_open_incidents_count_only_owned_partitions() -> None:
    partitions = 6
    keys = [f"strike|UA|block-{n}" for n in range(40)]
    owned = {0, 2, 5}
    stored = [incident(f"i{n}", "strike", 1, key) for n, key in enumerate(keys)]
    stored += [incident("talks", "negotiation", 1, "negotiation|talks")]
    metrics.record_open_incidents(stored, owned, partitions)

    def on_owned(key: str) -> bool:
        return metrics.partition_for_key(key.encode(), partitions) in owned

    expected_strikes = sum(on_owned(key) for key in keys)
    assert 0 < expected_strikes < len(keys)
    assert sample("warwire_incidents_open", type="strike") == expected_strikes
    assert sample("warwire_incidents_open", type="negotiation") == on_owned("negotiation|talks")

    # Every partition owned by someone: the per-worker gauges add up to the whole table.
    halves = ({0, 1, 2}, {3, 4, 5})
    total = 0.0
    for half in halves:
        metrics.record_open_incidents(stored, half, partitions)
        total += sample("warwire_incidents_open", type="strike")
    assert total == len(keys)


def lag_values(registry: CollectorRegistry) -> dict[tuple[str, str], float]:
    [family] = [f for f in registry.collect() if f.name == "lag"]
    return {(s.labels["topic"], s.labels["partition"]): s.value for s in family.samples}


def test_consumer_lag_from_processed_offsets_and_highwaters() -> None:
    registry = CollectorRegistry()
    gauge = Gauge("lag", "test", ["topic", "partition"], registry=registry)
    lag = metrics.ConsumerLag(gauge)
    lag.processed("articles", 0, 41)  # next offset to process: 42
    lag.processed("articles", 1, 9)
    lag.publish({("articles", 0): (50, None), ("articles", 1): (10, None)})
    assert lag_values(registry) == {("articles", "0"): 8, ("articles", "1"): 0}

    # Partition 1 moved to another worker, partition 2 arrived and nothing was processed
    # from it yet: its fetch position stands in; an unknown highwater shows no series.
    lag.publish({("articles", 0): (60, None), ("articles", 2): (30, 25), ("events", 0): (None, 3)})
    assert lag_values(registry) == {("articles", "0"): 18, ("articles", "2"): 5}
    assert lag.next_offset("articles", 1) is None, "a revoked partition's offset is forgotten"
