"""Prometheus metrics of a warwire worker. Labels are bounded: no article ids, no outlets."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

REGISTRY = CollectorRegistry(auto_describe=True)

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

ARTICLES_CONSUMED = Counter(
    "warwire_articles_consumed_total", "Messages consumed from the articles topic.", registry=REGISTRY
)
ARTICLES_PROCESSED = Counter(
    "warwire_articles_processed_total",
    "Articles processed (extracted, or recognised as a repeat report).",
    registry=REGISTRY,
)
ARTICLES_REJECTED = Counter(
    "warwire_articles_rejected_total",
    "Articles sent to the dead letter topic, by reason.",
    ["reason"],
    registry=REGISTRY,
)
DUPLICATE_REPORTS = Counter(
    "warwire_duplicate_reports_total",
    "Articles recognised as a repeat of one seen before (same URL or same body).",
    registry=REGISTRY,
)
EVENTS_EXTRACTED = Counter(
    "warwire_events_extracted_total", "Events extracted, by type.", ["type"], registry=REGISTRY
)
INCIDENTS_OPEN = Gauge(
    "warwire_incidents_open",
    "Incidents held in this worker's dedup window, by type.",
    ["type"],
    registry=REGISTRY,
)
INCIDENT_CHANGES = Counter(
    "warwire_incident_changes_total",
    "Incident versions published, by type.",
    ["type"],
    registry=REGISTRY,
)
ALERTS_PUBLISHED = Counter(
    "warwire_alerts_published_total", "Alerts published, by kind.", ["kind"], registry=REGISTRY
)
STAGE_DURATION = Histogram(
    "warwire_stage_duration_seconds",
    "Processing time per pipeline stage.",
    ["stage"],
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
ARTICLE_TO_ALERT = Histogram(
    "warwire_article_to_alert_latency_seconds",
    "Time from an article entering the articles topic to its alert being published.",
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
CONSUMER_LAG = Gauge(
    "warwire_consumer_lag_messages",
    "Messages behind the partition's highwater, per assigned partition.",
    ["topic", "partition"],
    registry=REGISTRY,
)
LAST_ARTICLE = Gauge(
    "warwire_last_article_timestamp_seconds",
    "Unix time at which this worker last finished an article.",
    registry=REGISTRY,
)

FORWARD_DELIVERIES = Counter(
    "warwire_forwarder_deliveries_total",
    "Alerts the webhook forwarder finished with, by outcome.",
    ["outcome"],
    registry=REGISTRY,
)
FORWARD_ATTEMPTS = Counter(
    "warwire_forwarder_attempts_total",
    "HTTP POST attempts by the webhook forwarder, by result (2xx, 4xx, 5xx, error).",
    ["result"],
    registry=REGISTRY,
)
FORWARD_DURATION = Histogram(
    "warwire_forwarder_delivery_duration_seconds",
    "Time to deliver one alert, retries included.",
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)


def serve_metrics(port: int, addr: str = "0.0.0.0") -> None:
    """Serve /metrics on `port` in a background thread; port 0 disables it."""
    if port:
        start_http_server(port, addr=addr, registry=REGISTRY)
