"""The worker app's consumer takes its fetch wait from the settings, not Faust's 1.5 s."""

from __future__ import annotations

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
