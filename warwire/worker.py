"""`warwire run`: one worker, on the configured broker or an embedded one."""

from __future__ import annotations

import asyncio
import logging

from warwire import metrics
from warwire.broker import EmbeddedBroker, start_embedded_broker
from warwire.config import Settings
from warwire.kafka_io import ensure_topics

log = logging.getLogger("warwire.worker")


def run_worker(settings: Settings) -> int:
    import faust

    from streams.app import create_app

    broker: EmbeddedBroker | None = None
    if not settings.broker:
        broker = start_embedded_broker()
        settings = settings.model_copy(update={"broker": broker.url})
        print(f"embedded broker (memory only) at {broker.url}", flush=True)
    try:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.run_until_complete(ensure_topics(settings))
        metrics.serve_metrics(settings.metrics_port)
        app = create_app(settings)
        worker = faust.Worker(app, loop=loop, loglevel=settings.log_level, quiet=True)
        try:
            worker.execute_from_commandline()
        except SystemExit as exit_:
            return int(exit_.code or 0)
        return 0
    finally:
        if broker:
            broker.stop()
