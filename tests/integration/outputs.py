"""Reading a run's output topics back from the broker, for the robustness tests."""

from __future__ import annotations

import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from prometheus_client.parser import text_string_to_metric_families

from schemas import Alert, Incident
from warwire import codec
from warwire.broker import free_port
from warwire.config import Settings
from warwire.kafka_io import poll_topics
from warwire.session import Collected, WorkerProcess, output_kinds


def article(article_id: str, outlet: str, published_at: str, body: str, url: str = "") -> bytes:
    """An English article message, its url made up from the outlet unless given."""
    return orjson.dumps(
        {
            "id": article_id,
            "url": url or f"https://{outlet.lower().replace(' ', '')}.example/{article_id}",
            "outlet": outlet,
            "title": None,
            "body": body,
            "published_at": published_at,
            "language": "en",
        }
    )


@dataclass
class Outputs:
    collected: Collected = field(default_factory=Collected)
    messages: Counter[str] = field(default_factory=Counter)
    """Physical messages read per output kind, repeats included."""
    alert_versions: dict[str, list[int]] = field(default_factory=dict)
    """Alert id -> the incident version of each physical copy, in arrival order."""
    last_incidents: dict[str, Incident] = field(default_factory=dict)
    """Incident id -> the last message for it: what a compacted topic keeps."""


async def collect(
    settings: Settings, done: Callable[[Collected], bool], timeout: float = 90.0
) -> Outputs:
    """Everything on the output topics, read from the start until `done` holds once every
    partition has been read to its end (or `timeout` passes)."""
    kinds = output_kinds(settings)
    outputs = Outputs()
    deadline = time.monotonic() + timeout
    polls = poll_topics(settings, list(kinds))
    try:
        async for records, caught_up in polls:
            for record in records:
                outputs.messages[kinds[record.topic]] += 1
                if kinds[record.topic] == "incident" and record.value:
                    incident = codec.loads(Incident, record.value)
                    outputs.last_incidents[incident.incident_id] = incident
                if kinds[record.topic] == "alert":
                    alert = codec.loads(Alert, record.value or b"")
                    outputs.alert_versions.setdefault(alert.alert_id, []).append(
                        alert.incident_version
                    )
                outputs.collected.add(kinds[record.topic], record.value or b"", record.key)
            if (caught_up and done(outputs.collected)) or time.monotonic() > deadline:
                break
    finally:
        await polls.aclose()
    return outputs


def scrape(port: int) -> dict[str, float]:
    """Sample name, with its labels if any, -> value from a worker's /metrics."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    samples: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return samples


def workers_with_own_metrics_ports(
    settings: Settings, logs: Path, count: int
) -> list[WorkerProcess]:
    """`count` workers of one group on this host, each serving /metrics on a port of its own
    (the first on `settings.metrics_port`)."""
    ports = [settings.metrics_port] + [free_port() for _ in range(count - 1)]
    return [
        WorkerProcess(
            settings.model_copy(update={"metrics_port": port}), logs / f"worker-{port}.log"
        ).start()
        for port in ports
    ]
