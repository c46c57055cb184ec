"""Reading a run's output topics back from the broker, for the robustness tests."""

from __future__ import annotations

import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from prometheus_client.parser import text_string_to_metric_families

from warwire.config import Settings
from warwire.kafka_io import poll_topics
from warwire.session import Collected


@dataclass
class Outputs:
    collected: Collected = field(default_factory=Collected)
    messages: Counter[str] = field(default_factory=Counter)
    """Physical messages read per output kind, repeats included."""


def output_kinds(settings: Settings) -> dict[str, str]:
    topics = settings.topics
    return {
        topics.receipts: "receipt",
        topics.events: "event",
        topics.incidents: "incident",
        topics.alerts: "alert",
        topics.dead_letters: "dead_letter",
    }


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
                outputs.collected.add(kinds[record.topic], record.value or b"")
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
