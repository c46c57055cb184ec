"""The worker app's consumer: its fetch wait from the settings, not Faust's 1.5 s, and the
partitions it fetches for fixed when a fetch starts."""

from __future__ import annotations

from typing import Any

import pytest
from faust.transport.drivers import aiokafka as driver
from faust.types import TP

from streams.app import create_app
from streams.transport import FAUST_FETCH_MAX_WAIT_MS
from warwire.config import Settings


async def test_worker_consumer_waits_at_most_the_configured_time() -> None:
    settings = Settings(broker="kafka://127.0.0.1:9", fetch_max_wait_ms=35, metrics_port=0)
    app = create_app(settings)
    thread = app.consumer._thread
    consumer = thread._create_worker_consumer(app.transport)
    try:
        assert consumer._fetch_max_wait_ms == 35 != FAUST_FETCH_MAX_WAIT_MS
    finally:
        await consumer.stop()


async def test_a_fetch_reads_the_partitions_active_when_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Faust pauses and resumes partitions in its set while a fetch waits in the consumer
    thread; aiokafka reads an empty set as "every partition", so a set emptied meanwhile
    returned, and moved past, records Faust then dropped."""
    seen: list[set[TP] | None] = []

    async def fetch(self: Any, active_partitions: set[TP] | None, timeout: float) -> Any:
        seen.append(active_partitions)
        return {}

    monkeypatch.setattr(driver.AIOKafkaConsumerThread, "getmany", fetch)
    app = create_app(Settings(broker="kafka://127.0.0.1:9", metrics_port=0))
    active = {TP("articles", 0), TP("articles", 1)}
    await app.consumer._thread.getmany(active, timeout=0.1)
    active.clear()
    assert seen == [{TP("articles", 0), TP("articles", 1)}]
