"""Several workers on one host: each serves /metrics on its own port, and both are scraped."""

from __future__ import annotations

import asyncio
import time
import urllib.error
from pathlib import Path

import pytest

from tests.integration.outputs import scrape, workers_with_own_metrics_ports
from warwire.config import Settings
from warwire.kafka_io import ensure_topics

pytestmark = pytest.mark.integration


def wait_for_scrape(port: int, timeout: float = 120.0) -> dict[str, float]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return scrape(port)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


async def test_two_workers_on_one_host_each_serve_their_own_metrics(
    settings: Settings, tmp_path: Path
) -> None:
    await ensure_topics(settings)
    workers = workers_with_own_metrics_ports(settings, tmp_path, 2)
    ports = [worker.settings.metrics_port for worker in workers]
    try:
        scraped = [await asyncio.to_thread(wait_for_scrape, port) for port in ports]
        assert all(worker.running for worker in workers)
    finally:
        for worker in workers:
            worker.stop()
    for samples in scraped:
        assert "warwire_articles_consumed_total" in samples
        assert samples["process_cpu_seconds_total"] > 0
